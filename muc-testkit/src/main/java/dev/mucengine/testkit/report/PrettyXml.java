package dev.mucengine.testkit.report;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import dev.mucengine.core.xml.Text;
import dev.mucengine.core.xml.XmlName;
import dev.mucengine.testkit.script.ScansionNamespace;

/**
 * Indented XML for reports and transcripts, written the way scripts are: {@code jabber:client}
 * implied, {@code xmlns} only where the namespace changes. For reading, not for the wire.
 */
public final class PrettyXml {

    private static final String INDENT = "  ";

    private PrettyXml() {
    }

    /** The element, indented by {@code margin} on every line. */
    public static String render(Element element, String margin) {
        StringBuilder sb = new StringBuilder();
        render(element, Stanza.CLIENT_NAMESPACE, margin, sb);
        return sb.toString().stripTrailing();
    }

    private static void render(Element e, String parentNamespace, String margin, StringBuilder sb) {
        sb.append(margin).append('<').append(e.localName());
        if (!e.namespace().equals(parentNamespace)) {
            sb.append(" xmlns='").append(escape(e.namespace())).append('\'');
        }
        for (Attribute a : e.attributes()) {
            sb.append(' ').append(attributeName(a.name())).append("='").append(escape(a.value())).append('\'');
        }
        boolean hasElements = false;
        boolean hasText = false;
        for (Node n : e.children()) {
            hasElements |= n instanceof Element;
            hasText |= n instanceof Text t && !t.isWhitespace();
        }
        if (!hasElements && !hasText) {
            sb.append("/>\n");
            return;
        }
        if (!hasElements) {
            sb.append('>').append(escape(e.text())).append("</").append(e.localName()).append(">\n");
            return;
        }
        sb.append(">\n");
        for (Node n : e.children()) {
            if (n instanceof Element child) {
                render(child, e.namespace(), margin + INDENT, sb);
            } else if (n instanceof Text t && !t.isWhitespace()) {
                sb.append(margin).append(INDENT).append(escape(t.value().strip())).append('\n');
            }
        }
        sb.append(margin).append("</").append(e.localName()).append(">\n");
    }

    private static String attributeName(XmlName name) {
        if (name.namespace().isEmpty()) {
            return name.localName();
        } else if (name.namespace().equals(XmlName.XML_NAMESPACE)) {
            return "xml:" + name.localName();
        } else if (name.namespace().equals(ScansionNamespace.NAMESPACE)) {
            return "scansion:" + name.localName();
        }
        return "{" + name.namespace() + "}" + name.localName();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\n", "&#10;");
    }
}
