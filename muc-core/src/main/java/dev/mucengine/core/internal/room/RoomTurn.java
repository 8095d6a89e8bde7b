package dev.mucengine.core.internal.room;

import java.util.OptionalInt;

import dev.mucengine.core.store.DurableChange;

import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.store.ArchivedMessage;


import dev.mucengine.core.store.ArchiveQuery;

import dev.mucengine.core.store.ArchivePage;

import dev.mucengine.core.service.ArchivePolicy;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.internal.admin.AffiliationChanges;
import dev.mucengine.core.internal.admin.RoleChanges;
import dev.mucengine.core.internal.config.RoomConfigForm;
import dev.mucengine.core.internal.owner.Configuration;
import dev.mucengine.core.internal.owner.RoomDestruction;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Destroy;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoleRequest;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A room while it handles one stanza, as modules act on it: the room, the stanza's context and
 * the outbox, with every operation delegated to the engine's one implementation of it.
 */
public final class RoomTurn implements ModuleContext {

    private final Room room;
    private final RoomContext context;
    private final Outbox out;

    public RoomTurn(Room room, RoomContext context, Outbox out) {
        this.room = room;
        this.context = context;
        this.out = out;
    }

    @Override
    public RoomView room() {
        return room;
    }

    @Override
    public Instant now() {
        return context.now();
    }

    @Override
    public String nextId() {
        return context.ids().nextId();
    }

    @Override
    public Limits limits() {
        return context.limits();
    }

    @Override
    public void send(Stanza stanza) {
        out.send(stanza);
    }

    @Override
    public <T> T roomState(Class<T> type, Supplier<? extends T> initial) {
        return room.moduleState(type, initial);
    }

    @Override
    public ArchivePolicy archivePolicy() {
        return context.archive();
    }

    @Override
    public Optional<ArchivePage> queryArchive(ArchiveQuery query) {
        return context.store().queryArchive(room.jid(), query);
    }

    @Override
    public void archive(ArchivedMessage message) {
        ArchivePolicy policy = context.archive();
        room.archive(message, new DurableChange.ArchiveTrimmed(room.jid(),
                policy.maxAge().map(context.now()::minus), OptionalInt.of(policy.maxMessagesPerRoom())));
    }

    @Override
    public void retract(String id, Message tombstone) {
        room.retract(id, tombstone);
        room.modules().messageRetracted(this, id);
    }

    @Override
    public void setVcard(Optional<Element> vcard) {
        room.setVcard(vcard);
    }

    @Override
    public boolean isServiceAdmin(Jid user) {
        return context.isServiceAdmin(user);
    }

    @Override
    public Affiliation privilege(Jid user) {
        return context.privilege(room, user);
    }

    @Override
    public boolean actsAsModerator(Jid user) {
        return context.actsAsModerator(room, user);
    }

    @Override
    public Optional<StanzaError> changeAffiliations(EntityFullJid actor, List<AffiliationRequest> changes) {
        return AffiliationChanges.apply(room, actor, changes, context, out);
    }

    @Override
    public Optional<StanzaError> changeRoles(EntityFullJid actor, List<RoleRequest> changes) {
        return RoleChanges.apply(room, actor, changes, context, out);
    }

    @Override
    public Optional<StanzaError> register(EntityFullJid user, Resourcepart nick) {
        return AffiliationChanges.register(room, user, nick, context, out);
    }

    @Override
    public Optional<StanzaError> unregister(EntityFullJid user) {
        return AffiliationChanges.unregister(room, user, context, out);
    }

    @Override
    public void removeOccupant(Occupant occupant, Set<StatusCode> codes) {
        Removal.remove(room, PresenceChange.unavailable(occupant, List.of()).withCodes(codes), out);
    }

    @Override
    public DataForm configurationForm() {
        return form().render(room);
    }

    @Override
    public ConfigDraft.Outcome parseConfiguration(DataForm submitted) {
        return form().parse(submitted, room, context.limits());
    }

    private RoomConfigForm form() {
        return room.modules().configForm();
    }

    @Override
    public Optional<StanzaError> configure(EntityFullJid owner, ConfigDraft.Accepted change, Stanza answer) {
        return Configuration.apply(this, room, owner, change, answer, context, out);
    }

    @Override
    public void destroy(Destroy destroy) {
        RoomDestruction.destroy(room, destroy, out);
    }

    @Override
    public List<String> discoFeatures() {
        List<String> features = new ArrayList<>();
        features.add(MucNamespaces.MUC);
        features.add(MucNamespaces.MUC_STABLE_ID);
        features.addAll(room.modules().discoFeatures(room));
        return features;
    }

    @Override
    public List<FormField> roomInfoFields() {
        return room.modules().roomInfo(room);
    }
}
