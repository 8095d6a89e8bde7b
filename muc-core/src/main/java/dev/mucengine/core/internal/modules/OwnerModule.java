package dev.mucengine.core.internal.modules;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Destroy;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * muc#owner requests (XEP-0045 §10), owners only (service administrators count as owners);
 * anyone else gets forbidden:
 *
 * <ul>
 *   <li>get: the configuration form with the current values (§10.2);
 *   <li>set with {@code <x type='submit'/>}: a new configuration (§10.1.2-§10.2). Fields absent
 *       from the submission keep their values, an empty form accepts the current ones (instant
 *       room, §10.1.2). Every field is validated before anything changes; an invalid submission
 *       leaves the room as it was;
 *   <li>set with {@code <x type='cancel'/>}: a locked new room is destroyed (§10.1.3), an existing
 *       room keeps its configuration; either way the answer is an empty result;
 *   <li>set with {@code <destroy/>}: the room is destroyed (§10.9), then the empty result.
 * </ul>
 *
 * <p>Also the owner and admin list fields of the form (§10.5, §10.8): the submitted lists become
 * affiliation changes, made with the submitting owner's privilege.
 */
final class OwnerModule implements RoomModule {

    static final ConfigDraft.Key<Set<Jid>> OWNERS = new ConfigDraft.Key<>("owners");
    static final ConfigDraft.Key<Set<Jid>> ADMINS = new ConfigDraft.Key<>("admins");

    @Override
    public String name() {
        return "owner";
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(AffiliationListField.admins(), AffiliationListField.owners());
    }

    @Override
    public Set<String> iqNamespaces() {
        return Set.of(MucNamespaces.MUC_OWNER);
    }

    @Override
    public void handleIq(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
        if (context.privilege(sender) != Affiliation.OWNER) {
            context.send(iq.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("only owners may configure or destroy the room")));
            return;
        }
        if (iq.type() == IqType.GET) {
            context.send(iq.resultReply(Element.builder(MucNamespaces.MUC_OWNER, "query")
                    .child(context.configurationForm().toElement()).build()));
            return;
        }
        Optional<Element> payload = query.elements().stream().findFirst();
        if (payload.isPresent() && payload.get().is(XmppNamespaces.DATA, "x")) {
            DataForm submitted = DataForm.fromElement(payload.get());
            switch (submitted.type()) {
                case "submit" -> submit(context, iq, sender, submitted);
                case "cancel" -> cancel(context, iq);
                default -> context.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                        .withText("expected a form of type submit or cancel")));
            }
        } else if (payload.isPresent() && payload.get().is(MucNamespaces.MUC_OWNER, "destroy")) {
            destroy(context, iq, payload.get());
        } else {
            context.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                    .withText("expected a data form or <destroy/>")));
        }
    }

    private static void submit(ModuleContext context, Iq iq, EntityFullJid owner, DataForm submitted) {
        ConfigDraft.Outcome outcome = context.parseConfiguration(submitted);
        if (outcome instanceof ConfigDraft.Rejected rejected) {
            context.send(iq.errorReply(rejected.error()));
            return;
        }
        Optional<StanzaError> refused = context.configure(owner, (ConfigDraft.Accepted) outcome, iq.resultReply());
        refused.ifPresent(error -> context.send(iq.errorReply(error)));
    }

    private static void cancel(ModuleContext context, Iq iq) {
        if (context.room().locked()) {
            context.destroy(Destroy.PLAIN);
        }
        context.send(iq.resultReply());
    }

    private static void destroy(ModuleContext context, Iq iq, Element request) {
        Checked<Destroy> destroy = MucCodec.decodeDestroy(request);
        if (destroy.refusal().isPresent()) {
            context.send(iq.errorReply(destroy.refusal().get()));
            return;
        }
        Optional<String> reason = destroy.value().reason();
        if (reason.isPresent() && reason.get().length() > context.limits().maxReasonLength()) {
            context.send(iq.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE).withText("reason too long")));
            return;
        }
        context.destroy(destroy.value());
        context.send(iq.resultReply());
    }

    /**
     * The submitted owner and admin lists are the new full lists: who is missing loses the
     * affiliation (unless the other list grants one), who is listed gets it. Nobody may be in both.
     */
    @Override
    public Optional<StanzaError> finishConfiguration(ConfigDraft draft) {
        Optional<Set<Jid>> owners = draft.noted(OWNERS);
        Optional<Set<Jid>> admins = draft.noted(ADMINS);
        if (owners.isPresent() && admins.isPresent()) {
            Set<Jid> both = new LinkedHashSet<>(owners.get());
            both.retainAll(admins.get());
            if (!both.isEmpty()) {
                return Optional.of(StanzaError.of(Condition.NOT_ACCEPTABLE)
                        .withText("listed both as owner and as admin: " + both.iterator().next()));
            }
        }
        RoomView room = draft.room();
        Map<Jid, Affiliation> wanted = new LinkedHashMap<>();
        owners.ifPresent(list -> revokeAndGrant(room, Affiliation.OWNER, list, wanted));
        admins.ifPresent(list -> revokeAndGrant(room, Affiliation.ADMIN, list, wanted));
        List<AffiliationRequest> changes = new ArrayList<>();
        for (Map.Entry<Jid, Affiliation> e : wanted.entrySet()) {
            Optional<AffiliationEntry> entry = room.affiliationEntry(e.getKey());
            if (entry.map(AffiliationEntry::affiliation).orElse(Affiliation.NONE) != e.getValue()) {
                changes.add(new AffiliationRequest(e.getKey(), e.getValue(),
                        entry.flatMap(AffiliationEntry::reservedNick), Optional.empty()));
            }
        }
        draft.changeAffiliations(changes);
        return Optional.empty();
    }

    private static void revokeAndGrant(RoomView room, Affiliation affiliation, Set<Jid> list,
            Map<Jid, Affiliation> wanted) {
        for (AffiliationEntry e : room.withAffiliation(affiliation)) {
            Jid jid = e.jid().asBareJid();
            if (!list.contains(jid)) {
                wanted.putIfAbsent(jid, Affiliation.NONE);
            }
        }
        for (Jid jid : list) {
            wanted.put(jid, affiliation);
        }
    }
}
