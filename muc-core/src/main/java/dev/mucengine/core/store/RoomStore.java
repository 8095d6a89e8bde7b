package dev.mucengine.core.store;

import dev.mucengine.core.api.Effects;
import dev.mucengine.core.service.MucService;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;

/**
 * Where persistent rooms and their archives live between restarts. This interface is the one
 * synchronous read interface the engine has (docs/architecture.md); it reads:
 *
 * <ul>
 *   <li>{@link #directory()} and {@link #serviceSecret()}, once each, when the
 *       {@link dev.mucengine.core.service.MucService} is constructed;
 *   <li>{@link #load(EntityBareJid)}, when a stanza addresses a stored room that is not live;
 *   <li>{@link #queryArchive}, when an occupant queries a room's
 *       archive (XEP-0313), and once per loaded room for its discussion history.
 * </ul>
 *
 * <p>Writes are the host's: it passes the {@link DurableChange}s of every
 * {@link dev.mucengine.core.api.Effects} to {@link #apply(List)}, in order, before it releases the
 * stanzas of the same effects. A store may write them in batches (group commit), as long as a
 * batch is durable before the stanzas of the effects in it are released.
 *
 * <p>Faults: every method throws {@link StoreUnavailableException} when the store cannot do its
 * part (database unreachable, disk full, file read-only). The engine answers the request that
 * needed a read with {@code resource-constraint}; a write is all or nothing per {@link #apply}
 * call, and the host acknowledges nothing of a batch that failed. A store recovers by itself once
 * its database is back: the next call tries again.
 *
 * <p>Muc-testkit's {@code RoomStoreContract} is the test suite every implementation should pass.
 */
public interface RoomStore {

    /**
     * Every stored room, as a directory entry. Called once, at service start.
     *
     * @return one entry per stored room, in any order
     * @throws StoreUnavailableException if the store cannot be read
     */
    List<DirectoryEntry> directory();

    /**
     * The service's secret, as the last {@link DurableChange.ServiceSecretCreated} stored it: the
     * key occupant ids (XEP-0421) are derived with, so that they stay the same across restarts.
     * Called once, at service start.
     *
     * @return the secret, or empty if none was ever stored (the service then creates one)
     * @throws StoreUnavailableException if the store cannot be read
     */
    Optional<String> serviceSecret();

    /**
     * The stored state of one room, if it is stored. Called on the service's thread while it
     * handles a stanza: it should be quick.
     *
     * @param room the room's address
     * @return the room's record, or empty if the store does not hold it (the service then forgets the
     *     room)
     * @throws StoreUnavailableException if the store cannot be read
     */
    Optional<RoomRecord> load(EntityBareJid room);

    /**
     * A page of one room's archive. Called on the service's thread while it handles a stanza: it
     * should be quick (an index by room and archive order serves every query form).
     *
     * @param room the room's address
     * @param query the filters and the page wanted
     * @return the page, or empty if the query names an id ({@code afterId}, {@code beforeId} or one
     *     of {@code ids}) that is not in the room's archive
     * @throws StoreUnavailableException if the store cannot be read
     */
    Optional<ArchivePage> queryArchive(EntityBareJid room, ArchiveQuery query);


    /**
     * Makes the changes durable, in order. Called by the host, never by the engine.
     *
     * @param changes the changes of one {@link dev.mucengine.core.api.Effects} (or of several, in
     *     order); all of them are made durable, or none
     * @throws StoreUnavailableException if the changes could not be made durable; then none is
     */
    void apply(List<DurableChange> changes);
}
