package dev.mucengine.server;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.SplicedBytes;
import dev.mucengine.xml.XmlSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One thing queued for a connection's {@link ChannelOutput}: what it weighs against the
 * connection's byte bound, and the bytes it turns into when it is written, as one or more
 * buffers in order (the selector thread copies them into its write buffer). Buffers over arrays
 * shared between recipients are read-only views ({@link ByteBuffer#asReadOnlyBuffer()}), so
 * the bytes stay shared until written and no connection can change them.
 */
public interface OutputItem {

    /** What the item counts against the bound: about its size in bytes (see {@link OutputSize}). */
    long weight();

    /**
     * The item's bytes, written in order; fresh buffers (positions at 0), which the writer
     * consumes. Called once, on the connection's selector thread.
     *
     * @param contentNamespace the stream's content namespace, which elements in it do not repeat
     */
    ByteBuffer[] buffers(String contentNamespace);

    /** An element, serialized when it is written (on the selector thread, not the sender's). */
    static OutputItem element(Element element) {
        return new ElementItem(element, OutputSize.of(element, Stanza.CLIENT_NAMESPACE));
    }

    /** Markup written as is, such as a stream header or closing tag. */
    static OutputItem markup(String markup) {
        return new Bytes(new byte[][] {markup.getBytes(StandardCharsets.UTF_8)});
    }

    /** Bytes already serialized, in segments that may be shared with other connections; never copied. */
    static OutputItem bytes(byte[]... segments) {
        return new Bytes(segments);
    }

    /** One recipient's copy of a fan-out: the shared serialization with its own {@code to} spliced in. */
    static OutputItem spliced(SplicedBytes copy) {
        return new Spliced(copy);
    }

    /** A fan-out copy, written as its segments' read-only views. */
    record Spliced(SplicedBytes copy) implements OutputItem {

        @Override
        public long weight() {
            return copy.length();
        }

        @Override
        public ByteBuffer[] buffers(String contentNamespace) {
            return copy.segments();
        }
    }

    /** An element to serialize at write time. */
    record ElementItem(Element element, long weight) implements OutputItem {

        private static final XmlSerializer SERIALIZER = new XmlSerializer();

        @Override
        public ByteBuffer[] buffers(String contentNamespace) {
            return new ByteBuffer[] {ByteBuffer.wrap(SERIALIZER.toBytesInStream(element, contentNamespace))};
        }
    }

    /** Serialized bytes, possibly shared: each segment goes out through a read-only view. */
    record Bytes(byte[][] segments) implements OutputItem {

        @Override
        public long weight() {
            long size = 0;
            for (byte[] s : segments) {
                size += s.length;
            }
            return size;
        }

        @Override
        public ByteBuffer[] buffers(String contentNamespace) {
            ByteBuffer[] views = new ByteBuffer[segments.length];
            for (int i = 0; i < segments.length; i++) {
                views[i] = ByteBuffer.wrap(segments[i]).asReadOnlyBuffer();
            }
            return views;
        }
    }
}
