package dev.mucengine.core.internal.room;

import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomConfig;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The state of one room: configuration, affiliations, occupants, subject and history.
 *
 * <p>Mutable and confined: only the thread that owns the room's service touches it. Every lookup
 * a stanza needs is O(1): occupants are indexed by real JID and by nickname, affiliations by JID,
 * reserved nicknames by nickname. Occupants iterate in join order, which a nickname change does
 * not disturb.
 */
public final class Room {

    private final EntityBareJid jid;
    private RoomConfig config;
    private boolean locked;
    private boolean destroyed;
    private final Map<Jid, AffiliationEntry> affiliations = new LinkedHashMap<>();
    private final Map<Resourcepart, Jid> reservedNicks = new HashMap<>();
    private final Map<EntityFullJid, Occupant> occupants = new LinkedHashMap<>();
    private final Map<Resourcepart, EntityFullJid> nickIndex = new HashMap<>();
    private Optional<Message> subject = Optional.empty();
    private final History history;
    private long joinSequence;
    private final Optional<BareJid> creator;
    /** Durable changes since the service last collected them; see {@link #drainChanges()}. */
    private final List<DurableChange> changes = new ArrayList<>();

    public Room(EntityBareJid jid, RoomConfig config, int historySize, Optional<BareJid> creator) {
        this.jid = jid;
        this.config = config;
        this.history = new History(historySize);
        this.creator = creator;
    }

    /** A persistent room as it was stored: its configuration, affiliations and subject. */
    public static Room restore(RoomRecord record, int historySize) {
        Room room = new Room(record.jid(), record.config(), historySize, record.creator());
        for (AffiliationEntry entry : record.affiliations()) {
            room.putAffiliation(entry);
        }
        room.subject = record.subject();
        return room;
    }

    /** The room's durable state, as a store keeps it. */
    public RoomRecord record() {
        return new RoomRecord(jid, config, List.copyOf(affiliations.values()), subject, creator);
    }

    /** Who created the room, when known: it counts toward that user's room limit. */
    public Optional<BareJid> creator() {
        return creator;
    }

    /**
     * The changes to durable state (configuration, affiliations, subject) made since the last
     * call, in order; the setters below record them, so no change can be made without being
     * reported. Whether they reach the store depends on the room being persistent.
     */
    public List<DurableChange> drainChanges() {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<DurableChange> drained = List.copyOf(changes);
        changes.clear();
        return drained;
    }

    public EntityBareJid jid() {
        return jid;
    }

    public RoomConfig config() {
        return config;
    }

    public void setConfig(RoomConfig newConfig) {
        if (!newConfig.equals(config)) {
            this.config = newConfig;
            changes.add(new DurableChange.ConfigChanged(jid, newConfig));
        }
    }

    /** A new room stays locked (nobody else may enter) until its owner configures it. */
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

    /** The affiliation of a bare JID; a server JID entry covers every user of that server. */
    public Affiliation affiliation(Jid anyJid) {
        AffiliationEntry e = affiliations.get(anyJid.asBareJid());
        if (e != null) {
            return e.affiliation();
        }
        AffiliationEntry domain = affiliations.get(anyJid.asDomainBareJid());
        return domain == null ? Affiliation.NONE : domain.affiliation();
    }

    public Optional<AffiliationEntry> affiliationEntry(Jid bareJid) {
        return Optional.ofNullable(affiliations.get(bareJid.asBareJid()));
    }

    /** Every entry with this affiliation, in the order they were set. */
    public List<AffiliationEntry> withAffiliation(Affiliation affiliation) {
        List<AffiliationEntry> result = new ArrayList<>();
        for (AffiliationEntry e : affiliations.values()) {
            if (e.affiliation() == affiliation) {
                result.add(e);
            }
        }
        return result;
    }

    public Collection<AffiliationEntry> affiliations() {
        return Collections.unmodifiableCollection(affiliations.values());
    }

    /** Sets (or, for {@link Affiliation#NONE}, removes) an affiliation and its reserved nick. */
    public void setAffiliation(AffiliationEntry entry) {
        putAffiliation(entry);
        changes.add(new DurableChange.AffiliationChanged(jid, entry));
    }

    private void putAffiliation(AffiliationEntry entry) {
        Jid key = entry.jid().asBareJid();
        AffiliationEntry old = affiliations.remove(key);
        if (old != null) {
            old.reservedNick().ifPresent(reservedNicks::remove);
        }
        if (entry.affiliation() != Affiliation.NONE) {
            affiliations.put(key, entry);
            entry.reservedNick().ifPresent(n -> reservedNicks.put(n, key));
        }
    }

    public long count(Affiliation affiliation) {
        return affiliations.values().stream().filter(e -> e.affiliation() == affiliation).count();
    }

    /** The bare JID that reserved this nickname, if any. */
    public Optional<Jid> reservedBy(Resourcepart nick) {
        return Optional.ofNullable(reservedNicks.get(nick));
    }

    public Optional<Resourcepart> reservedNick(Jid anyJid) {
        AffiliationEntry e = affiliations.get(anyJid.asBareJid());
        return e == null ? Optional.empty() : e.reservedNick();
    }

    // ----- occupants

    /** Occupants in join order. */
    public Collection<Occupant> occupants() {
        return Collections.unmodifiableCollection(occupants.values());
    }

    public int occupantCount() {
        return occupants.size();
    }

    public boolean isEmpty() {
        return occupants.isEmpty();
    }

    public Optional<Occupant> occupant(Resourcepart nick) {
        EntityFullJid real = nickIndex.get(nick);
        return real == null ? Optional.empty() : Optional.ofNullable(occupants.get(real));
    }

    public Optional<Occupant> occupantByRealJid(Jid realJid) {
        return realJid instanceof EntityFullJid full ? Optional.ofNullable(occupants.get(full)) : Optional.empty();
    }

    /** Occupants whose real bare JID is this one (a user may be in the room from several clients). */
    public List<Occupant> occupantsOf(Jid bareJid) {
        List<Occupant> result = new ArrayList<>();
        for (Occupant o : occupants.values()) {
            if (o.realJid().asBareJid().equals(bareJid.asBareJid())) {
                result.add(o);
            }
        }
        return result;
    }

    /** Adds a new occupant at the end of the join order and returns it with its sequence number. */
    public Occupant add(Occupant occupant) {
        Occupant numbered = new Occupant(occupant.nick(), occupant.realJid(), occupant.role(),
                occupant.presence(), ++joinSequence);
        occupants.put(numbered.realJid(), numbered);
        nickIndex.put(numbered.nick(), numbered.realJid());
        return numbered;
    }

    /** Replaces an occupant's state (role, presence or nickname), keeping its place in the join order. */
    public void update(Occupant updated) {
        Occupant old = occupants.get(updated.realJid());
        if (old == null) {
            throw new IllegalStateException("not an occupant: " + updated.realJid());
        }
        if (!old.nick().equals(updated.nick())) {
            nickIndex.remove(old.nick());
            nickIndex.put(updated.nick(), updated.realJid());
        }
        occupants.put(updated.realJid(), updated);
    }

    public void remove(Occupant occupant) {
        occupants.remove(occupant.realJid());
        nickIndex.remove(occupant.nick());
    }

    // ----- subject and history

    /** The message that set the current subject, as it was broadcast. */
    public Optional<Message> subject() {
        return subject;
    }

    public void setSubject(Optional<Message> value) {
        this.subject = value;
        changes.add(new DurableChange.SubjectChanged(jid, value));
    }

    public History history() {
        return history;
    }
}
