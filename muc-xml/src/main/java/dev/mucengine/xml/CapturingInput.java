package dev.mucengine.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes under a {@link TopLevelScanner}: one read at a time from the stream (never waiting
 * for more than the stream has), and a copy of the element being scanned, bounded by the element
 * size limit.
 *
 * <p>Memory follows the input: the read buffer starts small and grows only while reads fill it,
 * and the copy's buffer shrinks back after a large element, so an idle connection holds well
 * under a kilobyte here.
 */
final class CapturingInput {

    /** The first read buffer; reads that fill it double it, up to {@link #MAX_READ_BUFFER}. */
    private static final int FIRST_READ_BUFFER = 512;
    private static final int MAX_READ_BUFFER = 8192;
    /** The copy's buffer between elements; a larger one is dropped after its element. */
    private static final int IDLE_CAPTURE_BUFFER = 256;
    private static final int KEPT_CAPTURE_BUFFER = 8192;

    private final InputStream in;
    private byte[] buffer = new byte[FIRST_READ_BUFFER];
    private int pos;
    private int limit;

    private byte[] captured = new byte[IDLE_CAPTURE_BUFFER];
    private int capturedLength;
    private boolean capturing;
    private int capturedLimit;

    CapturingInput(InputStream in) {
        this.in = in;
    }

    /** The next byte (0-255), or -1 at the end of the stream; captured if a copy is being made. */
    int read() throws IOException, XmlFailure {
        if (pos == limit && !fill()) {
            return -1;
        }
        int b = buffer[pos++] & 0xFF;
        if (capturing) {
            append(b);
        }
        return b;
    }

    /** Whether the next byte is {@code expected}, without consuming it. */
    boolean peekIs(int expected) throws IOException {
        if (pos == limit && !fill()) {
            return false;
        }
        return buffer[pos] == expected;
    }

    /**
     * Starts a copy with {@code <} and the element name's first byte (already read); the copy may
     * grow to {@code maxBytes}, beyond which reading fails with a policy violation.
     */
    void startCapture(int firstNameByte, int maxBytes) throws XmlFailure {
        capturing = true;
        capturedLength = 0;
        capturedLimit = maxBytes;
        append('<');
        append(firstNameByte);
    }

    /** Ends the copy and returns it. */
    byte[] stopCapture() {
        capturing = false;
        byte[] element = Arrays.copyOf(captured, capturedLength);
        if (captured.length > KEPT_CAPTURE_BUFFER) {
            captured = new byte[IDLE_CAPTURE_BUFFER]; // not kept for a connection that may now be idle
        }
        return element;
    }

    /** Ends the copy without returning it (the input ended inside the element). */
    void cancelCapture() {
        capturing = false;
    }

    /** How many bytes the copy holds: the offset of the next byte read. */
    int capturedLength() {
        return capturedLength;
    }

    /** The copied bytes from {@code start}, {@code length} of them, as UTF-8. */
    String captured(int start, int length) {
        return new String(captured, start, length, StandardCharsets.UTF_8);
    }

    /** Whether two ranges of the copy hold the same bytes. */
    boolean capturedEqual(int start, int length, int otherStart, int otherLength) {
        return Arrays.equals(captured, start, start + length, captured, otherStart, otherStart + otherLength);
    }

    private void append(int b) throws XmlFailure {
        if (capturedLength >= capturedLimit) {
            capturing = false;
            throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION,
                    "element larger than " + capturedLimit + " bytes");
        }
        if (capturedLength == captured.length) {
            captured = Arrays.copyOf(captured, Math.min(capturedLimit, captured.length * 2));
        }
        captured[capturedLength++] = (byte) b;
    }

    /** One read: returns as soon as the stream has anything, so stanzas are never delayed. */
    private boolean fill() throws IOException {
        if (limit == buffer.length && buffer.length < MAX_READ_BUFFER) {
            buffer = new byte[buffer.length * 2]; // the last read filled it: the peer sends in bulk
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
