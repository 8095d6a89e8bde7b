package dev.mucengine.testkit.script;

import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.Node;
import dev.mucengine.core.xml.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stanza of a {@code sends:} or {@code receives:} step, parsed once when the script is read.
 * Variables stay in attribute values and text as written and are expanded per run, because a
 * client's full JID is only known once it has connected.
 *
 * @param element the parsed stanza; indentation-only text has been removed
 * @param source the XML as written in the script (dedented), for reports
 * @param variables the variables the stanza uses
 */
public record StanzaTemplate(Element element, String source, Set<Variable> variables) {

    static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern REFERENCE = Pattern.compile("(.+)'s (full JID|JID)");

    /**
     * Checks the template and copies the variables.
     *
     * @param element the parsed stanza
     * @param source the XML as written
     * @param variables the variables the stanza uses
     * @throws NullPointerException if an argument, or a variable, is null
     */
    public StanzaTemplate {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(source, "source");
        variables = Set.copyOf(variables);
    }

    /**
     * The stanza with every variable replaced by {@code values}.
     *
     * @param values the value of each variable, e.g. a client's full JID
     * @return the stanza, with the variables' values in attribute values and text
     */
    public Element expand(Function<Variable, String> values) {
        return expand(element, values);
    }

    /** Reads {@code Name's full JID} / {@code Name's JID}; empty text for anything else. */
    static java.util.Optional<Variable> parseReference(String inside) {
        Matcher m = REFERENCE.matcher(inside);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Variable(m.group(1), m.group(2).equals("full JID")));
    }

    private static Element expand(Element e, Function<Variable, String> values) {
        ElementBuilder b = Element.builder(e.name());
        for (Attribute a : e.attributes()) {
            b.attribute(a.name(), substitute(a.value(), values));
        }
        for (Node n : e.children()) {
            if (n instanceof Element child) {
                b.child(expand(child, values));
            } else if (n instanceof Text t) {
                b.text(substitute(t.value(), values));
            }
        }
        return b.build();
    }

    private static String substitute(String value, Function<Variable, String> values) {
        if (!value.contains("${")) {
            return value;
        }
        Matcher m = VARIABLE.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            // The parser has validated every reference, so this never yields empty.
            Variable v = parseReference(m.group(1)).orElseThrow();
            m.appendReplacement(sb, Matcher.quoteReplacement(values.apply(v)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Removes whitespace-only text that contains a line break: that is the script's indentation,
     * not content. {@code <body> </body>} keeps its space.
     */
    static Element withoutIndentation(Element e) {
        List<Node> kept = new ArrayList<>(e.children().size());
        boolean changed = false;
        for (Node n : e.children()) {
            if (n instanceof Text t && t.isWhitespace()
                    && (t.value().indexOf('\n') >= 0 || t.value().indexOf('\r') >= 0)) {
                changed = true;
            } else if (n instanceof Element child) {
                Element stripped = withoutIndentation(child);
                changed |= stripped != child;
                kept.add(stripped);
            } else {
                kept.add(n);
            }
        }
        return changed ? e.withChildren(kept) : e;
    }
}
