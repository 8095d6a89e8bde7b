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

    /** What a command request asks for (XEP-0050 §4): decided before anything is done. */
    private enum Step {
        UNKNOWN_NODE, FORBIDDEN, CANCEL, FORM, DESTROY
    }

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

    /**
     * Whether running {@code command} reads or changes rooms (an administrator's submitted destroy
     * form), so that every room must be held still meanwhile; asking for the form, cancelling and
     * every refusal touch none.
     */
    boolean touchesRooms(Element command, boolean admin) {
        return step(command, admin) == Step.DESTROY;
    }

    private static Step step(Element command, boolean admin) {
        if (!command.attribute("node").filter(DESTROY_NODE::equals).isPresent()) {
            return Step.UNKNOWN_NODE;
        }
        if (!admin) {
            return Step.FORBIDDEN;
        }
        if ("cancel".equals(command.attribute("action").orElse(""))) {
            return Step.CANCEL;
        }
        return command.child(XmppNamespaces.DATA, "x").isEmpty() ? Step.FORM : Step.DESTROY;
    }

    void execute(Iq iq, Element command, boolean admin, RoomRegistry registry, RoomContext context, Outbox out) {
        Step step = step(command, admin);
        if (step == Step.UNKNOWN_NODE) {
            out.send(iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND).withText("Unknown command")));
            return;
        }
        if (step == Step.FORBIDDEN) {
            out.send(iq.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Only service administrators may run this command")));
            return;
        }
        String sessionId = command.attribute("sessionid").orElseGet(() -> context.ids().nextId());
        if (step == Step.CANCEL) {
            out.send(iq.resultReply(commandElement(sessionId, "canceled").build()));
            return;
        }
        if (step == Step.FORM) {
            DataForm form = DataForm.of("form", List.of(
                    FormField.of("rooms", FieldType.JID_MULTI, "Rooms to destroy", List.of()).asRequired()))
                    .withTitle("Destroy rooms");
            out.send(iq.resultReply(commandElement(sessionId, "executing").child(form.toElement()).build()));
            return;
        }
        List<EntityBareJid> targets = new ArrayList<>();
        Element x = command.child(XmppNamespaces.DATA, "x").orElseThrow(); // Step.DESTROY: submitted
        for (String value : DataForm.fromElement(x).values("rooms")) {
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
