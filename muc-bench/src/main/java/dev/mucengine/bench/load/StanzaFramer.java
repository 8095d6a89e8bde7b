package dev.mucengine.bench.load;

import java.util.Arrays;

/**
 * Cuts an XMPP stream (RFC 6120 §4) into its top-level elements by scanning bytes, without a
 * parser: the generator must cost less than the servers it measures. It tracks element depth
 * through start, end and empty-element tags, skips the XML declaration and attribute values
 * (which may hold {@code >} or {@code /}), and hands each element at depth 1 to the sink as one
 * range of bytes. Servers send no comments, CDATA or DTDs on a stream (§11.1), so neither does
 * this accept them.
 */
final class StanzaFramer {

    /** Receives the framed elements. */
    interface Sink {
        /** The stream header arrived (a new stream, also after a SASL restart). */
        void streamOpened();

        /** One top-level element, {@code bytes[from, to)}; valid only during the call. */
        void element(byte[] bytes, int from, int to);

        /** {@code </stream:stream>} arrived. */
        void streamClosed();
    }

    private enum State { TEXT, TAG, QUOTED }

    private byte[] buffer = new byte[0];
    private int length;
    /** The next byte to scan. */
    private int position;
    private State state = State.TEXT;
    private byte quote;
    private int depth;
    /** Where the current tag starts, and where the current top-level element starts. */
    private int tagStart;
    private int elementStart = -1;
    /** Counted so that {@link #emit} can tell whether the sink restarted the framer. */
    private int restarts;

    /** Forgets the old stream: after SASL success the server starts a new one (RFC 6120 §6.4.6). */
    void restart() {
        restarts++;
        length = 0;
        position = 0;
        state = State.TEXT;
        depth = 0;
        elementStart = -1;
    }

    /** Appends {@code bytes[from, to)} and frames what is complete. */
    void feed(byte[] bytes, int from, int to, Sink sink) {
        int n = to - from;
        if (length + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(length + n, Math.max(4096, buffer.length * 2)));
        }
        System.arraycopy(bytes, from, buffer, length, n);
        length += n;
        scan(sink);
        compact();
    }

    private void scan(Sink sink) {
        byte[] b = buffer;
        while (position < length) {
            byte c = b[position];
            switch (state) {
                case TEXT -> {
                    if (c == '<') {
                        tagStart = position;
                        state = State.TAG;
                    }
                }
                case QUOTED -> {
                    if (c == quote) {
                        state = State.TAG;
                    }
                }
                case TAG -> {
                    if (c == '"' || c == '\'') {
                        quote = c;
                        state = State.QUOTED;
                    } else if (c == '>') {
                        state = State.TEXT;
                        if (tagEnded(b, position, sink)) {
                            return; // the sink restarted the stream
                        }
                    }
                }
            }
            position++;
        }
    }

    /** A tag {@code b[tagStart, end]} is complete; true if the framer was restarted meanwhile. */
    private boolean tagEnded(byte[] b, int end, Sink sink) {
        byte kind = b[tagStart + 1];
        if (kind == '?') {
            return false; // the XML declaration
        }
        if (kind == '/') {
            depth--;
            if (depth == 1) {
                return emit(elementStart, end + 1, sink);
            }
            if (depth == 0) {
                sink.streamClosed();
            }
            return false;
        }
        boolean empty = b[end - 1] == '/';
        if (depth == 0) {
            depth = 1;
            sink.streamOpened();
            return false;
        }
        if (depth == 1) {
            if (empty) {
                return emit(tagStart, end + 1, sink);
            }
            elementStart = tagStart;
        }
        if (!empty) {
            depth++;
        }
        return false;
    }

    private boolean emit(int from, int to, Sink sink) {
        int restartsBefore = restarts;
        elementStart = -1;
        sink.element(buffer, from, to);
        return restarts != restartsBefore;
    }

    private void compact() {
        int keep = elementStart >= 0 ? elementStart : (state == State.TEXT ? position : tagStart);
        if (keep > 0) {
            System.arraycopy(buffer, keep, buffer, 0, length - keep);
            length -= keep;
            position -= keep;
            tagStart -= keep;
            if (elementStart >= 0) {
                elementStart -= keep;
            }
        }
    }
}
