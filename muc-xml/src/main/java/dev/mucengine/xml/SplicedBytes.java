package dev.mucengine.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * One recipient's copy of a stanza in UTF-8, as three segments: the bytes before its {@code to}
 * value and those after it, shared by every copy of a {@link StanzaTemplate}, and its own escaped
 * {@code to} value. Immutable: the arrays never leave this class except as read-only views.
 */
public final class SplicedBytes {

    private final byte[] prefix;
    private final byte[] to;
    private final byte[] suffix;

    SplicedBytes(byte[] prefix, byte[] to, byte[] suffix) {
        this.prefix = prefix;
        this.to = to;
        this.suffix = suffix;
    }

    /**
     * The copy's size on the wire.
     *
     * @return the number of bytes
     */
    public int length() {
        return prefix.length + to.length + suffix.length;
    }

    /**
     * The three segments in order, to write one after the other; the shared ones are not copied.
     *
     * @return new read-only buffers, each positioned at its start
     */
    public ByteBuffer[] segments() {
        return new ByteBuffer[] {
            ByteBuffer.wrap(prefix).asReadOnlyBuffer(),
            ByteBuffer.wrap(to).asReadOnlyBuffer(),
            ByteBuffer.wrap(suffix).asReadOnlyBuffer()};
    }

    /**
     * Writes the copy to {@code out}.
     *
     * @param out where to write; not flushed
     * @throws IOException if {@code out} fails
     */
    public void writeTo(OutputStream out) throws IOException {
        out.write(prefix);
        out.write(to);
        out.write(suffix);
    }

    /**
     * The copy in one array.
     *
     * @return a new array of {@link #length()} bytes
     */
    public byte[] toByteArray() {
        byte[] all = new byte[length()];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(to, 0, all, prefix.length, to.length);
        System.arraycopy(suffix, 0, all, prefix.length + to.length, suffix.length);
        return all;
    }
}
