package dev.mucengine.core.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable XML element: qualified name, attributes in document order and children (elements
 * and text, in order).
 *
 * <p>Instances are deeply immutable, so they are shared, never copied: the {@code with...}
 * methods return a new element that reuses this element's child list. Re-addressing a stanza for
 * each of N recipients therefore costs O(attributes) per recipient, not O(payload).
 *
 * <p>Equality is structural (name, attributes in order, children in order, text exact).
 */
public final class Element implements Node {

    private final XmlName name;
    private final List<Attribute> attributes;
    private final List<Node> children;
    private int hash;

    private Element(XmlName name, List<Attribute> attributes, List<Node> children) {
        this.name = name;
        this.attributes = attributes;
        this.children = children;
    }

    /** Starts an element {@code {namespace}localName}. */
    public static Builder builder(String namespace, String localName) {
        return new Builder(new XmlName(namespace, localName));
    }

    public static Builder builder(XmlName name) {
        return new Builder(name);
    }

    /** An element with no attributes and no children. */
    public static Element empty(String namespace, String localName) {
        return new Element(new XmlName(namespace, localName), List.of(), List.of());
    }

    public XmlName name() {
        return name;
    }

    public String namespace() {
        return name.namespace();
    }

    public String localName() {
        return name.localName();
    }

    /** True if this element has the given namespace and local name. */
    public boolean is(String namespace, String localName) {
        return name.namespace().equals(namespace) && name.localName().equals(localName);
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    /** The value of the un-namespaced attribute {@code localName}, if present. */
    public Optional<String> attribute(String localName) {
        return attribute(XmlName.local(localName));
    }

    public Optional<String> attribute(XmlName attributeName) {
        for (Attribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return Optional.of(a.value());
            }
        }
        return Optional.empty();
    }

    /** All children, elements and text, in document order. */
    public List<Node> children() {
        return children;
    }

    /** The child elements only, in document order. */
    public List<Element> elements() {
        List<Element> result = new ArrayList<>(children.size());
        for (Node n : children) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    /** The first child element with this name. */
    public Optional<Element> child(String namespace, String localName) {
        for (Node n : children) {
            if (n instanceof Element e && e.is(namespace, localName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The first child element with this local name in this element's own namespace. */
    public Optional<Element> child(String localName) {
        return child(name.namespace(), localName);
    }

    /** Every child element with this name, in document order. */
    public List<Element> children(String namespace, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n : children) {
            if (n instanceof Element e && e.is(namespace, localName)) {
                result.add(e);
            }
        }
        return result;
    }

    /** The concatenated direct text children (not descendants). Empty if there are none. */
    public String text() {
        if (children.size() == 1 && children.get(0) instanceof Text t) {
            return t.value();
        }
        StringBuilder sb = new StringBuilder();
        for (Node n : children) {
            if (n instanceof Text t) {
                sb.append(t.value());
            }
        }
        return sb.toString();
    }

    /** The text of the first child element with this name, if that child exists. */
    public Optional<String> childText(String namespace, String localName) {
        return child(namespace, localName).map(Element::text);
    }

    /** This element with the un-namespaced attribute set (replaced in place, or appended). */
    public Element withAttribute(String localName, String value) {
        return withAttribute(XmlName.local(localName), value);
    }

    public Element withAttribute(XmlName attributeName, String value) {
        List<Attribute> copy = new ArrayList<>(attributes.size() + 1);
        boolean replaced = false;
        for (Attribute a : attributes) {
            if (a.name().equals(attributeName)) {
                copy.add(new Attribute(attributeName, value));
                replaced = true;
            } else {
                copy.add(a);
            }
        }
        if (!replaced) {
            copy.add(new Attribute(attributeName, value));
        }
        return new Element(name, Collections.unmodifiableList(copy), children);
    }

    /** This element without the un-namespaced attribute {@code localName}. */
    public Element withoutAttribute(String localName) {
        XmlName attributeName = XmlName.local(localName);
        if (attribute(attributeName).isEmpty()) {
            return this;
        }
        List<Attribute> copy = new ArrayList<>(attributes.size());
        for (Attribute a : attributes) {
            if (!a.name().equals(attributeName)) {
                copy.add(a);
            }
        }
        return new Element(name, Collections.unmodifiableList(copy), children);
    }

    /** This element with its children replaced; attributes are shared. */
    public Element withChildren(List<? extends Node> newChildren) {
        return new Element(name, attributes, List.copyOf(newChildren));
    }

    /** A builder pre-filled with this element's name, attributes and children. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.attributes.addAll(attributes);
        b.children.addAll(children);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Element other)) {
            return false;
        }
        if (hash != 0 && other.hash != 0 && hash != other.hash) {
            return false;
        }
        return name.equals(other.name)
                && attributes.equals(other.attributes)
                && children.equals(other.children);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(name, attributes, children);
            if (h == 0) {
                h = 1;
            }
            hash = h;
        }
        return h;
    }

    /**
     * The element as {@link XmlWriter} writes it standalone, for diagnostics and tests. The wire
     * format is the transport's (muc-xml writes stanzas in their stream's namespace).
     */
    @Override
    public String toString() {
        return XmlWriter.write(this);
    }

    /** Mutable builder; {@link #build()} freezes a snapshot, so a builder may be reused. */
    public static final class Builder {
        private final XmlName name;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<Node> children = new ArrayList<>();

        private Builder(XmlName name) {
            this.name = name;
        }

        /** Sets an un-namespaced attribute (replacing an earlier value, keeping its position). */
        public Builder attribute(String localName, String value) {
            return attribute(XmlName.local(localName), value);
        }

        public Builder attribute(XmlName attributeName, String value) {
            Attribute attr = new Attribute(attributeName, value);
            for (int i = 0; i < attributes.size(); i++) {
                if (attributes.get(i).name().equals(attributeName)) {
                    attributes.set(i, attr);
                    return this;
                }
            }
            attributes.add(attr);
            return this;
        }

        /** Removes an un-namespaced attribute if present. */
        public Builder removeAttribute(String localName) {
            XmlName n = XmlName.local(localName);
            attributes.removeIf(a -> a.name().equals(n));
            return this;
        }

        public Builder child(Node node) {
            children.add(Objects.requireNonNull(node, "node"));
            return this;
        }

        public Builder children(List<? extends Node> nodes) {
            for (Node n : nodes) {
                child(n);
            }
            return this;
        }

        /** Appends text; adjacent text runs are merged so the model stays normalized. */
        public Builder text(String text) {
            if (text.isEmpty()) {
                return this;
            }
            int last = children.size() - 1;
            if (last >= 0 && children.get(last) instanceof Text t) {
                children.set(last, new Text(t.value() + text));
            } else {
                children.add(new Text(text));
            }
            return this;
        }

        /** Appends a child {@code <localName>text</localName>} in the given namespace. */
        public Builder textChild(String namespace, String localName, String text) {
            return child(Element.builder(namespace, localName).text(text).build());
        }

        public Element build() {
            return new Element(name, List.copyOf(attributes), List.copyOf(children));
        }
    }
}
