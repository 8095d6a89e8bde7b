package dev.mucengine.server;

import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import dev.mucengine.core.xml.Text;

/**
 * What a queued element weighs for a {@link ChannelOutput}'s byte bound: the characters of its
 * names, namespace declarations, attribute values and texts, plus its tags' own characters. That
 * is its serialized size for ASCII text without escapes, and roughly the memory it holds.
 *
 * <p>Why not {@code XmlWriter.length}, the exact size: it serializes, which costs about 1.5 us for
 * a chat message against 50 ns for this walk, and the engine thread pays it once per recipient
 * (about 160,000 deliveries a second in docs/performance.md). The selector thread serializes
 * anyway, when it writes.
 */
final class OutputSize {

    /** {@code <} {@code >} {@code </} {@code >}: what an element costs beyond its name. */
    private static final int TAGS = 5;
    /** {@code  xmlns=''} */
    private static final int DECLARATION = 9;
    /** {@code  =''} around an attribute value. */
    private static final int ATTRIBUTE = 4;

    private OutputSize() {
    }

    /** The element's weight as a top-level element of a stream in {@code contentNamespace}. */
    static long of(Element element, String contentNamespace) {
        long size = 2L * element.localName().length() + TAGS;
        if (!element.namespace().equals(contentNamespace)) {
            size += element.namespace().length() + DECLARATION;
        }
        for (Attribute a : element.attributes()) {
            size += a.name().localName().length() + a.value().length() + ATTRIBUTE
                    + (a.name().namespace().isEmpty() ? 0 : DECLARATION);
        }
        for (Node child : element.children()) {
            size += child instanceof Element e ? of(e, element.namespace()) : ((Text) child).value().length();
        }
        return size;
    }
}
