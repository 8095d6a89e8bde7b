package dev.mucengine.core.api;

import java.security.SecureRandom;
import java.util.Locale;

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
     * A deterministic source: {@code prefix1}, {@code prefix2}, ... For tests and scripts: two
     * sources with the same prefix repeat each other's ids, so a host must not use it across
     * restarts.
     *
     * @param prefix the text every id starts with
     * @return a new source whose counter starts at 1
     */
    static IdSource sequential(String prefix) {
        long[] counter = {0};
        return () -> prefix + (++counter[0]);
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
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        StringBuilder prefix = new StringBuilder(17);
        long acc = 0;
        int held = 0;
        for (byte b : bits) {
            acc = acc << 8 | (b & 0xff);
            held += 8;
            while (held >= 5) {
                held -= 5;
                prefix.append(Character.forDigit((int) (acc >>> held) & 31, 32));
            }
        }
        prefix.append('-');
        String base = prefix.toString().toLowerCase(Locale.ROOT);
        long[] counter = {0};
        return () -> base + Long.toString(++counter[0], 36);
    }
}
