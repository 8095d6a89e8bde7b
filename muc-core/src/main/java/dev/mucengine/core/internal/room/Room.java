package dev.mucengine.core.internal.room;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.core.xml.Element;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The state of one room: configuration, affiliations, occupants, subject, and the state room
 * modules keep in it (discussion history, for one).
 *
 * <p>Mutable and confined: only the thread that owns the room's service touches it. Small, for a
 * service of many small rooms (issue 12): the occupants and affiliations of a small room are
 * short arrays, scanned, and a large room's are indexed, so that every lookup a stanza needs is
 * O(1) there ({@link OccupantTable}, {@link AffiliationTable}); what only some rooms need is made
 * when first needed. Occupants iterate in join order, which a nickname change does not disturb.
 * The setters of durable state record each change ({@link #drainChanges()}).
 */
public final class Room implements RoomView {

    private final EntityBareJid jid;
    private final Modules modules;
    /** Null when unknown; not an Optional, which would cost every room 16 bytes. */
    private final @Nullable BareJid creator;
    private RoomConfig config;
    private boolean locked;
    private boolean destroyed;
    private final AffiliationTable affiliations = new AffiliationTable();
    private final OccupantTable seats = new OccupantTable();
    private Optional<Message> subject = Optional.empty();
    private Optional<Element> vcard = Optional.empty();
    /** Durable changes since the service last collected them; created on the first change. */
    private @Nullable List<DurableChange> changes;
    /** Requests forwarded to occupants' accounts, awaiting answers; created on the first. */
    private @Nullable ForwardedRequests forwarded;
    /**
     * What modules keep in the room: their types and states, alternating, in the order first
     * asked for; created when a module first asks. A few modules keep state, so a scan beats a map.
     */
    private Object @Nullable [] moduleState;

    /**
     * @param modules the service's room modules, which decorate what the room sends
     * @param creator who created the room, when known: it counts toward that user's room limit
     */
    public Room(EntityBareJid jid, RoomConfig config, Modules modules, Optional<BareJid> creator) {
        this.jid = modules.sharedDomains().shared(jid);
        this.config = config;
        this.modules = modules;
        this.creator = creator.orElse(null);
    }

    /** A persistent room as it was stored: its configuration, affiliations and subject. */
    public static Room restore(RoomRecord record, Modules modules) {
        Room room = new Room(record.jid(), record.config(), modules, record.creator());
        for (AffiliationEntry entry : record.affiliations()) {
            room.putAffiliation(entry);
        }
        room.subject = record.subject();
        room.vcard = record.vcard();
        return room;
    }

    /** The room's durable state, as a store keeps it. */
    public RoomRecord record() {
        return new RoomRecord(jid, config, List.copyOf(affiliations.all()), subject, creator(), vcard);
    }

    public Optional<BareJid> creator() {
        return Optional.ofNullable(creator);
    }

    public Modules modules() {
        return modules;
    }

    /**
     * The changes to durable state (configuration, affiliations, subject) made since the last
     * call, in order; the setters below record them, so no change can be made without being
     * reported. Whether they reach the store depends on the room being persistent.
     */
    public List<DurableChange> drainChanges() {
        if (changes == null || changes.isEmpty()) {
            return List.of();
        }
        List<DurableChange> drained = List.copyOf(changes);
        changes = null; // most rooms change rarely: no list kept between changes
        return drained;
    }

    private void recordChange(DurableChange change) {
        if (changes == null) {
            changes = new ArrayList<>(2);
        }
        changes.add(change);
    }

    /** As {@link #forwardedRequests()}, or null while this room never forwarded one. */
    @Nullable ForwardedRequests forwardedRequestsIfAny() {
        return forwarded;
    }

    /** The requests this room forwarded to occupants' accounts (XEP-0045 §17.4). */
    public ForwardedRequests forwardedRequests() {
        if (forwarded == null) {
            forwarded = new ForwardedRequests();
        }
        return forwarded;
    }

    /** A module's state in this room, created by {@code initial} the first time it is asked for. */
    public <T> T moduleState(Class<T> type, Supplier<? extends T> initial) {
        Object[] states = moduleState == null ? new Object[0] : moduleState;
        for (int i = 0; i < states.length; i += 2) {
            if (states[i] == type) {
                return type.cast(states[i + 1]);
            }
        }
        T state = Objects.requireNonNull(initial.get(), "module state");
        // Read again: making the state may have added another module's.
        states = moduleState == null ? new Object[0] : moduleState;
        states = Arrays.copyOf(states, states.length + 2);
        states[states.length - 2] = type;
        states[states.length - 1] = state;
        moduleState = states;
        return state;
    }

    /** The states modules keep in this room, in the order first asked for. */
    List<Object> moduleStates() {
        List<Object> states = new ArrayList<>();
        for (int i = 1; moduleState != null && i < moduleState.length; i += 2) {
            states.add(moduleState[i]);
        }
        return states;
    }

    @Override
    public EntityBareJid jid() {
        return jid;
    }

    @Override
    public String occupantId(Jid user) {
        return modules.occupantIds().of(jid, user.asBareJid());
    }

    @Override
    public EntityFullJid occupantJid(Resourcepart nick) {
        return JidCreate.entityFullFrom(jid, nick);
    }

    @Override
    public RoomConfig config() {
        return config;
    }

    public void setConfig(RoomConfig newConfig) {
        if (!newConfig.equals(config)) {
            this.config = newConfig;
            recordChange(new DurableChange.ConfigChanged(jid, newConfig));
        }
    }

    @Override
    public boolean locked() {
        return locked;
    }

    public void setLocked(boolean value) {
        this.locked = value;
    }

    /** Set once the room is destroyed; the service then forgets it. */
    public boolean destroyed() {
        return destroyed;
    }

    public void markDestroyed() {
        this.destroyed = true;
    }

    // ----- affiliations

    @Override
    public Affiliation affiliation(Jid anyJid) {
        AffiliationEntry e = affiliations.get(anyJid.asBareJid());
        if (e != null) {
            return e.affiliation();
        }
        AffiliationEntry domain = affiliations.get(anyJid.asDomainBareJid());
        return domain == null ? Affiliation.NONE : domain.affiliation();
    }

    @Override
    public Optional<AffiliationEntry> affiliationEntry(Jid bareJid) {
        return Optional.ofNullable(affiliations.get(bareJid.asBareJid()));
    }

    @Override
    public Collection<AffiliationEntry> affiliations() {
        return affiliations.all();
    }

    @Override
    public List<AffiliationEntry> withAffiliation(Affiliation affiliation) {
        List<AffiliationEntry> result = new ArrayList<>();
        for (AffiliationEntry e : affiliations.all()) {
            if (e.affiliation() == affiliation) {
                result.add(e);
            }
        }
        return result;
    }

    /** Sets (or, for {@link Affiliation#NONE}, removes) an affiliation and its reserved nick. */
    public void setAffiliation(AffiliationEntry entry) {
        putAffiliation(entry);
        recordChange(new DurableChange.AffiliationChanged(jid, entry));
    }

    private void putAffiliation(AffiliationEntry entry) {
        affiliations.put(entry);
    }

    @Override
    public Optional<Jid> reservedBy(Resourcepart nick) {
        return Optional.ofNullable(affiliations.reservedBy(nick));
    }

    @Override
    public Optional<Resourcepart> reservedNick(Jid anyJid) {
        AffiliationEntry e = affiliations.get(anyJid.asBareJid());
        return e == null ? Optional.empty() : e.reservedNick();
    }

    // ----- occupants

    @Override
    public Collection<Occupant> occupants() {
        return seats.all();
    }

    @Override
    public int occupantCount() {
        return seats.count();
    }

    public boolean isEmpty() {
        return seats.isEmpty();
    }

    /** The occupant as others see it: its most available session ({@link SessionAvailability}). */
    @Override
    public Optional<Occupant> occupant(Resourcepart nick) {
        return seats.occupant(nick);
    }

    @Override
    public List<Occupant> sessions(Resourcepart nick) {
        return seats.sessions(nick);
    }

    /** One entry per occupant, its shown session, in the order the occupants entered. */
    public List<Occupant> shownOccupants() {
        return seats.shown();
    }

    @Override
    public Optional<Occupant> occupantByRealJid(Jid realJid) {
        return seats.byRealJid(realJid);
    }

    /** Sessions whose real bare JID is this one (a user may be in the room from several clients). */
    public List<Occupant> occupantsOf(Jid bareJid) {
        return seats.sessionsOf(bareJid);
    }

    /**
     * Adds a session: see {@link OccupantTable#add}. The session is kept with the part of its
     * presence that is re-broadcast, shared with equal ones ({@link KeptPresences}), and its
     * nickname shared likewise ({@link SharedNicknames}).
     */
    public Occupant add(Occupant occupant) {
        return seats.add(occupant.withPresence(modules.keptPresences().kept(occupant.presence()))
                .withNick(modules.sharedNicknames().shared(occupant.nick())));
    }

    /** Replaces one session's presence (kept as {@link #add} keeps it), keeping its place. */
    public void update(Occupant updated) {
        seats.update(updated.withPresence(modules.keptPresences().kept(updated.presence())));
    }

    /** Gives every session of {@code occupant} the role; returns the occupant as shown. */
    public Occupant setRole(Occupant occupant, Role role) {
        return seats.setRole(occupant, role);
    }

    /** Renames every session of {@code occupant}; returns the occupant as shown. */
    public Occupant rename(Occupant occupant, Resourcepart newNick) {
        return seats.rename(occupant, newNick);
    }

    /** Removes one session; the occupant goes with its last session. */
    public void removeSession(Occupant session) {
        seats.removeSession(session);
    }

    /** Removes the occupant with every session; returns the sessions removed, in join order. */
    public List<Occupant> remove(Occupant occupant) {
        return seats.remove(occupant);
    }

    // ----- archive

    /**
     * Records a message archived and the trim that follows it. Like the other durable changes,
     * they reach the store only if the room is persistent.
     */
    public void archive(ArchivedMessage message, DurableChange.ArchiveTrimmed trim) {
        recordChange(new DurableChange.MessageArchived(jid, message));
        recordChange(trim);
    }

    /** Records the retraction of an archived message; like the others, only a persistent room's reaches the store. */
    public void retract(String id, Message tombstone) {
        recordChange(new DurableChange.MessageRetracted(jid, id, tombstone));
    }

    // ----- subject

    @Override
    public Optional<Message> subject() {
        return subject;
    }

    public void setSubject(Optional<Message> value) {
        this.subject = value;
        recordChange(new DurableChange.SubjectChanged(jid, value));
    }

    // ----- vCard (XEP-0486)

    @Override
    public Optional<Element> vcard() {
        return vcard;
    }

    public void setVcard(Optional<Element> value) {
        this.vcard = value;
        recordChange(new DurableChange.RoomVcardChanged(jid, value));
    }
}
