package dev.mucengine.server.c2s;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * A connection's input, metered: every read is reported (to count what the server holds of
 * clients' input, {@link HeldInput}), and until {@link #lift()} the bytes are limited: before
 * authentication a client has no business sending more than a SASL exchange and a few
 * registrations ({@link ServeLimits#maxBytesBeforeAuthentication()}). Reading past that throws
 * {@link Exceeded}. Used by the connection's reader thread only.
 */
final class MeteredInput extends FilterInputStream {

    /** The client sent more before authenticating than the server allows. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;

        Exceeded() {
            super("too much input before authentication");
        }
    }

    private final LongConsumer onRead;
    private long remaining;

    /**
     * @param budget the bytes allowed until {@link #lift()}
     * @param onRead told how many bytes each read returned
     */
    MeteredInput(InputStream in, long budget, LongConsumer onRead) {
        super(in);
        this.remaining = budget;
        this.onRead = onRead;
    }

    /** From now on, the input is not limited (still metered). */
    void lift() {
        remaining = Long.MAX_VALUE;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (remaining <= 0) {
            throw new Exceeded();
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            if (remaining != Long.MAX_VALUE) {
                remaining -= n;
            }
            onRead.accept(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return Math.max(0, read(new byte[(int) Math.min(n, 512)], 0, (int) Math.min(n, 512)));
    }
}
