package dev.mucengine.server.crash;

import dev.mucengine.core.xml.Element;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a room's owner reads back after a restart: the whole archive (XEP-0313, paged), the room's
 * name (its configuration form) and its members (the muc#admin member list).
 */
final class RoomAudit {

    /** One archived message: its archive id (the stanza id) and body. */
    record Archived(String id, String body) {
    }

    private final RecordingClient owner;
    private int requests;

    RoomAudit(RecordingClient owner) {
        this.owner = owner;
    }

    /** Every archived message of {@code room}, oldest first, read a hundred at a time. */
    List<Archived> archive(String room) throws IOException, InterruptedException {
        List<Archived> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < 10_000; page++) {
            String queryId = "audit-" + (++requests);
            Element fin = answer(owner.request(queryId, "<iq type='set' id='" + queryId + "' to='" + room + "'>"
                    + "<query xmlns='urn:xmpp:mam:2' queryid='" + queryId + "'><set xmlns='http://jabber.org/protocol/rsm'>"
                    + "<max>100</max>" + after.map(a -> "<after>" + a + "</after>").orElse("") + "</set></query></iq>"),
                    queryId).child("urn:xmpp:mam:2", "fin").orElseThrow();
            for (Element result : owner.results(queryId)) {
                Element message = result.child("urn:xmpp:forward:0", "forwarded").orElseThrow()
                        .child("jabber:client", "message").orElseThrow();
                all.add(new Archived(result.attribute("id").orElseThrow(),
                        message.childText("jabber:client", "body").orElse("")));
            }
            if (fin.attribute("complete").filter("true"::equals).isPresent()) {
                return all;
            }
            after = Optional.of(all.get(all.size() - 1).id());
        }
        throw new IOException("the archive of " + room + " never completes");
    }

    /** The room's name, from its configuration form. */
    String name(String room) throws IOException, InterruptedException {
        String id = "audit-" + (++requests);
        Element form = answer(owner.request(id, "<iq type='get' id='" + id + "' to='" + room + "'>"
                + "<query xmlns='http://jabber.org/protocol/muc#owner'/></iq>"), id)
                .child("http://jabber.org/protocol/muc#owner", "query").orElseThrow()
                .child("jabber:x:data", "x").orElseThrow();
        return form.elements().stream()
                .filter(f -> f.attribute("var").filter("muc#roomconfig_roomname"::equals).isPresent())
                .findFirst().flatMap(f -> f.childText("jabber:x:data", "value")).orElse("");
    }

    /** The bare JIDs on the room's member list. */
    List<String> members(String room) throws IOException, InterruptedException {
        String id = "audit-" + (++requests);
        Element query = answer(owner.request(id, "<iq type='get' id='" + id + "' to='" + room + "'>"
                + "<query xmlns='http://jabber.org/protocol/muc#admin'><item affiliation='member'/></query></iq>"), id)
                .child("http://jabber.org/protocol/muc#admin", "query").orElseThrow();
        return query.elements().stream().map(i -> i.attribute("jid").orElseThrow()).toList();
    }

    private static Element answer(Optional<Element> iq, String id) throws IOException {
        Element e = iq.orElseThrow(() -> new IOException("no answer to " + id));
        if (!e.attribute("type").filter("result"::equals).isPresent()) {
            throw new IOException(id + " failed: " + e);
        }
        return e;
    }
}
