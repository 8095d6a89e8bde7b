package dev.mucengine.core.service;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.owner.RoomDestruction;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.muc.Destroy;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * XEP-0050 ad-hoc commands for service administrators: destroying rooms (the node Prosody's
 * admins use, so existing admin tooling works unchanged). Others are forbidden.
 */
final class ServiceCommands {

    static final String DESTROY_NODE = "http://prosody.im/protocol/muc#destroy";

    private final DomainBareJid domain;

    ServiceCommands(DomainBareJid domain) {
        this.domain = domain;
    }

    List<Element> items(boolean admin) {
        if (!admin) {
            return List.of();
        }
        return List.of(Element.builder(XmppNamespaces.DISCO_ITEMS, "item").attribute("jid", domain.toString())
                .attribute("node", DESTROY_NODE).attribute("name", "Destroy rooms").build());
    }

    void execute(Iq iq, Element command, boolean admin, RoomRegistry registry, RoomContext context, Outbox out) {
        Optional<String> node = command.attribute("node");
        if (node.isEmpty() || !node.get().equals(DESTROY_NODE)) {
            out.send(iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND).withText("Unknown command")));
            return;
        }
        if (!admin) {
            out.send(iq.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Only service administrators may run this command")));
            return;
        }
        String sessionId = command.attribute("sessionid").orElseGet(() -> context.ids().nextId());
        if ("cancel".equals(command.attribute("action").orElse(""))) {
            out.send(iq.resultReply(commandElement(sessionId, "canceled").build()));
            return;
        }
        Optional<Element> x = command.child(XmppNamespaces.DATA, "x");
        if (x.isEmpty()) {
            DataForm form = DataForm.of("form", List.of(
                    FormField.of("rooms", FieldType.JID_MULTI, "Rooms to destroy", List.of()).asRequired()))
                    .withTitle("Destroy rooms");
            out.send(iq.resultReply(commandElement(sessionId, "executing").child(form.toElement()).build()));
            return;
        }
        List<EntityBareJid> targets = new ArrayList<>();
        for (String value : DataForm.fromElement(x.get()).values("rooms")) {
            try {
                targets.add(JidCreate.entityBareFrom(value.trim()));
            } catch (XmppStringprepException | IllegalArgumentException e) {
                out.send(iq.errorReply(StanzaError.of(Condition.JID_MALFORMED).withText("Not a room address: " + value)));
                return;
            }
        }
        List<String> destroyed = new ArrayList<>();
        for (EntityBareJid target : targets) {
            Optional<Room> room = registry.find(target);
            if (room.isPresent()) {
                RoomDestruction.destroy(room.get(), Destroy.PLAIN, out);
                registry.settle(room.get(), out);
                destroyed.add(target.toString());
            }
        }
        Element note = Element.builder(XmppNamespaces.COMMANDS, "note").attribute("type", "info")
                .text("The following rooms were destroyed:\n" + String.join("\n", destroyed)).build();
        out.send(iq.resultReply(commandElement(sessionId, "completed").child(note).build()));
    }

    private static ElementBuilder commandElement(String sessionId, String status) {
        return Element.builder(XmppNamespaces.COMMANDS, "command").attribute("node", DESTROY_NODE)
                .attribute("status", status).attribute("sessionid", sessionId);
    }
}
