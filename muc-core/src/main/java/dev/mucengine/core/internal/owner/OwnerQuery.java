package dev.mucengine.core.internal.owner;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.internal.room.AffiliationChanger;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.RoomIqHandler;
import dev.mucengine.core.internal.admin.AffiliationEffects;
import dev.mucengine.core.internal.config.ConfigDraft;
import dev.mucengine.core.internal.config.RoomConfigForm;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * muc#owner requests (XEP-0045 §10), owners only (service administrators count as owners);
 * anyone else gets forbidden:
 *
 * <ul>
 *   <li>get: the configuration form with the current values (§10.2);
 *   <li>set with {@code <x type='submit'/>}: a new configuration (§10.1.2-§10.2). Fields absent
 *       from the submission keep their values, an empty form accepts the current ones (instant room,
 *       §10.1.2). Every field is validated before anything changes; an invalid submission leaves the
 *       room as it was. On success the room is unlocked, the empty result is sent first, then the
 *       consequences of owner/admin list changes, the 104 notification (§10.2.1) and, when the room
 *       became members-only, the removal of non-members (322);
 *   <li>set with {@code <x type='cancel'/>}: a locked new room is destroyed (§10.1.3), an existing
 *       room keeps its configuration; either way the answer is an empty result;
 *   <li>set with {@code <destroy/>}: the room is destroyed (§10.9), then the empty result.
 * </ul>
 */
public final class OwnerQuery implements RoomIqHandler {

    private final AffiliationChanger affiliations;
    private final RoomConfigForm form;

    /** The standard configuration form; owner/admin list changes go through {@code affiliations}. */
    public OwnerQuery(AffiliationChanger affiliations) {
        this(affiliations, RoomConfigForm.standard());
    }

    public OwnerQuery(AffiliationChanger affiliations, RoomConfigForm form) {
        this.affiliations = affiliations;
        this.form = form;
    }

    @Override
    public String namespace() {
        return MucNamespaces.MUC_OWNER;
    }

    @Override
    public void handle(Room room, Iq iq, EntityFullJid sender, Element query, RoomContext context, Outbox out) {
        if (room.destroyed()) {
            out.send(iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)));
            return;
        }
        Jid from = sender;
        if (context.privilege(room, from) != Affiliation.OWNER) {
            out.send(iq.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("only owners may configure or destroy the room")));
            return;
        }
        if (iq.type() == IqType.GET) {
            out.send(iq.resultReply(Element.builder(MucNamespaces.MUC_OWNER, "query")
                    .child(form.render(room).toElement()).build()));
            return;
        }
        Optional<Element> payload = query.elements().stream().findFirst();
        if (payload.isPresent() && payload.get().is(MucNamespaces.DATA, "x")) {
            DataForm submitted = DataForm.fromElement(payload.get());
            switch (submitted.type()) {
                case "submit" -> submit(room, iq, from, submitted, context, out);
                case "cancel" -> cancel(room, iq, out);
                default -> out.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                        .withText("expected a form of type submit or cancel")));
            }
        } else if (payload.isPresent() && payload.get().is(MucNamespaces.MUC_OWNER, "destroy")) {
            destroy(room, iq, payload.get(), context, out);
        } else {
            out.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                    .withText("expected a data form or <destroy/>")));
        }
    }

    private void submit(Room room, Iq iq, Jid from, DataForm submitted, RoomContext context, Outbox out) {
        ConfigDraft.Outcome outcome = form.parse(submitted, room, context);
        if (outcome instanceof ConfigDraft.Rejected rejected) {
            out.send(iq.errorReply(rejected.error()));
            return;
        }
        ConfigDraft.Accepted accepted = (ConfigDraft.Accepted) outcome;
        // Owner/admin changes may still be refused (last owner...): they go first, into a side
        // outbox, so that a refusal leaves both the room and the configuration untouched and so
        // that the result can still be the first stanza sent.
        Outbox consequences = new Outbox();
        if (!accepted.affiliationChanges().isEmpty()) {
            if (!(from instanceof EntityFullJid actor)) {
                out.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                        .withText("changing owners or admins needs a full JID")));
                return;
            }
            Optional<StanzaError> refused = affiliations.apply(room, actor, accepted.affiliationChanges(), context,
                    consequences);
            if (refused.isPresent()) {
                out.send(iq.errorReply(refused.get()));
                return;
            }
        }
        RoomConfig before = room.config();
        RoomConfig after = accepted.config();
        room.setConfig(after);
        room.setLocked(false);

        out.send(iq.resultReply());
        for (Stanza s : consequences.stanzas()) {
            out.send(s);
        }
        ConfigChangeNotification.send(room, before, after, context, out);
        if (!before.membersOnly() && after.membersOnly()) {
            AffiliationEffects.removeNonMembers(room, context, out);
        }
    }

    private static void cancel(Room room, Iq iq, Outbox out) {
        if (room.locked()) {
            RoomDestruction.destroy(room, Optional.empty(), out);
        }
        out.send(iq.resultReply());
    }

    private static void destroy(Room room, Iq iq, Element destroy, RoomContext context, Outbox out) {
        Optional<Jid> alternate = Optional.empty();
        Optional<String> rawJid = destroy.attribute("jid");
        if (rawJid.isPresent()) {
            try {
                alternate = Optional.of(JidCreate.from(rawJid.get()));
            } catch (XmppStringprepException | IllegalArgumentException e) {
                out.send(iq.errorReply(StanzaError.of(Condition.JID_MALFORMED).withText("alternate venue")));
                return;
            }
        }
        Optional<String> reason = destroy.childText(MucNamespaces.MUC_OWNER, "reason");
        if (reason.isPresent() && reason.get().length() > context.limits().maxReasonLength()) {
            out.send(iq.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE).withText("reason too long")));
            return;
        }
        Optional<String> password = destroy.childText(MucNamespaces.MUC_OWNER, "password");
        RoomDestruction.destroy(room, alternate, reason, password, out);
        out.send(iq.resultReply());
    }
}
