package dev.mucengine.server.abuse;

import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.StreamEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The client every abuse probe runs beside: from 127.0.0.1, so that no per-address limit an
 * attacker meets applies to it, it keeps joining its room (leaving and entering again every few
 * rounds), sending a groupchat message and waiting for it to come back, and pinging the server;
 * it answers the server's pings. Anything lost (a message not reflected, a ping not answered, a
 * join not confirmed, the connection ending) is recorded as a failure, with what was waited for.
 */
final class HealthyClient implements AutoCloseable {

    static final String USER = "healthy";
    static final String PASSWORD = "healthy-pw";
    private static final String ROOM = "healthy@conference.localhost";
    private static final String NICK = "Healthy";
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    /** A guard against hanging the build, not a timing assertion. */
    private static final long WAIT_SECONDS = 60;

    private final ProbeClient client;
    private final LinkedBlockingQueue<Element> arrivals = new LinkedBlockingQueue<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger rounds = new AtomicInteger();
    private final Thread loop;
    private volatile boolean stopped;

    private HealthyClient(ProbeClient client) {
        this.client = client;
        this.loop = new Thread(this::loop, "healthy-client");
        loop.setDaemon(true);
    }

    /** Logs in, enters the room and starts the rounds. */
    static HealthyClient start(int port) throws IOException {
        HealthyClient h = new HealthyClient(ProbeClient.loggedIn("127.0.0.1", port, USER, PASSWORD, "healthy"));
        h.client.noReadGuard();
        Thread reader = new Thread(h::read, "healthy-reader");
        reader.setDaemon(true);
        reader.start();
        h.loop.start();
        return h;
    }

    /** Rounds completed so far. */
    int rounds() {
        return rounds.get();
    }

    /** Waits until two more rounds have completed (or a failure), then returns what failed. */
    List<String> failuresAfterTwoMoreRounds() throws InterruptedException {
        int target = rounds.get() + 2;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2 * WAIT_SECONDS);
        while (rounds.get() < target && failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (rounds.get() < target && failures.isEmpty()) {
            failures.add("no progress: stuck at round " + rounds.get());
        }
        return List.copyOf(failures);
    }

    private void loop() {
        try {
            for (int round = 0; !stopped && failures.isEmpty(); round++) {
                if (round % 5 == 0) {
                    if (round > 0) {
                        client.send("<presence type='unavailable' to='" + ROOM + "/" + NICK + "'/>");
                        await("its own unavailable presence", e -> selfPresence(e)
                                && e.attribute("type").filter("unavailable"::equals).isPresent());
                    }
                    join();
                }
                String body = "healthy-" + round;
                client.send("<message type='groupchat' to='" + ROOM + "' id='m" + round + "'><body>" + body
                        + "</body></message>");
                await("its message " + body + " back", e -> e.localName().equals("message")
                        && e.childText("jabber:client", "body").filter(body::equals).isPresent());
                String ping = "p" + round;
                client.send("<iq type='get' to='localhost' id='" + ping + "'><ping xmlns='urn:xmpp:ping'/></iq>");
                await("the answer to ping " + ping, e -> e.localName().equals("iq")
                        && e.attribute("id").filter(ping::equals).isPresent()
                        && e.attribute("type").filter("result"::equals).isPresent());
                rounds.incrementAndGet();
                Thread.sleep(20);
            }
        } catch (IOException e) {
            failures.add("sending failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Enters the room; a room it creates is made persistent, so that entering again is no new
     * creation (a user may create only so many rooms a minute).
     */
    private void join() throws IOException, InterruptedException {
        client.send("<presence to='" + ROOM + "/" + NICK + "'><x xmlns='http://jabber.org/protocol/muc'>"
                + "<history maxstanzas='0'/></x></presence>");
        Element self = await("its own presence in the room", e -> selfPresence(e)
                && e.attribute("type").isEmpty());
        if (self != null && hasStatus(self, "201")) {
            client.send("<iq type='set' to='" + ROOM + "' id='config'><query"
                    + " xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'>"
                    + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>"
                    + "<field var='muc#roomconfig_persistentroom'><value>1</value></field></x></query></iq>");
            await("the room's configuration result", e -> e.attribute("id").filter("config"::equals).isPresent()
                    && e.attribute("type").filter("result"::equals).isPresent());
        }
    }

    private @Nullable Element await(String what, Predicate<Element> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            Element e = arrivals.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null || e.is("urn:test", "ended")) {
                failures.add("waited for " + what + (e == null ? " in vain" : ", but the connection ended"));
                stopped = true;
                return null;
            }
            if (e.attribute("type").filter("error"::equals).isPresent()) {
                failures.add("got an error while waiting for " + what + ": " + e);
                stopped = true;
                return null;
            }
            if (test.test(e)) {
                return e;
            }
        }
    }

    private void read() {
        try {
            while (true) {
                StreamEvent event = client.nextEvent();
                if (!(event instanceof StreamEvent.ElementReceived r)) {
                    break;
                }
                Element e = r.element();
                if (e.localName().equals("iq") && e.attribute("type").filter("get"::equals).isPresent()
                        && e.child("urn:xmpp:ping", "ping").isPresent()) {
                    client.send("<iq type='result' to='" + e.attribute("from").orElse("localhost") + "' id='"
                            + e.attribute("id").orElse("") + "'/>"); // XEP-0199: answer the server's ping
                    continue;
                }
                arrivals.add(e);
            }
        } catch (IOException | RuntimeException e) {
            // the connection ended
        }
        if (!stopped) {
            arrivals.add(Element.empty("urn:test", "ended"));
        }
    }

    private static boolean selfPresence(Element e) {
        return e.localName().equals("presence") && e.attribute("from").filter((ROOM + "/" + NICK)::equals).isPresent()
                && hasStatus(e, "110");
    }

    private static boolean hasStatus(Element presence, String code) {
        return presence.child(MUC_USER, "x").map(x -> x.elements().stream().anyMatch(s -> s.localName().equals("status")
                && s.attribute("code").filter(code::equals).isPresent())).orElse(false);
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        loop.interrupt();
        client.close();
    }
}
