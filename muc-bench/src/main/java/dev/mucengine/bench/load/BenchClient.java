package dev.mucengine.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A load client's behaviour once logged in: joining rooms (XEP-0045 §7.2), making a new room an
 * instant room (§10.1.2), sending numbered groupchat messages with a window of its own in flight,
 * checking every numbered message it receives ({@link SequenceCheck}), and pinging (XEP-0199).
 * The receive path only scans bytes. Stanza handling runs on the connection's loop thread; the
 * methods that start something may be called from any thread.
 */
final class BenchClient implements XmppConnection.Handler {

    private static final byte[] MESSAGE = Bytes.ascii("<message");
    private static final byte[] PRESENCE = Bytes.ascii("<presence");
    private static final byte[] IQ = Bytes.ascii("<iq");
    private static final byte[] NUMBERED_BODY = Bytes.ascii("<body>L ");
    private static final byte[][] SELF = Bytes.attribute("code", "110");
    private static final byte[][] ERROR = Bytes.attribute("type", "error");
    private static final byte[][] RESULT = Bytes.attribute("type", "result");
    private static final byte[] FROM_SINGLE = Bytes.ascii(" from='");
    private static final byte[] FROM_DOUBLE = Bytes.ascii(" from=\"");
    private static final byte[] ID_SINGLE = Bytes.ascii(" id='");
    private static final byte[] ID_DOUBLE = Bytes.ascii(" id=\"");

    private final Map<String, CompletableFuture<Void>> joins = new ConcurrentHashMap<>();
    /** Only on the loop thread. */
    private final Map<String, PendingIq> iqs = new HashMap<>();
    private @Nullable XmppConnection connection;
    private @Nullable Traffic traffic;
    private @Nullable SequenceCheck check;
    private String sendTo = "";
    private int senderIndex = -1;
    /** Written on the loop thread only; read by others once sending stopped. */
    private volatile long sent;
    private long ownReceived;
    private long iqCounter;

    void attach(XmppConnection c) {
        connection = c;
    }

    XmppConnection connection() {
        return connection;
    }

    /** Joins {@code room} as {@code nick} without history; completes on the self-presence (status 110). */
    CompletableFuture<Void> join(String room, String nick) {
        CompletableFuture<Void> joined = new CompletableFuture<>();
        joins.put(room, joined);
        connection.loop().execute(() -> connection.send("<presence to='" + room + "/" + nick + "'>"
                + "<x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='0'/></x></presence>"));
        return joined;
    }

    /** Accepts the default configuration, making the new room an instant room (XEP-0045 §10.1.2). */
    CompletableFuture<Long> configureInstant(String room) {
        return iq(room, "set", "<query xmlns='http://jabber.org/protocol/muc#owner'>"
                + "<x xmlns='jabber:x:data' type='submit'/></query>");
    }

    /** An XMPP ping to the server (XEP-0199 §4.2); completes with the round trip in nanoseconds. */
    CompletableFuture<Long> ping(String domain) {
        return iq(domain, "get", "<ping xmlns='urn:xmpp:ping'/>");
    }

    private CompletableFuture<Long> iq(String to, String type, String payload) {
        CompletableFuture<Long> answered = new CompletableFuture<>();
        connection.loop().execute(() -> {
            String id = "q" + (iqCounter++);
            iqs.put(id, new PendingIq(answered, System.nanoTime()));
            connection.send("<iq type='" + type + "' id='" + id + "' to='" + to + "'>" + payload + "</iq>");
        });
        return answered;
    }

    /** An iq sent and not yet answered, and when it was sent. */
    private record PendingIq(CompletableFuture<Long> answered, long sentAt) {
    }

    /** From now on, checks numbered messages from {@code traffic.senders} senders. */
    void receive(Traffic t) {
        traffic = t;
        check = new SequenceCheck(t.senders);
    }

    /** Makes this client sender {@code index} into {@code room}: it fills its window now and on every reflection. */
    void startSending(int index, String room) {
        connection.loop().execute(() -> {
            senderIndex = index;
            sendTo = room;
            fillWindow();
        });
    }

    long sent() {
        return sent;
    }

    /** What this receiver saw; call on its loop thread once senders stopped. */
    SequenceCheck.Outcome outcome(long[] sentBySender) {
        return check == null ? new SequenceCheck.Outcome(0, 0, 0) : check.outcome(sentBySender);
    }

    private void fillWindow() {
        Traffic t = traffic;
        while (t != null && t.sending && sent - ownReceived < t.window) {
            connection.send("<message type='groupchat' to='" + sendTo + "'><body>L " + senderIndex + " " + sent + " "
                    + System.nanoTime() + "</body></message>");
            sent++;
        }
    }

    @Override
    public void stanza(XmppConnection c, byte[] b, int from, int to) {
        if (Bytes.startsWith(b, from, to, MESSAGE)) {
            message(b, from, to);
        } else if (Bytes.startsWith(b, from, to, PRESENCE)) {
            presence(b, from, to);
        } else if (Bytes.startsWith(b, from, to, IQ)) {
            iqAnswer(b, from, to);
        }
    }

    private void message(byte[] b, int from, int to) {
        int body = Bytes.indexOf(b, from, to, NUMBERED_BODY);
        if (body < 0 || traffic == null) {
            return; // a subject, or something else not ours
        }
        long now = System.nanoTime();
        int at = body + NUMBERED_BODY.length;
        int sender = (int) Bytes.number(b, at, to);
        at = Bytes.skipDigits(b, at, to) + 1;
        long sequence = Bytes.number(b, at, to);
        at = Bytes.skipDigits(b, at, to) + 1;
        long sentAt = Bytes.number(b, at, to);
        Traffic t = traffic;
        t.deliveries.increment();
        if (t.recording) {
            connection.loop().latencies().add(now - sentAt);
        }
        check.received(sender, sequence);
        if (sender == senderIndex) {
            ownReceived++;
            fillWindow();
        }
    }

    private void presence(byte[] b, int from, int to) {
        boolean self = Bytes.containsAttribute(b, from, to, SELF);
        boolean error = Bytes.hasAttribute(b, from, to, ERROR);
        if (!self && !error) {
            return;
        }
        String sender = attribute(b, from, to, FROM_SINGLE, FROM_DOUBLE);
        int slash = sender.indexOf('/');
        CompletableFuture<Void> joined = joins.remove(slash < 0 ? sender : sender.substring(0, slash));
        if (joined == null) {
            return;
        }
        if (error) {
            joined.completeExceptionally(new IOException("join refused: " + text(b, from, to)));
        } else {
            joined.complete(null);
        }
    }

    private void iqAnswer(byte[] b, int from, int to) {
        String id = attribute(b, from, to, ID_SINGLE, ID_DOUBLE);
        PendingIq pending = iqs.remove(id);
        if (pending == null) {
            return;
        }
        if (Bytes.hasAttribute(b, from, to, RESULT)) {
            pending.answered().complete(System.nanoTime() - pending.sentAt());
        } else {
            pending.answered().completeExceptionally(new IOException("iq failed: " + text(b, from, to)));
        }
    }

    /** The value of the start tag's attribute whose opening is {@code single} or {@code dbl}; "" if none. */
    private static String attribute(byte[] b, int from, int to, byte[] single, byte[] dbl) {
        int tagEnd = Bytes.indexOf(b, from, to, new byte[] {'>'});
        int end = tagEnd < 0 ? to : tagEnd;
        int at = Bytes.indexOf(b, from, end, single);
        byte quote = '\'';
        if (at < 0) {
            at = Bytes.indexOf(b, from, end, dbl);
            quote = '"';
        }
        if (at < 0) {
            return "";
        }
        int start = at + single.length;
        int close = Bytes.indexOf(b, start, end, new byte[] {quote});
        return close < 0 ? "" : new String(b, start, close - start, StandardCharsets.UTF_8);
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
}
