package dev.mucengine.core.service;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.api.StanzaHandler;
import dev.mucengine.core.internal.room.Modules;
import dev.mucengine.core.internal.room.OccupantIds;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.RoomRouter;
import dev.mucengine.core.internal.room.RoomUnloading;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.core.xml.Element;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A MUC service (XEP-0045) for one domain: the engine's entry point.
 *
 * <p><b>Thread confinement:</b> the simplest host calls the service from one thread at a time (a
 * single event loop, an actor, or a lock held by the transport). A host may instead partition the
 * rooms over threads (docs/architecture.md, "Partitions"); then
 * <ul>
 *   <li>{@link #handle} for stanzas to different rooms may run at the same time on different
 *       threads, as long as every stanza to one room or its occupants is handled by one thread at
 *       a time (the room's partition), each partition with its own {@link IdSource}
 *       ({@link #handle(Stanza, Instant, IdSource)});
 *   <li>the stanzas to the service itself that touch rooms of any partition ({@link #needsAllRooms}:
 *       the administrators' command that destroys rooms) and {@link #shutdown()} run while no
 *       other call is in progress; every other stanza to the service (disco, ping, unique names)
 *       reads only what is safe to share and may be handled on any partition's thread;
 *   <li>{@link #discardUnstored} is called by the partition whose commit failed, for its rooms;
 *       {@link #unloadIdleRooms} by each partition after its commit succeeded, for its rooms.
 * </ul>
 * What rooms share (the directory of rooms and which of them are locked, the quotas on creating
 * them, the service's secret) is kept in lock-free concurrent collections, so that partitions
 * never wait for each other. The
 * engine itself never sleeps, locks or spawns threads, and blocks only for its reads of the
 * {@link RoomStore}. Outputs are deterministic per room: the same stanzas to a room, instants and
 * ids ({@link IdSource#forRoom}) give the same outputs, in the same order, however rooms are
 * partitioned.
 */
public final class MucService implements StanzaHandler {

    private final ServiceConfig config;
    private final IdSource ids;
    private final Modules modules;
    private final RoomRegistry registry;
    private final ServiceDisco disco;
    private final ServiceCommands commands;
    private final RoomStore store;
    private final RoomCreator creation;
    private final UnstoredSecret unstoredSecret;

    /**
     * A service over {@code store}. Reads the store's {@link RoomStore#directory()} and
     * {@link RoomStore#serviceSecret()} once, here; no room is loaded until a stanza addresses it.
     * A store without a secret gets one from {@code ids} ({@link IdSource#nextSecret()}), reported
     * as a {@link DurableChange.ServiceSecretCreated} with the effects of the first stanza handled,
     * unless the host stores it before that ({@link #takeUnstoredSecret}).
     *
     * @param config the service's domain, administrators, limits, room defaults and room modules
     * @param store where persistent rooms are read from; the host writes to it, applying each
     *     {@link Effects#changes()}
     * @param ids the source of the ids of stanzas the service originates
     * @throws IllegalArgumentException if two of the configured room modules share a name, a
     *     configuration field or an iq namespace
     */
    public MucService(ServiceConfig config, RoomStore store, IdSource ids) {
        this.config = config;
        this.ids = ids;
        Optional<String> stored = store.serviceSecret();
        String secret = stored.orElseGet(ids::nextSecret);
        this.unstoredSecret = new UnstoredSecret(stored.isPresent() ? Optional.empty() : Optional.of(secret));
        this.modules = new Modules(config.modules(), new OccupantIds(secret));
        this.store = store;
        this.registry = new RoomRegistry(store, modules);
        this.creation = new RoomCreator(config, modules, registry);
        this.disco = new ServiceDisco(config);
        this.commands = new ServiceCommands(config.domain());
    }

    /**
     * The configuration this service was built with.
     *
     * @return the service's configuration
     */
    public ServiceConfig config() {
        return config;
    }

    /**
     * Handles one stanza addressed to this service's domain: to the service itself (disco, ping,
     * the administrators' ad-hoc commands), to a room, or to an occupant. A presence to a room that
     * does not exist creates it (XEP-0045 §10.1). A stanza without {@code from} or {@code to}, or
     * addressed to another domain, is a transport's mistake and is dropped with {@link Effects#NONE}.
     *
     * @param stanza an inbound stanza whose {@code from} is the sender's full JID, stamped by the
     *     sender's server
     * @param now the time to use for this stanza (history timestamps, idle times)
     * @return the durable changes to apply, then the stanzas to send, in order
     */
    @Override
    public Effects handle(Stanza stanza, Instant now) {
        return handle(stanza, now, ids);
    }

    /**
     * As {@link #handle(Stanza, Instant)}, drawing the ids of what it originates from {@code ids}:
     * a host that partitions the rooms over threads gives each partition its own source, since a
     * source need not be thread-safe.
     *
     * @param stanza an inbound stanza whose {@code from} is the sender's full JID
     * @param now the time to use for this stanza
     * @param ids this partition's id source; a room's ids come from {@link IdSource#forRoom}
     * @return the durable changes to apply, then the stanzas to send, in order
     */
    public Effects handle(Stanza stanza, Instant now, IdSource ids) {
        Optional<String> secret = unstoredSecret.take();
        Effects effects = Effects.NONE;
        try {
            effects = dispatch(stanza, now, ids, secret);
        } catch (StoreUnavailableException e) {
            // A read the stanza needed failed (the room's record, its archive): nothing was sent,
            // so the sender learns only that it may try again (RFC 6120 §8.3.3.18).
            Outbox out = outbox(secret);
            replyIfRequest(stanza, StanzaError.of(Condition.RESOURCE_CONSTRAINT)
                    .withText("The room store is unavailable; try again later"), out);
            effects = out.effects();
        } finally {
            unstoredSecret.putBackUnlessReported(secret, effects); // not reported this time: the next call does
        }
        return effects;
    }

    /**
     * The creation of the service's secret, if this service created it (the store had none) and
     * no effects have reported it yet, for a host to store before it lets stanzas be handled: once
     * taken, no effects report it, so occupant ids (XEP-0421) never go out keyed by a secret the
     * store may not hold. A host whose partitions handle stanzas at once must do this, or one
     * partition could send occupant ids while the effects that carry the secret, on another, are
     * not yet committed. If the host cannot store it, it hands it back with
     * {@link #discardUnstored}, and the next effects report it again.
     *
     * @return the change to store now, or empty if the store already holds the secret (or it was
     *     taken already)
     */
    public Optional<DurableChange.ServiceSecretCreated> takeUnstoredSecret() {
        return unstoredSecret.take().map(DurableChange.ServiceSecretCreated::new);
    }

    /**
     * Whether handling {@code stanza} needs every room held still: true only for a stanza to the
     * service itself that reads or changes rooms anywhere (the administrators' command that
     * destroys rooms, XEP-0050). A host that partitions the rooms over threads runs such a stanza
     * while no other call is in progress, like {@link #shutdown()}; any other stanza to the
     * service (disco#info and disco#items, ping, unique names, errors) reads only what is safe to
     * share and may be handled on any partition's thread. A stanza to a room or an occupant needs
     * its room only: false.
     *
     * @param stanza an inbound stanza, as given to {@link #handle}
     * @return whether no other call may be in progress while it is handled
     */
    public boolean needsAllRooms(Stanza stanza) {
        Optional<Jid> to = stanza.to();
        if (to.isEmpty() || to.get().hasLocalpart() || !to.get().getDomain().equals(config.domain())
                || !(stanza instanceof Iq iq) || !iq.type().isRequest() || iq.requestError().isPresent()) {
            return false;
        }
        Optional<Element> query = iq.query();
        return query.isPresent() && query.get().is(XmppNamespaces.COMMANDS, "command")
                && commands.touchesRooms(query.get(), isServiceAdmin(iq));
    }

    /** A new outbox, holding the secret's creation first if it is still to be stored. */
    private static Outbox outbox(Optional<String> secretToReport) {
        Outbox out = new Outbox();
        secretToReport.ifPresent(secret -> out.record(new DurableChange.ServiceSecretCreated(secret)));
        return out;
    }

    /**
     * Discards the live state of rooms whose durable changes the host could not commit
     * ({@link RoomStore#apply} threw), so that no room acts on a change that was never stored:
     * each occupant is removed with its own unavailable presence (status 332, as at shutdown), and
     * the room is read again from the store when a stanza next addresses it. Rooms that are not
     * live are only marked to be read again.
     *
     * @param rooms the rooms of the failed batch's changes
     * @return the presence for every removed occupant; no durable changes
     */
    public Effects discard(Collection<EntityBareJid> rooms) {
        Outbox out = new Outbox();
        for (EntityBareJid jid : rooms) {
            registry.discard(jid).ifPresent(room -> RoomShutdown.evictAll(room, out));
        }
        return out.effects();
    }

    /**
     * As {@link #discard(Collection)}, given the changes the host could not commit: the rooms of
     * those changes are discarded, and if the service's secret was among them
     * ({@link DurableChange.ServiceSecretCreated}), it is reported again, the same value, with the
     * next effects, so that occupant ids (XEP-0421) still survive a restart. Only a lost secret is
     * reported again: once stored, it never rides along again, so a store outage costs a stanza
     * that changes nothing durable nothing. A host that failed to store the secret it took at
     * start ({@link #takeUnstoredSecret}) hands it back here too.
     *
     * @param lost the changes of the failed batch (or of its inputs that changed durable state)
     * @return the presence for every removed occupant; no durable changes
     */
    public Effects discardUnstored(List<DurableChange> lost) {
        unstoredSecret.lost(lost);
        Set<EntityBareJid> rooms = new LinkedHashSet<>();
        lost.forEach(change -> change.roomIfAny().ifPresent(rooms::add));
        return discard(rooms);
    }

    /**
     * Unloads the empty persistent rooms that may go without losing anything, so that such a room
     * costs only its directory entry until a stanza addresses it and it is loaded from the store
     * again, as it was. Call it after the durable changes of every stanza handled so far (of the
     * caller's rooms) are stored, never after a failed {@link RoomStore#apply}: a room dropped
     * before its changes are stored would be read back without them. A room stays live while it
     * holds what its record does not: occupants, a lock, requests forwarded to accounts and not yet
     * answered, pending invitations or registration requests, or discussion history its archive
     * would not give back (docs/architecture.md, "Unloading rooms").
     *
     * @param ownedByCaller the rooms the caller may touch now: a partitioned host passes its
     *     partition's, as a room is confined to its partition's thread
     * @return how many rooms were unloaded
     */
    public int unloadIdleRooms(Predicate<EntityBareJid> ownedByCaller) {
        return registry.unloadIdle(ownedByCaller,
                room -> RoomUnloading.losesNothing(room, store, config.limits()));
    }

    /**
     * How many rooms are live (in memory) now, for monitoring; every room, live or not, has a
     * directory entry.
     *
     * @return the number of live rooms
     */
    public int liveRoomCount() {
        return registry.liveCount();
    }

    private Effects dispatch(Stanza stanza, Instant now, IdSource ids, Optional<String> secretToReport) {
        Outbox out = outbox(secretToReport);
        Optional<Jid> to = stanza.to();
        Optional<Jid> from = stanza.from();
        if (to.isEmpty() || from.isEmpty() || !to.get().getDomain().equals(config.domain())) {
            return Effects.NONE; // not ours, or unroutable: a transport bug, nothing sensible to answer
        }
        if (stanza instanceof Iq iq && iq.requestError().isPresent()) {
            replyIfRequest(stanza, iq.requestError().get(), out);
            return out.effects();
        }
        EntityBareJid roomJid = to.get().asEntityBareJidIfPossible();
        if (roomJid == null) {
            serviceStanza(stanza, context(now, ids), out);
            return out.effects();
        }
        RoomContext context = context(now, ids.forRoom(roomJid));
        if (stanza instanceof Iq answer && !answer.type().isRequest() && !(from.get() instanceof EntityFullJid)
                && to.get().hasResource()) {
            // An account's answer to a request the room forwarded to it (XEP-0045 §17.4).
            Optional<Room> live = registry.live(roomJid);
            live.ifPresent(r -> {
                RoomRouter.accountAnswer(r, answer, from.get(), context, out);
                registry.settle(r, out); // answered: the room may be idle now
            });
            return out.effects();
        }
        if (!(from.get() instanceof EntityFullJid sender)) {
            replyIfRequest(stanza, StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("Rooms talk to users' full JIDs only"), out);
            return out.effects();
        }
        Optional<Resourcepart> nick = Optional.ofNullable(to.get().getResourceOrNull());
        Optional<Room> room = registry.find(roomJid);
        if (room.isPresent()) {
            RoomRouter.handle(room.get(), stanza, sender, nick, context, out);
            registry.settle(room.get(), out);
        } else if (stanza instanceof Presence p && p.type() == PresenceType.AVAILABLE && nick.isPresent()) {
            creation.create(roomJid, p, sender, nick.get(), context, out);
        } else if (!(stanza instanceof Presence)) {
            replyIfRequest(stanza, StanzaError.of(Condition.ITEM_NOT_FOUND).withText("No such room"), out);
        }
        return out.effects();
    }

    private RoomContext context(Instant now, IdSource ids) {
        return new RoomContext(now, ids, config.admins(), config.limits(), config.archive(), store);
    }

    /**
     * Removes every occupant of every live room because the service is shutting down (XEP-0045
     * §11.2): each gets its own unavailable presence with status 332 (and 110). Afterwards every
     * room is empty: temporary rooms are gone, persistent ones stay stored. Call it once, before
     * stopping the host.
     *
     * @return the presence for every occupant, rooms in address order, occupants in join order; no
     *     durable changes (no occupant is durable)
     */
    public Effects shutdown() {
        Outbox out = new Outbox();
        for (Room room : registry.live()) {
            RoomShutdown.evictAll(room, out);
            registry.settle(room, out);
        }
        return out.effects();
    }

    private void serviceStanza(Stanza stanza, RoomContext context, Outbox out) {
        if (!(stanza instanceof Iq iq) || !iq.type().isRequest()) {
            if (stanza instanceof Message m && m.type() != MessageType.ERROR) {
                out.send(m.errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)));
            }
            return;
        }
        Optional<Element> query = iq.query();
        boolean admin = isServiceAdmin(iq);
        if (query.isEmpty()) {
            out.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)));
        } else if (query.get().is(XmppNamespaces.DISCO_INFO, "query")) {
            out.send(disco.info(iq, query.get(), admin));
        } else if (query.get().is(XmppNamespaces.DISCO_ITEMS, "query")) {
            out.send(disco.items(iq, query.get(), registry.listed(), commands.items(admin)));
        } else if (query.get().is(XmppNamespaces.PING, "ping")) {
            out.send(iq.resultReply());
        } else if (query.get().is(MucNamespaces.MUC_UNIQUE, "unique")) {
            out.send(UniqueRoomNames.answer(iq, config.domain(), registry::has, context.ids()));
        } else if (query.get().is(XmppNamespaces.COMMANDS, "command")) {
            commands.execute(iq, query.get(), admin, registry, context, out);
        } else {
            out.send(iq.errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)));
        }
    }

    private boolean isServiceAdmin(Iq iq) {
        return iq.from().map(from -> config.admins().contains(from.asBareJid())).orElse(false);
    }

    private static void replyIfRequest(Stanza stanza, StanzaError error, Outbox out) {
        if (stanza.isError()) {
            return; // never answer an error with an error (RFC 6120 §8.3.1)
        }
        if (stanza instanceof Iq iq && !iq.type().isRequest()) {
            return;
        }
        out.send(stanza.errorReply(error));
    }
}
