package dev.mucengine.xml;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import dev.mucengine.core.xml.Text;
import dev.mucengine.core.xml.XmlName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the model as XML 1.0 with the fewest namespace declarations that keep its meaning.
 * Stateless and thread-safe.
 *
 * <ul>
 *   <li>An element in its parent's namespace gets no {@code xmlns}; a standalone element
 *       declares its own namespace.</li>
 *   <li>In a stream ({@code ...InStream} methods), {@code jabber:client} elements are written
 *       in the stream's content namespace, i.e. usually without any declaration: on a component
 *       stream, a model stanza becomes a {@code jabber:component:accept} stanza on the wire, the
 *       inverse of {@link XmppStreamReader}'s mapping. Elements in
 *       {@value StreamError#STREAMS_NAMESPACE} use the {@code stream:} prefix, as declared by
 *       {@link #openStream}.</li>
 *   <li>{@code xml:lang} is written as {@code xml:lang}; other namespaced attributes get generated
 *       prefixes ({@code ns0}, {@code ns1}...) declared on the element.</li>
 *   <li>Attributes keep their order. Values are delimited by {@code '}; text escapes
 *       {@code < & >} and CR, attribute values also escape quotes, tab, LF and CR as character
 *       references so they survive attribute-value normalization.</li>
 *   <li>Characters not allowed in XML 1.0 (most C0 controls, U+FFFE/U+FFFF, unpaired
 *       surrogates) are replaced by U+FFFD: the output is always well-formed, and input parsed
 *       by {@link XmlParser} never contains such characters.</li>
 *   <li>No XML declaration is written, except by {@link #openStream}.</li>
 * </ul>
 *
 * <p>Element and attribute local names come from code, not from peers; a name that is not a
 * valid XML name is a programming error and throws {@link IllegalArgumentException} rather than
 * producing injectable markup.
 */
public final class XmlSerializer {

    private static final String XML_PREFIX = "xml";

    /** Standalone: the element declares its own namespace. */
    public String toXml(Element element) {
        StringBuilder sb = new StringBuilder(256);
        append(element, "", sb);
        return sb.toString();
    }

    public byte[] toBytes(Element element) {
        return toXml(element).getBytes(StandardCharsets.UTF_8);
    }

    public void write(Element element, Writer out) throws IOException {
        out.write(toXml(element));
    }

    /** For a stream whose default namespace is {@code streamContentNamespace}. */
    public String toXmlInStream(Element element, String streamContentNamespace) {
        StringBuilder sb = new StringBuilder(256);
        append(element, streamContentNamespace, sb);
        return sb.toString();
    }

    public byte[] toBytesInStream(Element element, String streamContentNamespace) {
        return toXmlInStream(element, streamContentNamespace).getBytes(StandardCharsets.UTF_8);
    }

    public void writeInStream(Element element, String streamContentNamespace, Writer out)
            throws IOException {
        out.write(toXmlInStream(element, streamContentNamespace));
    }

    /**
     * The XML declaration and the {@code <stream:stream ...>} start tag with the header's
     * namespace declarations and attributes, in order.
     */
    public String openStream(StreamHeader header) {
        if (header.streamPrefix().isEmpty()) {
            throw new IllegalArgumentException("the stream element needs a prefix");
        }
        StringBuilder sb = new StringBuilder("<?xml version='1.0'?>");
        sb.append('<').append(name(header.streamPrefix())).append(":stream");
        Map<String, String> prefixes = new HashMap<>();
        prefixes.put(XmlName.XML_NAMESPACE, XML_PREFIX);
        for (Map.Entry<String, String> d : header.namespaces().entrySet()) {
            sb.append(d.getKey().isEmpty() ? " xmlns" : " xmlns:" + name(d.getKey()))
                    .append("='").append(escapeAttribute(d.getValue())).append('\'');
            if (!d.getKey().isEmpty()) {
                prefixes.put(d.getValue(), d.getKey());
            }
        }
        for (Attribute a : header.attributes()) {
            appendAttribute(a, prefixes, sb);
        }
        return sb.append('>').toString();
    }

    /** {@code </stream:stream>}. */
    public String closeStream() {
        return "</stream:stream>";
    }

    private static void append(Element root, String streamNamespace, StringBuilder out) {
        Map<String, String> prefixes = new HashMap<>();
        prefixes.put(XmlName.XML_NAMESPACE, XML_PREFIX);
        if (!streamNamespace.isEmpty()) {
            prefixes.put(StreamError.STREAMS_NAMESPACE, "stream");
        }
        appendElement(root, streamNamespace, streamNamespace, prefixes, out);
    }

    /**
     * @param streamNamespace the content namespace {@code jabber:client} maps to, or "" when
     *                        standalone (no mapping)
     * @param defaultNamespace the default namespace in scope at this point of the output
     * @param prefixes         namespace URI to prefix, in scope; copied before adding to it
     */
    private static void appendElement(Element e, String streamNamespace, String defaultNamespace,
            Map<String, String> prefixes, StringBuilder out) {
        String ns = e.namespace();
        if (!streamNamespace.isEmpty() && ns.equals(Stanza.CLIENT_NAMESPACE)) {
            ns = streamNamespace;
        }
        String local = name(e.localName());
        out.append('<');
        StringBuilder declarations = new StringBuilder();
        String childDefault = defaultNamespace;
        Map<String, String> scope = prefixes;
        String qname;
        if (ns.equals(StreamError.STREAMS_NAMESPACE)) {
            String prefix = prefixes.get(ns);
            if (prefix == null) {
                scope = new HashMap<>(prefixes);
                prefix = "stream";
                scope.put(ns, prefix);
                declarations.append(" xmlns:stream='").append(escapeAttribute(ns)).append('\'');
            }
            qname = prefix + ":" + local;
        } else {
            qname = local;
            if (!ns.equals(defaultNamespace)) {
                declarations.append(" xmlns='").append(escapeAttribute(ns)).append('\'');
                childDefault = ns;
            }
        }
        out.append(qname).append(declarations);
        for (Attribute a : e.attributes()) {
            String ans = a.name().namespace();
            if (!ans.isEmpty() && !scope.containsKey(ans)) {
                if (scope == prefixes) {
                    scope = new HashMap<>(prefixes);
                }
                String prefix = freshPrefix(scope);
                scope.put(ans, prefix);
                out.append(" xmlns:").append(prefix).append("='").append(escapeAttribute(ans))
                        .append('\'');
            }
            appendAttribute(a, scope, out);
        }
        if (e.children().isEmpty()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Node child : e.children()) {
            if (child instanceof Element c) {
                appendElement(c, streamNamespace, childDefault, scope, out);
            } else if (child instanceof Text t) {
                escape(t.value(), false, out);
            }
        }
        out.append("</").append(qname).append('>');
    }

    private static void appendAttribute(Attribute a, Map<String, String> prefixes,
            StringBuilder out) {
        String ans = a.name().namespace();
        out.append(' ');
        if (!ans.isEmpty()) {
            String prefix = prefixes.get(ans);
            if (prefix == null) {
                throw new IllegalArgumentException("undeclared attribute namespace " + ans);
            }
            out.append(prefix).append(':');
        }
        out.append(name(a.name().localName())).append("='");
        escape(a.value(), true, out);
        out.append('\'');
    }

    private static String freshPrefix(Map<String, String> scope) {
        for (int i = 0; ; i++) {
            String candidate = "ns" + i;
            if (!scope.containsValue(candidate)) {
                return candidate;
            }
        }
    }

    /** Escapes for a {@code '}-delimited attribute value. */
    static String escapeAttribute(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        escape(value, true, sb);
        return sb.toString();
    }

    private static void escape(String s, boolean attribute, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#xD;");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\t' -> out.append(attribute ? "&#x9;" : "\t");
                case '\n' -> out.append(attribute ? "&#xA;" : "\n");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Checks a local name or prefix so that code can never inject markup through a name. */
    private static String name(String n) {
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            boolean ok = Character.isLetter(c) || c == '_' || c >= 0x80 && !Character.isWhitespace(c)
                    || i > 0 && (Character.isDigit(c) || c == '-' || c == '.');
            if (!ok) {
                throw new IllegalArgumentException("not an XML name: '" + n + "'");
            }
        }
        if (n.isEmpty()) {
            throw new IllegalArgumentException("empty XML name");
        }
        return n;
    }
}
