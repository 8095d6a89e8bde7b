package dev.mucengine.xml;

import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlName;
import dev.mucengine.core.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A stanza serialized once for a fan-out, its {@code to} value left open: for any recipient,
 * {@link #addressedTo} gives exactly the bytes {@link XmlSerializer#toBytesInStream} writes for
 * the stanza with that {@code to} (set in place, or appended last if the stanza had none, as
 * {@link Element#withAttribute(String, String)} does), at the cost of escaping the address.
 *
 * <p>Why that is exact: the writer's output depends on an attribute's value only through that
 * value's escaped text at that attribute's place, so the bytes before and after it are the same
 * for every value. The engine makes a room's copies of one message or presence with
 * {@code withTo}, which shares the children list; {@link #differsOnlyInTo} recognizes such a copy
 * by that list's identity and the other attributes' equality, without walking the payload.
 * Immutable, so one template may be shared between threads.
 */
public final class StanzaTemplate {

    private static final XmlName TO = XmlName.local("to");

    private final Element base;
    private final int toIndex;
    private final String contentNamespace;
    private final byte[] prefix;
    private final byte[] suffix;

    private StanzaTemplate(Element base, int toIndex, String contentNamespace, byte[] prefix, byte[] suffix) {
        this.base = base;
        this.toIndex = toIndex;
        this.contentNamespace = contentNamespace;
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /**
     * Serializes {@code stanza} (its {@code to} value aside) for a stream.
     *
     * @param stanza the stanza, with or without a {@code to}
     * @param streamContentNamespace the stream's content namespace, as for
     *     {@link XmlSerializer#toBytesInStream}
     * @return the template
     * @throws IllegalArgumentException as the serializer does, for a name that is not an XML name
     */
    public static StanzaTemplate of(Element stanza, String streamContentNamespace) {
        Element base = stanza.withAttribute("to", "");
        String xml = XmlWriter.write(base, streamContentNamespace);
        int splice = valueOfTo(xml);
        return new StanzaTemplate(base, indexOfTo(base.attributes()), streamContentNamespace,
                xml.substring(0, splice).getBytes(StandardCharsets.UTF_8),
                xml.substring(splice).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Where the root's {@code to} value starts in {@code xml}. Searching for {@code " to='"} is not
     * enough (another value may end with {@code " to="}): the start tag is walked instead, as
     * {@code <name} then {@code  name='value'} items (namespace declarations included), which
     * is unambiguous because names hold no space and values no {@code '} (it is escaped).
     */
    private static int valueOfTo(String xml) {
        int at = xml.indexOf(' ');
        while (at >= 0 && xml.charAt(at) == ' ') {
            int equals = xml.indexOf('=', at);
            int value = equals + 2; // past ='
            if (equals - at - 1 == 2 && xml.startsWith("to", at + 1)) {
                return value;
            }
            at = xml.indexOf('\'', value) + 1;
        }
        throw new IllegalStateException("no to attribute in the start tag of " + xml);
    }

    private static int indexOfTo(List<Attribute> attributes) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(TO)) {
                return i;
            }
        }
        throw new IllegalStateException("the base has a to attribute");
    }

    /**
     * The stream content namespace the template was written for.
     *
     * @return the namespace given to {@link #of}
     */
    public String contentNamespace() {
        return contentNamespace;
    }

    /**
     * Whether {@code copy} is this template's stanza with another {@code to} (present, at the same
     * place): same name, the very same children list, the other attributes equal and in the same
     * order. False for a copy whose payload is equal but was built anew; it costs a serialization,
     * never a wrong byte.
     *
     * @param copy a stanza
     * @return whether {@link #addressedTo} with its {@code to} gives its bytes
     */
    public boolean differsOnlyInTo(Element copy) {
        if (copy.children() != base.children() || !copy.name().equals(base.name())) {
            return false;
        }
        List<Attribute> theirs = copy.attributes();
        List<Attribute> ours = base.attributes();
        if (theirs.size() != ours.size()) {
            return false;
        }
        for (int i = 0; i < ours.size(); i++) {
            boolean same = i == toIndex ? theirs.get(i).name().equals(TO) : theirs.get(i).equals(ours.get(i));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * The stanza's bytes with this {@code to}.
     *
     * @param to the recipient's address, unescaped
     * @return the copy's bytes, sharing this template's
     */
    public SplicedBytes addressedTo(String to) {
        byte[] escaped = needsEscaping(to) ? XmlWriter.escapeAttribute(to).getBytes(StandardCharsets.UTF_8)
                : to.getBytes(StandardCharsets.ISO_8859_1);
        return new SplicedBytes(prefix, escaped, suffix);
    }

    /**
     * False for printable ASCII without markup or quote characters, which the writer copies as
     * they are (the usual JID): then the bytes are the characters, without an escaping pass.
     */
    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '<' || c == '>' || c == '&' || c == '\'' || c == '"') {
                return true;
            }
        }
        return false;
    }
}
