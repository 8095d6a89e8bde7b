package dev.mucengine.testkit;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.api.StanzaHandler;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.Jid;

/**
 * A test double standing in for the engine: rooms anyone can join, groupchat reflection, leave.
 * Just enough MUC for the harness's own scenarios; it is not the engine.
 */
public final class ToyRoomEngine implements StanzaHandler {

    static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    // occupant JID (room/nick) -> real JID, per room, in join order
    private final Map<String, Map<String, Jid>> rooms = new LinkedHashMap<>();

    public ToyRoomEngine(EngineSettings settings) {
    }

    @Override
    public Effects handle(Stanza stanza, Instant now) {
        List<Stanza> out = new ArrayList<>();
        Jid from = stanza.from().orElseThrow();
        Jid to = stanza.to().orElseThrow();
        String room = to.asBareJid().toString();
        Map<String, Jid> occupants = rooms.computeIfAbsent(room, r -> new LinkedHashMap<>());
        String type = stanza.rawType().orElse("");
        if (stanza.element().localName().equals("presence") && to.hasResource()) {
            String occupant = to.toString();
            if (type.isEmpty()) {
                for (Map.Entry<String, Jid> o : occupants.entrySet()) {
                    out.add(presence(o.getKey(), from, "", o.getValue(), false));
                }
                occupants.put(occupant, from);
                for (Map.Entry<String, Jid> o : occupants.entrySet()) {
                    out.add(presence(occupant, o.getValue(), "", from, o.getValue().equals(from)));
                }
            } else if (type.equals("unavailable") && occupants.containsKey(occupant)) {
                for (Map.Entry<String, Jid> o : occupants.entrySet()) {
                    out.add(presence(occupant, o.getValue(), "unavailable", from, o.getValue().equals(from)));
                }
                occupants.remove(occupant);
            }
        } else if (stanza.element().localName().equals("message") && type.equals("groupchat")) {
            String nick = occupants.entrySet().stream().filter(e -> e.getValue().equals(from))
                    .map(Map.Entry::getKey).findFirst().orElse(room);
            for (Jid real : occupants.values()) {
                out.add(parse(stanza.element().withAttribute("from", nick).withAttribute("to", real.toString())));
            }
        } else if (!stanza.isError()) {
            out.add(stanza.errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)));
        }
        return new Effects(out, List.of());
    }

    private static Stanza presence(String occupant, Jid recipient, String type, Jid real, boolean self) {
        ElementBuilder item = Element.builder(MUC_USER, "item").attribute("jid", real.toString())
                .attribute("affiliation", "none").attribute("role", type.isEmpty() ? "participant" : "none");
        ElementBuilder x = Element.builder(MUC_USER, "x").child(item.build());
        if (self) {
            x.child(Element.builder(MUC_USER, "status").attribute("code", "110").build());
        }
        ElementBuilder p = Element.builder(Stanza.CLIENT_NAMESPACE, "presence")
                .attribute("from", occupant).attribute("to", recipient.toString());
        if (!type.isEmpty()) {
            p.attribute("type", type);
        }
        return parse(p.child(x.build()).build());
    }

    private static Stanza parse(Element e) {
        return ((StanzaResult.Valid) Stanza.parse(e)).stanza();
    }
}
