package dev.mucengine.core.internal.modules;

import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * XEP-0421 occupant ids: every presence and message the room sends on an occupant's behalf
 * carries {@code <occupant-id xmlns='urn:xmpp:occupant-id:0' id='…'/>} (§4), so that clients can
 * tell the same user across nickname changes, rejoins and the archive. The id is
 * {@link RoomView#occupantId}: stable per real bare JID and room, opaque (a keyed hash).
 *
 * <p>Presence: every broadcast, self-presence, unavailable and nickname change presence (the
 * room adds the element; one the client put in its own presence is replaced, as the engine does
 * for every element a module adds). Messages: groupchat messages, subject changes and private
 * messages the room relays, with any {@code <occupant-id/>} the sender wrote removed first (§4:
 * the service MUST remove it, or a client could pass for another). Discussion history and archive
 * results are the messages as reflected, so they carry the id the sender had.
 */
final class OccupantIdModule implements RoomModule {

    @Override
    public String name() {
        return "occupant-id";
    }

    @Override
    public List<String> protocolFeatures(RoomView room) {
        return List.of(XmppNamespaces.OCCUPANT_ID); // §3: advertised on every room
    }

    @Override
    public Message decorateMessage(ModuleContext context, Occupant sender, Message message) {
        List<Node> children = message.element().children();
        List<Node> decorated = new ArrayList<>(children.size() + 1);
        for (Node n : children) {
            if (!(n instanceof Element e && e.is(XmppNamespaces.OCCUPANT_ID, "occupant-id"))) {
                decorated.add(n);
            }
        }
        decorated.add(element(context.room(), sender));
        return message.withChildren(decorated);
    }

    @Override
    public List<Node> presenceExtensions(RoomView room, Occupant occupant) {
        return List.of(element(room, occupant));
    }

    private static Element element(RoomView room, Occupant occupant) {
        return Element.builder(XmppNamespaces.OCCUPANT_ID, "occupant-id")
                .attribute("id", room.occupantId(occupant.realJid())).build();
    }
}
