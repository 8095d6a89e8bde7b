package dev.mucengine.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * A connection's socket as its selector thread reads it: reads within the bytes a peer may send
 * before it authenticates (a c2s client: {@code ServeLimits.maxBytesBeforeAuthentication()}),
 * the bytes read and left unconsumed while the connection waits (for the engine, or for an
 * authentication retry delay), and which readiness the selector watches for. Loop thread only.
 */
public final class ChannelInput {

    /** The peer sent more before authenticating than it may. */
    public static final class OverBudget extends Exception {
        private static final long serialVersionUID = 1L;

        OverBudget() {
            super("too much input before authentication", null, false, false);
        }
    }

    private final SocketChannel channel;
    private @Nullable SelectionKey key;
    private long bytesLeft;
    private @Nullable ByteBuffer unconsumed;

    /** @param budget the bytes allowed until {@link #lift()} */
    public ChannelInput(SocketChannel channel, long budget) {
        this.channel = channel;
        this.bytesLeft = budget;
    }

    public void attached(SelectionKey selectionKey) {
        this.key = selectionKey;
    }

    /** From now on (authenticated) the input is not limited. */
    public void lift() {
        bytesLeft = Long.MAX_VALUE;
    }

    /**
     * One read into {@code buffer} (cleared), within the budget unless {@code unlimited}: the
     * bytes read, ready to consume (none if there were none), or null at the end of input.
     *
     * @param unlimited true to read past the budget (after the stream ended, input is dropped)
     * @throws OverBudget if the budget was used up before this read
     * @throws IOException if the connection failed (reset by the peer)
     */
    public @Nullable ByteBuffer read(ByteBuffer buffer, boolean unlimited) throws IOException, OverBudget {
        if (!unlimited && bytesLeft < buffer.capacity()) {
            if (bytesLeft <= 0) {
                throw new OverBudget();
            }
            buffer.limit((int) bytesLeft);
        }
        int n = channel.read(buffer);
        if (n < 0) {
            return null;
        }
        if (bytesLeft != Long.MAX_VALUE && n > 0) {
            bytesLeft -= n;
        }
        return buffer.flip();
    }

    /** Keeps what is left of {@code buffer} (a shared read buffer) for later: input is paused. */
    public void keep(ByteBuffer buffer) {
        unconsumed = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
    }

    /** What was kept, if anything; the caller consumes it and {@link #drop()}s it once consumed. */
    public @Nullable ByteBuffer unconsumed() {
        return unconsumed;
    }

    public void drop() {
        unconsumed = null;
    }

    /** Whether the selector reports the socket readable. */
    public void reading(boolean on) {
        interest(SelectionKey.OP_READ, on);
    }

    /** Whether the selector reports the socket writable (only while output waits for room). */
    public void writing(boolean on) {
        interest(SelectionKey.OP_WRITE, on);
    }

    /** Cancels the selector's interest and closes the socket. */
    public void close() {
        unconsumed = null;
        SelectionKey k = key;
        if (k != null) {
            k.cancel();
        }
        try {
            channel.close();
        } catch (IOException | RuntimeException e) {
            // already closed
        }
    }

    private void interest(int op, boolean on) {
        SelectionKey k = key;
        if (k == null || !k.isValid()) {
            return;
        }
        int ops = k.interestOps();
        int wanted = on ? ops | op : ops & ~op;
        if (wanted != ops) {
            k.interestOps(wanted);
        }
    }
}
