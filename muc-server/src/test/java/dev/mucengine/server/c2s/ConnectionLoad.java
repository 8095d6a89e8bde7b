package dev.mucengine.server.c2s;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A measuring tool, not a test: opens N concurrent client connections to a running {@code serve}
 * (accounts {@code userI:pw}), each authenticating with PLAIN, binding, sending presence and
 * joining one of N/50 rooms, then checks that every connection still answers a ping (all sent at
 * once), then pings each connection alone and prints the round trips' p50 and p99.
 *
 * <p>{@code java -cp ... dev.mucengine.server.c2s.ConnectionLoad PORT COUNT}, against a serve started with
 * {@code --max-connections-per-address} above COUNT: every client comes from 127.0.0.1.
 */
public final class ConnectionLoad {

    private ConnectionLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        List<RawClient> clients = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            RawClient c = RawClient.loggedIn(port, "user" + i, "pw", "load");
            c.send("<presence/>");
            c.send("<presence to='room" + (i / 50) + "@conference.localhost/u" + i + "'>"
                    + "<x xmlns='http://jabber.org/protocol/muc'/></presence>");
            if (i % 50 == 0) { // it creates the room: an instant room, unlocked for the others (XEP-0045 §10.1.2)
                c.send("<iq type='set' id='cfg' to='room" + (i / 50) + "@conference.localhost'>"
                        + "<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'/>"
                        + "</query></iq>");
                c.nextMatching(e -> e.attribute("id").orElse("").equals("cfg"));
            }
            clients.add(c);
        }
        long connected = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = "ping" + i;
            clients.get(i).send("<iq type='get' id='" + id + "'><ping xmlns='urn:xmpp:ping'/></iq>");
        }
        int answered = 0;
        for (int i = 0; i < count; i++) {
            String id = "ping" + i;
            clients.get(i).nextMatching(e -> e.attribute("id").orElse("").equals(id));
            answered++;
        }
        long pinged = System.nanoTime();
        System.out.printf("connections=%d loginAndJoinMs=%d pingAllMs=%d answered=%d%n", count,
                (connected - start) / 1_000_000, (pinged - connected) / 1_000_000, answered);
        // Then one ping at a time on every connection, while all are open: each round trip alone.
        long[] roundTrips = new long[count];
        for (int i = 0; i < count; i++) {
            String id = "alone" + i;
            long sent = System.nanoTime();
            clients.get(i).send("<iq type='get' id='" + id + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            clients.get(i).nextMatching(e -> e.attribute("id").orElse("").equals(id));
            roundTrips[i] = System.nanoTime() - sent;
        }
        Arrays.sort(roundTrips);
        System.out.printf("ping one at a time: p50=%.2fms p99=%.2fms max=%.2fms%n", roundTrips[count / 2] / 1e6,
                roundTrips[(int) (count * 0.99)] / 1e6, roundTrips[count - 1] / 1e6);
        if (args.length > 2) {
            Thread.sleep(Long.parseLong(args[2])); // hold the connections while the server is measured
        }
        for (RawClient c : clients) {
            c.close();
        }
    }
}
