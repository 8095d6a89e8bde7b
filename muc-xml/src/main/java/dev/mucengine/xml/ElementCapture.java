package dev.mucengine.xml;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The copy of the element an {@link ElementFramer} is reading, bounded by the element size
 * limit: appending past it fails with {@code policy-violation}.
 *
 * <p>Memory follows the input: the buffer starts small, grows while an element needs it, and is
 * dropped after a large element, so an idle connection holds well under a kilobyte here.
 */
final class ElementCapture {

    /** The buffer between elements; a larger one is dropped after its element. */
    private static final int IDLE_BUFFER = 256;
    private static final int KEPT_BUFFER = 8192;

    private final int maxBytes;
    private byte[] bytes = new byte[IDLE_BUFFER];
    private int length;
    private boolean active;

    ElementCapture(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether a copy is being made: every byte the framer reads belongs to it. */
    boolean active() {
        return active;
    }

    /** Starts a copy with {@code <} and the element name's first byte (already read). */
    void start(int firstNameByte) throws XmlFailure {
        active = true;
        length = 0;
        append('<');
        append(firstNameByte);
    }

    /** Ends the copy and returns it. */
    byte[] stop() {
        active = false;
        byte[] element = Arrays.copyOf(bytes, length);
        if (bytes.length > KEPT_BUFFER) {
            bytes = new byte[IDLE_BUFFER]; // not kept for a connection that may now be idle
        }
        return element;
    }

    /** Ends the copy without returning it (the input ended inside the element). */
    void cancel() {
        active = false;
    }

    /** How many bytes the copy holds: the offset of the next byte appended. */
    int length() {
        return length;
    }

    /** The copied bytes from {@code start}, {@code count} of them, as UTF-8. */
    String string(int start, int count) {
        return new String(bytes, start, count, StandardCharsets.UTF_8);
    }

    /** Whether two ranges of the copy hold the same bytes. */
    boolean equal(int start, int count, int otherStart, int otherCount) {
        return Arrays.equals(bytes, start, start + count, bytes, otherStart, otherStart + otherCount);
    }

    /** Appends the next {@code count} bytes of {@code input}, as {@link #append(int)} would one by one. */
    void append(ByteBuffer input, int count) throws XmlFailure {
        if (length + count > maxBytes) {
            input.position(input.position() + maxBytes - length);
            active = false;
            throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION, "element larger than " + maxBytes + " bytes");
        }
        if (length + count > bytes.length) {
            int size = bytes.length;
            while (size < length + count) {
                size = Math.min(maxBytes, size * 2);
            }
            bytes = Arrays.copyOf(bytes, size);
        }
        input.get(bytes, length, count);
        length += count;
    }

    void append(int b) throws XmlFailure {
        if (length >= maxBytes) {
            active = false;
            throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION, "element larger than " + maxBytes + " bytes");
        }
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(maxBytes, bytes.length * 2));
        }
        bytes[length++] = (byte) b;
    }
}
