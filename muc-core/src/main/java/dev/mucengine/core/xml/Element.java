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

    Element(XmlName name, List<Attribute> attributes, List<Node> children) {
        this.name = name;
        this.attributes = attributes;
        this.children = children;
    }

    /**
     * Starts an element {@code {namespace}localName}.
     *
     * @param namespace the element's namespace URI
     * @param localName the element's local name
     * @return a builder with no attributes and no children
     */
    public static ElementBuilder builder(String namespace, String localName) {
        return new ElementBuilder(new XmlName(namespace, localName));
    }

    /**
     * Starts an element with this qualified name.
     *
     * @param name the element's name
     * @return a builder with no attributes and no children
     */
    public static ElementBuilder builder(XmlName name) {
        return new ElementBuilder(name);
    }

    /**
     * An element with no attributes and no children.
     *
     * @param namespace the element's namespace URI
     * @param localName the element's local name
     * @return the element
     */
    public static Element empty(String namespace, String localName) {
        return new Element(new XmlName(namespace, localName), List.of(), List.of());
    }

    /**
     * The element's qualified name.
     *
     * @return the name
     */
    public XmlName name() {
        return name;
    }

    /**
     * The element's namespace URI.
     *
     * @return the namespace; {@code ""} for none
     */
    public String namespace() {
        return name.namespace();
    }

    /**
     * The element's local name.
     *
     * @return the local name
     */
    public String localName() {
        return name.localName();
    }

    /**
     * True if this element has the given namespace and local name.
     *
     * @param namespace the namespace URI
     * @param localName the local name
     * @return whether both match
     */
    public boolean is(String namespace, String localName) {
        return name.namespace().equals(namespace) && name.localName().equals(localName);
    }

    /**
     * The attributes, in document order.
     *
     * @return an unmodifiable list
     */
    public List<Attribute> attributes() {
        return attributes;
    }

    /**
     * The value of the un-namespaced attribute {@code localName}, if present.
     *
     * @param localName the attribute's name
     * @return the unescaped value, or empty
     */
    public Optional<String> attribute(String localName) {
        return attribute(XmlName.local(localName));
    }

    /**
     * The value of the attribute with this qualified name ({@link XmlName#xmlLang()}...), if present.
     *
     * @param attributeName the attribute's qualified name
     * @return the unescaped value, or empty
     */
    public Optional<String> attribute(XmlName attributeName) {
        for (Attribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return Optional.of(a.value());
            }
        }
        return Optional.empty();
    }

    /**
     * All children, elements and text, in document order.
     *
     * @return an unmodifiable list
     */
    public List<Node> children() {
        return children;
    }

    /**
     * The child elements only, in document order.
     *
     * @return a new list of the child elements
     */
    public List<Element> elements() {
        List<Element> result = new ArrayList<>(children.size());
        for (Node n : children) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * The first child element with this name.
     *
     * @param namespace the child's namespace URI
     * @param localName the child's local name
     * @return the child, or empty
     */
    public Optional<Element> child(String namespace, String localName) {
        for (Node n : children) {
            if (n instanceof Element e && e.is(namespace, localName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * The first child element with this local name in this element's own namespace.
     *
     * @param localName the child's local name
     * @return the child, or empty
     */
    public Optional<Element> child(String localName) {
        return child(name.namespace(), localName);
    }

    /**
     * Every child element with this name, in document order.
     *
     * @param namespace the children's namespace URI
     * @param localName the children's local name
     * @return a new list, possibly empty
     */
    public List<Element> children(String namespace, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node n : children) {
            if (n instanceof Element e && e.is(namespace, localName)) {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * The concatenated direct text children (not descendants). Empty if there are none.
     *
     * @return the text
     */
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

    /**
     * The text of the first child element with this name, if that child exists.
     *
     * @param namespace the child's namespace URI
     * @param localName the child's local name
     * @return the child's {@link #text()}, or empty if there is no such child
     */
    public Optional<String> childText(String namespace, String localName) {
        return child(namespace, localName).map(Element::text);
    }

    /**
     * This element with the un-namespaced attribute set (replaced in place, or appended).
     *
     * @param localName the attribute's name
     * @param value its unescaped value
     * @return the new element, sharing this one's children
     */
    public Element withAttribute(String localName, String value) {
        return withAttribute(XmlName.local(localName), value);
    }

    /**
     * This element with the attribute set (replaced in place, or appended).
     *
     * @param attributeName the attribute's qualified name
     * @param value its unescaped value
     * @return the new element, sharing this one's children
     */
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

    /**
     * This element without the un-namespaced attribute {@code localName}.
     *
     * @param localName the attribute's name
     * @return the new element, or this one if it has no such attribute
     */
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

    /**
     * This element with its children replaced; attributes are shared. Adjacent texts are merged
     * and empty ones dropped, as XML itself would read them back, so the model stays normalized.
     *
     * @param newChildren the children, in order (copied)
     * @return the new element
     */
    public Element withChildren(List<? extends Node> newChildren) {
        List<Node> normalized = new ArrayList<>(newChildren.size());
        for (Node n : newChildren) {
            appendNormalized(normalized, Objects.requireNonNull(n, "child"));
        }
        return new Element(name, attributes, List.copyOf(normalized));
    }

    /** Appends {@code node}, merging a text into a text before it and dropping empty text. */
    static void appendNormalized(List<Node> children, Node node) {
        if (node instanceof Text t) {
            if (t.value().isEmpty()) {
                return;
            }
            int last = children.size() - 1;
            if (last >= 0 && children.get(last) instanceof Text before) {
                children.set(last, new Text(before.value() + t.value()));
                return;
            }
        }
        children.add(node);
    }

    /**
     * A builder pre-filled with this element's name, attributes and children.
     *
     * @return a new builder
     */
    public ElementBuilder toBuilder() {
        return new ElementBuilder(name, attributes, children);
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
}
