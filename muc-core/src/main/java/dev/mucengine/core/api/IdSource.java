package dev.mucengine.core.api;

import java.security.SecureRandom;

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
