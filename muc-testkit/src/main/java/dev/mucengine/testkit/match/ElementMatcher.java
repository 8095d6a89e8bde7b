package dev.mucengine.testkit.match;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import dev.mucengine.core.xml.Text;
import dev.mucengine.core.xml.XmlName;
import dev.mucengine.testkit.script.ScansionNamespace;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Scansion's matching rules (see "Matching" in docs/testkit.md):
 *
 * <ul>
 *   <li>Elements in {@code jabber:client} match leniently: expected attributes must be present
 *       with equal values, each expected child must match a distinct actual child (in any
 *       order); extra attributes and children are ignored.
 *   <li>Elements in any other namespace match strictly: attributes equal both ways, the same
 *       child elements in the same order, nothing extra.
 *   <li>{@code scansion:strict="true|false"} on an expected element sets the mode for it and its
 *       descendants; the attribute itself is not compared.
 *   <li>The attribute value {@code {scansion:any}} only requires the attribute to exist.
 *   <li>Text that is only white space is insignificant. Other text is compared exactly (no
 *       trimming: a body's spaces are part of the message); lenient elements compare it only
 *       when the expected element has some, strict ones always.
 * </ul>
 *
 * <p>Stateless; the single instance is {@link #INSTANCE}.
 */
public final class ElementMatcher {

    /** The matcher; it keeps no state, so it may be shared. */
    public static final ElementMatcher INSTANCE = new ElementMatcher();

    private static final XmlName STRICT = new XmlName(ScansionNamespace.NAMESPACE, ScansionNamespace.STRICT);

    private ElementMatcher() {
    }

    /**
     * Empty if {@code actual} satisfies {@code expected}, else the first difference found.
     *
     * @param expected the stanza a script expects, variables expanded
     * @param actual the stanza the engine sent
     * @return empty on a match, else where and how they differ
     */
    public Optional<Mismatch> match(Element expected, Element actual) {
        return match(expected, actual, Optional.empty(), "");
    }

    private Optional<Mismatch> match(Element expected, Element actual, Optional<Boolean> inherited, String parent) {
        String path = parent + "/" + expected.localName();
        if (!expected.name().equals(actual.name())) {
            return mismatch(path, "expected " + describe(expected.name()) + ", found " + describe(actual.name()));
        }
        Optional<Boolean> override = expected.attribute(STRICT).map(v -> !v.trim().equals("false")).or(() -> inherited);
        boolean strict = override.orElse(!expected.namespace().equals(Stanza.CLIENT_NAMESPACE));
        Optional<Mismatch> found = attributes(expected, actual, strict, path);
        if (found.isEmpty()) {
            found = text(expected, actual, strict, path);
        }
        if (found.isEmpty()) {
            found = strict
                    ? childrenInOrder(expected.elements(), actual.elements(), override, path)
                    : childrenAnyOrder(expected.elements(), actual.elements(), override, path);
        }
        return found;
    }

    private Optional<Mismatch> attributes(Element expected, Element actual, boolean strict, String path) {
        for (Attribute a : expected.attributes()) {
            if (a.name().namespace().equals(ScansionNamespace.NAMESPACE)) {
                continue;
            }
            Optional<String> value = actual.attribute(a.name());
            if (value.isEmpty()) {
                return mismatch(path, "missing attribute " + a.name() + "='" + a.value() + "'");
            }
            if (!a.value().equals(ScansionNamespace.ANY) && !a.value().equals(value.get())) {
                return mismatch(path, "attribute " + a.name() + " is '" + value.get() + "', expected '"
                        + a.value() + "'");
            }
        }
        if (strict) {
            for (Attribute a : actual.attributes()) {
                if (expected.attribute(a.name()).isEmpty()) {
                    return mismatch(path, "unexpected attribute " + a.name() + "='" + a.value()
                            + "' (strict match)");
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Mismatch> text(Element expected, Element actual, boolean strict, String path) {
        String want = significantText(expected);
        if (want.isEmpty() && !strict) {
            return Optional.empty();
        }
        String got = significantText(actual);
        if (!want.equals(got)) {
            return mismatch(path, "text is '" + got + "', expected '" + want + "'");
        }
        return Optional.empty();
    }

    private static String significantText(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n : e.children()) {
            if (n instanceof Text t) {
                sb.append(t.value());
            }
        }
        String text = sb.toString();
        return new Text(text).isWhitespace() ? "" : text;
    }

    private Optional<Mismatch> childrenInOrder(List<Element> expected, List<Element> actual,
            Optional<Boolean> override, String path) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            Optional<Mismatch> m = match(expected.get(i), actual.get(i), override, path);
            if (m.isPresent()) {
                return m;
            }
        }
        if (expected.size() > actual.size()) {
            return mismatch(path, "missing child " + describe(expected.get(actual.size()).name())
                    + " (strict match: " + expected.size() + " children expected, " + actual.size() + " found)");
        }
        if (actual.size() > expected.size()) {
            return mismatch(path, "unexpected child " + describe(actual.get(expected.size()).name())
                    + " (strict match: " + expected.size() + " children expected, " + actual.size() + " found)");
        }
        return Optional.empty();
    }

    /** Each expected child needs its own actual child: a bipartite matching (Kuhn's algorithm). */
    private Optional<Mismatch> childrenAnyOrder(List<Element> expected, List<Element> actual,
            Optional<Boolean> override, String path) {
        boolean[][] fits = new boolean[expected.size()][actual.size()];
        for (int i = 0; i < expected.size(); i++) {
            boolean any = false;
            Optional<Mismatch> closest = Optional.empty();
            for (int j = 0; j < actual.size(); j++) {
                Optional<Mismatch> m = match(expected.get(i), actual.get(j), override, path);
                fits[i][j] = m.isEmpty();
                any |= fits[i][j];
                if (closest.isEmpty() && m.isPresent() && expected.get(i).name().equals(actual.get(j).name())) {
                    closest = m;
                }
            }
            if (!any) {
                return closest.isPresent()
                        ? mismatch(closest.get().path(), closest.get().reason()
                                + " (no " + describe(expected.get(i).name()) + " child matches)")
                        : mismatch(path, "missing child " + describe(expected.get(i).name()));
            }
        }
        int[] owner = new int[actual.size()];
        Arrays.fill(owner, -1);
        for (int i = 0; i < expected.size(); i++) {
            if (!assign(i, fits, owner, new boolean[actual.size()])) {
                return mismatch(path, "expected " + expected.size() + " children that each match a different "
                        + "element, but " + describe(expected.get(i).name()) + " has no distinct match left");
            }
        }
        return Optional.empty();
    }

    private static boolean assign(int i, boolean[][] fits, int[] owner, boolean[] seen) {
        for (int j = 0; j < owner.length; j++) {
            if (fits[i][j] && !seen[j]) {
                seen[j] = true;
                if (owner[j] < 0 || assign(owner[j], fits, owner, seen)) {
                    owner[j] = i;
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(XmlName name) {
        return "<" + name.localName() + (name.namespace().equals(Stanza.CLIENT_NAMESPACE)
                ? "" : " xmlns='" + name.namespace() + "'") + "/>";
    }

    private static Optional<Mismatch> mismatch(String path, String reason) {
        return Optional.of(new Mismatch(path, reason));
    }
}
