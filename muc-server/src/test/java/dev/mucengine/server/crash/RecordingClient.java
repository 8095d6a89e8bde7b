package dev.mucengine.server.crash;

import dev.mucengine.core.xml.Element;
import dev.mucengine.server.c2s.RawClient;
import dev.mucengine.xml.StreamEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client for the crash tests: raw XML out; a reader thread records what comes in: every
 * groupchat message with a body (room, body, stanza id, in arrival order), every iq answer by id,
 * the rooms whose shutdown presence (332) it got, and archive results by query id. Whatever the
 * server does, it only records; the test decides.
 */
final class RecordingClient implements AutoCloseable {

    static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    private static final long WAIT_SECONDS = 30; // a guard against hanging the build, not a timing assertion

    /** A groupchat message as received: its room, body and the room's stanza id. */
    record Received(String room, String body, String stanzaId) {
    }

    private final RawClient raw;
    private final String nick;
    final List<Received> received = java.util.Collections.synchronizedList(new ArrayList<>());
    final Set<String> shutdownRooms = ConcurrentHashMap.newKeySet();
    final AtomicLong ownReflected = new AtomicLong();
    private final Map<String, LinkedBlockingQueue<Element>> answers = new ConcurrentHashMap<>();
    private final Map<String, List<Element>> results = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Element> selfPresences = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private RecordingClient(RawClient raw, String nick) {
        this.raw = raw;
        this.nick = nick;
    }

    /** Connects, logs in with PLAIN as {@code user}, binds, sends presence, starts recording. */
    static RecordingClient connect(int port, String user, String password) throws IOException {
        RawClient raw = RawClient.loggedIn(port, user, password, "crash");
        raw.noReadTimeout(); // the reader thread waits as long as the connection lives
        RecordingClient c = new RecordingClient(raw, user);
        c.send("<presence/>");
        Thread t = new Thread(c::record, "recording-" + user);
        t.setDaemon(true);
        t.start();
        return c;
    }

    String nick() {
        return nick;
    }

    synchronized void send(String xml) throws IOException {
        raw.send(xml);
    }

    /** Enters {@code room} (which may not exist yet) and waits for the own presence. */
    Element join(String room) throws IOException, InterruptedException {
        send("<presence to='" + room + "/" + nick + "'><x xmlns='http://jabber.org/protocol/muc'>"
                + "<history maxstanzas='0'/></x></presence>");
        Element self = selfPresences.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (self == null) {
            throw new IOException(nick + " got no presence entering " + room);
        }
        return self;
    }

    /** Sends an iq and waits for its answer; empty if the connection ended first. */
    Optional<Element> request(String id, String iq) throws IOException, InterruptedException {
        LinkedBlockingQueue<Element> answer = answers.computeIfAbsent(id, k -> new LinkedBlockingQueue<>());
        if (ended) {
            return Optional.empty(); // the reader has stopped: no answer will come
        }
        send(iq);
        return Optional.ofNullable(answer.poll(WAIT_SECONDS, TimeUnit.SECONDS)).filter(e -> e.localName().equals("iq"));
    }

    /** The archive results received for a query id, in order. */
    List<Element> results(String queryId) {
        return results.getOrDefault(queryId, List.of());
    }

    private void record() {
        try {
            while (true) {
                StreamEvent e = raw.nextEvent();
                if (!(e instanceof StreamEvent.ElementReceived r)) {
                    break;
                }
                take(r.element());
            }
        } catch (IOException | RuntimeException e) {
            // the connection ended
        }
        ended = true;
        answers.values().forEach(q -> q.add(Element.empty("urn:test", "ended")));
        selfPresences.add(Element.empty("urn:test", "ended"));
    }

    private void take(Element e) {
        String from = e.attribute("from").orElse("");
        String room = from.contains("/") ? from.substring(0, from.indexOf('/')) : from;
        switch (e.localName()) {
            case "iq" -> e.attribute("id").ifPresent(id ->
                    answers.computeIfAbsent(id, k -> new LinkedBlockingQueue<>()).add(e));
            case "presence" -> {
                Optional<Element> x = e.child(MUC_USER, "x");
                boolean self = x.map(u -> hasStatus(u, "110")).orElse(false);
                if (self && x.map(u -> hasStatus(u, "332")).orElse(false)) {
                    shutdownRooms.add(room);
                } else if (self && !e.attribute("type").filter("unavailable"::equals).isPresent()) {
                    selfPresences.add(e);
                } else if (e.attribute("type").filter("error"::equals).isPresent()) {
                    selfPresences.add(e);
                }
            }
            case "message" -> message(e, room, from);
            default -> {
            }
        }
    }

    private void message(Element e, String room, String from) {
        Optional<Element> result = e.child("urn:xmpp:mam:2", "result");
        if (result.isPresent()) {
            String queryId = result.get().attribute("queryid").orElse("");
            results.computeIfAbsent(queryId, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(result.get());
            return;
        }
        if (!e.attribute("type").filter("groupchat"::equals).isPresent()) {
            return;
        }
        Optional<String> body = e.childText("jabber:client", "body");
        if (body.isEmpty()) {
            return;
        }
        String id = e.elements().stream().filter(c -> c.is("urn:xmpp:sid:0", "stanza-id"))
                .filter(c -> c.attribute("by").filter(room::equals).isPresent())
                .findFirst().flatMap(c -> c.attribute("id")).orElse("");
        received.add(new Received(room, body.get(), id));
        if (from.endsWith("/" + nick)) {
            ownReflected.incrementAndGet();
        }
    }

    private static boolean hasStatus(Element x, String code) {
        return x.elements().stream().anyMatch(s -> s.localName().equals("status")
                && s.attribute("code").filter(code::equals).isPresent());
    }

    /** The messages received from {@code room}, in order. */
    List<Received> receivedIn(String room) {
        synchronized (received) {
            return received.stream().filter(r -> r.room().equals(room)).toList();
        }
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
