package dev.mucengine.core.api;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityBareJid;

/**
 * Supplies the ids of stanzas the engine originates (and stable message ids). Injected so that
 * replaying the same inputs reproduces the same outputs.
 */
@FunctionalInterface
public interface IdSource {

    /**
     * A fresh id, unique among those this source has returned.
     *
     * @return the next id; never empty
     */
    String nextId();

    /**
     * Fresh secret material, for keys the service keeps (the XEP-0421 occupant id key): it must
     * not be guessable from the ids this source gives out, which are public (stanza ids, message
     * ids). By default the next id, which suits deterministic sources in tests; {@link #unique()}
     * draws 256 new bits from {@link SecureRandom} instead, as its ids share one public prefix.
     *
     * @return new secret material; never empty
     */
    default String nextSecret() {
        return nextId();
    }

    /**
     * Where the ids of what one room originates come from. By default this source itself, so that
     * a room's ids depend on what the partition's other rooms drew before; a source may instead
     * keep a sequence per room ({@link #sequentialPerRoom}), so that a room's outputs are the same
     * whichever rooms share its partition. The returned source is used by the room's partition only.
     *
     * @param room the room about to handle a stanza
     * @return the source of that room's ids
     */
    default IdSource forRoom(EntityBareJid room) {
        return this;
    }

    /**
     * A deterministic source with one sequence per room: a room's ids are {@code prefix1},
     * {@code prefix2}, ... counted for that room alone ({@link #forRoom}); ids drawn for the
     * service itself, and secrets, come from {@link #sequential(String)}. For tests and replays
     * that compare each room's outputs however rooms are partitioned over threads. Ids repeat
     * across rooms and restarts, so a host must not use it. Safe to share between partitions (each
     * room's sequence is drawn by its own partition).
     *
     * @param prefix the text every id starts with
     * @return a new source whose counters start at 1
     */
    static IdSource sequentialPerRoom(String prefix) {
        IdSource service = sequential(prefix);
        Map<EntityBareJid, IdSource> rooms = new ConcurrentHashMap<>();
        return new IdSource() {
            @Override
            public String nextId() {
                return service.nextId();
            }

            @Override
            public String nextSecret() {
                return service.nextSecret();
            }

            @Override
            public IdSource forRoom(EntityBareJid room) {
                return rooms.computeIfAbsent(room, r -> sequential(prefix));
            }
        };
    }

    /**
     * A deterministic source: {@code prefix1}, {@code prefix2}, ...; secrets {@code prefixsecret1},
     * {@code prefixsecret2}, ... For tests and scripts: two
     * sources with the same prefix repeat each other's ids, so a host must not use it across
     * restarts.
     *
     * @param prefix the text every id starts with
     * @return a new source whose counter starts at 1
     */
    static IdSource sequential(String prefix) {
        long[] counter = {0, 0};
        return new IdSource() {
            @Override
            public String nextId() {
                return prefix + (++counter[0]);
            }

            /** {@code prefixsecret1}...: counted apart, so that taking a secret shifts no id. */
            @Override
            public String nextSecret() {
                return prefix + "secret" + (++counter[1]);
            }
        };
    }

    /**
     * Ids unique across restarts and across services: a prefix of 80 random bits drawn once (from
     * {@link SecureRandom}), written as 16 base-32 digits, then a counter in base 36, as in
     * {@code k3v9q0dl2hm8r4tc-1a}. A persistent archive may key messages on them. Not thread-safe,
     * like the service that uses it.
     *
     * @return a new source with a freshly drawn prefix
     */
    static IdSource unique() {
        return unique(new SecureRandom());
    }

    /**
     * As {@link #unique()}, with the prefix drawn from {@code random}.
     *
     * @param random where the 80 bits of the prefix come from (once, now)
     * @return a new source with a prefix drawn from {@code random}
     */
    static IdSource unique(SecureRandom random) {
        return new RandomIds(random);
    }
}
