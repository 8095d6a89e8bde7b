package dev.mucengine.core.xml;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the model as XML 1.0 with the fewest namespace declarations that keep its meaning: the
 * one serialization of elements, used for the wire (through muc-xml) and wherever the engine must
 * know the size of what it sends (history's {@code maxchars}, XEP-0045 §7.2.14). Stateless.
 *
 * <ul>
 *   <li>An element in its parent's namespace gets no {@code xmlns}; a standalone element
 *       declares its own namespace.</li>
 *   <li>In a stream ({@link #write(Element, String)}), {@code jabber:client} elements are written
 *       in the stream's content namespace, i.e. usually without any declaration: on a component
 *       stream, a model stanza becomes a {@code jabber:component:accept} stanza on the wire.
 *       Elements in {@value XmppNamespaces#STREAMS} use the {@code stream:} prefix.</li>
 *   <li>{@code xml:lang} is written as {@code xml:lang}; other namespaced attributes get generated
 *       prefixes ({@code ns0}, {@code ns1}...) declared on the element.</li>
 *   <li>Attributes keep their order. Values are delimited by {@code '}; text escapes
 *       {@code < & >} and CR, attribute values also escape quotes, tab, LF and CR as character
 *       references so they survive attribute-value normalization.</li>
 *   <li>Characters not allowed in XML 1.0 (most C0 controls, U+FFFE/U+FFFF, unpaired
 *       surrogates) are replaced by U+FFFD: the output is always well-formed.</li>
 * </ul>
 *
 * <p>Element and attribute local names come from code, not from peers; a name that is not a
 * valid XML name is a programming error and throws {@link IllegalArgumentException} rather than
 * producing injectable markup.
 */
public final class XmlWriter {

    private static final String XML_PREFIX = "xml";

    private XmlWriter() {
    }

    /**
     * Standalone: the element declares its own namespace.
     *
     * @param element the element to write
     * @return the XML
     */
    public static String write(Element element) {
        return write(element, "");
    }

    /**
     * As the element is written inside a stream whose content namespace is
     * {@code streamContentNamespace} ({@code jabber:client}, {@code jabber:component:accept}).
     *
     * @param element the element to write
     * @param streamContentNamespace the stream's default namespace, to which {@code jabber:client}
     *     elements are mapped; {@code ""} writes standalone
     * @return the XML
     */
    public static String write(Element element, String streamContentNamespace) {
        StringBuilder sb = new StringBuilder(256);
        Map<String, String> prefixes = new HashMap<>();
        prefixes.put(XmlName.XML_NAMESPACE, XML_PREFIX);
        if (!streamContentNamespace.isEmpty()) {
            prefixes.put(XmppNamespaces.STREAMS, "stream");
        }
        appendElement(element, streamContentNamespace, streamContentNamespace, prefixes, sb);
        return sb.toString();
    }

    /**
     * How many characters (code points) a stanza takes on a client stream.
     *
     * @param stanza the stanza's element
     * @return the length of {@link #write(Element, String)} in {@code jabber:client}, in code points
     */
    public static int length(Element stanza) {
        String xml = write(stanza, Stanza.CLIENT_NAMESPACE);
        return xml.codePointCount(0, xml.length());
    }

    /**
     * @param streamNamespace the content namespace {@code jabber:client} maps to, or "" when
     *     standalone (no mapping)
     * @param defaultNamespace the default namespace in scope at this point of the output
     * @param prefixes namespace URI to prefix, in scope; copied before adding to it
     */
    private static void appendElement(Element e, String streamNamespace, String defaultNamespace,
            Map<String, String> prefixes, StringBuilder out) {
        String ns = e.namespace();
        if (!streamNamespace.isEmpty() && ns.equals(Stanza.CLIENT_NAMESPACE)) {
            ns = streamNamespace;
        }
        String local = checkName(e.localName());
        out.append('<');
        StringBuilder declarations = new StringBuilder();
        String childDefault = defaultNamespace;
        Map<String, String> scope = prefixes;
        String qname;
        if (ns.equals(XmppNamespaces.STREAMS)) {
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
                out.append(" xmlns:").append(prefix).append("='").append(escapeAttribute(ans)).append('\'');
            }
            writeAttribute(a, scope, out);
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

    /**
     * Writes {@code name='value'} with a leading space; a namespaced attribute uses the prefix
     * {@code prefixes} maps its namespace to ({@code xml} for {@code xml:lang}).
     *
     * @param a the attribute
     * @param prefixes namespace URI to prefix, for the namespaces in scope
     * @param out where to write
     * @throws IllegalArgumentException if the attribute's namespace has no prefix in {@code prefixes},
     *     or its name is not a valid XML name
     */
    public static void writeAttribute(Attribute a, Map<String, String> prefixes, StringBuilder out) {
        String ans = a.name().namespace();
        out.append(' ');
        if (!ans.isEmpty()) {
            String prefix = prefixes.get(ans);
            if (prefix == null) {
                throw new IllegalArgumentException("undeclared attribute namespace " + ans);
            }
            out.append(prefix).append(':');
        }
        out.append(checkName(a.name().localName())).append("='");
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

    /**
     * Escapes for a {@code '}-delimited attribute value.
     *
     * @param value the unescaped value
     * @return the value with markup characters, quotes, tab, LF and CR as references and characters not
     *     allowed in XML replaced by U+FFFD
     */
    public static String escapeAttribute(String value) {
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

    /**
     * Returns {@code n} if it is a valid XML local name or prefix, so that code can never inject
     * markup through a name.
     *
     * @param n the name to check
     * @return {@code n}
     * @throws IllegalArgumentException if it is not
     */
    public static String checkName(String n) {
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
