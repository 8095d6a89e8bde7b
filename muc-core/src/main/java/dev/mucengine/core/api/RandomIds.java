package dev.mucengine.core.api;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * {@link IdSource#unique()}: 80 random bits drawn once, then a counter, for ids; 256 fresh random
 * bits for each secret, since the prefix of the ids is public the moment one id is.
 */
final class RandomIds implements IdSource {

    private final SecureRandom random;
    private final String prefix;
    private long counter;

    RandomIds(SecureRandom random) {
        this.random = random;
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        StringBuilder digits = new StringBuilder(17);
        long acc = 0;
        int held = 0;
        for (byte b : bits) {
            acc = acc << 8 | (b & 0xff);
            held += 8;
            while (held >= 5) {
                held -= 5;
                digits.append(Character.forDigit((int) (acc >>> held) & 31, 32));
            }
        }
        digits.append('-');
        this.prefix = digits.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String nextId() {
        return prefix + Long.toString(++counter, 36);
    }

    @Override
    public String nextSecret() {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
