package dev.mucengine.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * Byte scanning on a framed element, for the receive path: finding a marker costs a few
 * comparisons, where a parser would build a tree per stanza and become the bottleneck.
 */
final class Bytes {

    private Bytes() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Where {@code what} starts in {@code b[from, to)}, or -1. */
    static int indexOf(byte[] b, int from, int to, byte[] what) {
        int last = to - what.length;
        byte first = what[0];
        outer:
        for (int i = from; i <= last; i++) {
            if (b[i] != first) {
                continue;
            }
            for (int j = 1; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static boolean contains(byte[] b, int from, int to, byte[] what) {
        return indexOf(b, from, to, what) >= 0;
    }

    /**
     * Whether the element's start tag has {@code name='value'} or {@code name="value"}; both
     * quotes occur (Prosody writes single, others double). {@code forms} comes from {@link #attribute}.
     */
    static boolean hasAttribute(byte[] b, int from, int to, byte[][] forms) {
        int tagEnd = indexOf(b, from, to, GT);
        int end = tagEnd < 0 ? to : tagEnd;
        return contains(b, from, end, forms[0]) || contains(b, from, end, forms[1]);
    }

    /** The two spellings of an attribute, for {@link #hasAttribute}. */
    static byte[][] attribute(String name, String value) {
        return new byte[][] {ascii(" " + name + "='" + value + "'"), ascii(" " + name + "=\"" + value + "\"")};
    }

    /** Whether {@code b[from, to)} contains {@code name='value'} or {@code name="value"} anywhere. */
    static boolean containsAttribute(byte[] b, int from, int to, byte[][] forms) {
        return contains(b, from, to, forms[0]) || contains(b, from, to, forms[1]);
    }

    /** A non-negative decimal at {@code b[at]}, ended by any non-digit; -1 if there is no digit. */
    static long number(byte[] b, int at, int to) {
        long n = 0;
        int i = at;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            n = n * 10 + (b[i] - '0');
            i++;
        }
        return i == at ? -1 : n;
    }

    /** The index of the first byte after the digits at {@code at}. */
    static int skipDigits(byte[] b, int at, int to) {
        int i = at;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    private static final byte[] GT = {'>'};
}
