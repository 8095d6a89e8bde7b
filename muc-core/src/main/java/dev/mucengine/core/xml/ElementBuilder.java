package dev.mucengine.core.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link Element}: mutable; {@link #build()} freezes a snapshot, so a builder may be
 * reused. Made by {@link Element#builder} and {@link Element#toBuilder()}.
 */
public final class ElementBuilder {
    private final XmlName name;
    private final List<Attribute> attributes;
    private final List<Node> children;

    ElementBuilder(XmlName name) {
        this(name, List.of(), List.of());
    }

    /** Pre-filled with these attributes and children, which are normalized already. */
    ElementBuilder(XmlName name, List<Attribute> attributes, List<Node> children) {
        this.name = name;
        this.attributes = new ArrayList<>(attributes);
        this.children = new ArrayList<>(children);
    }

    /**
     * Sets an un-namespaced attribute (replacing an earlier value, keeping its position).
     *
     * @param localName the attribute's name
     * @param value its unescaped value
     * @return this builder
     */
    public ElementBuilder attribute(String localName, String value) {
        return attribute(XmlName.local(localName), value);
    }

    /**
     * Sets an attribute by qualified name ({@code xml:lang}...), replacing an earlier value and keeping
     * its position.
     *
     * @param attributeName the attribute's qualified name
     * @param value its unescaped value
     * @return this builder
     */
    public ElementBuilder attribute(XmlName attributeName, String value) {
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

    /**
     * Removes an un-namespaced attribute if present.
     *
     * @param localName the attribute's name
     * @return this builder
     */
    public ElementBuilder removeAttribute(String localName) {
        XmlName n = XmlName.local(localName);
        attributes.removeIf(a -> a.name().equals(n));
        return this;
    }

    /**
     * Appends a child. Text is merged with a preceding text child (and empty text dropped), so
     * the model stays normalized.
     *
     * @param node an element or text
     * @return this builder
     * @throws NullPointerException if {@code node} is null
     */
    public ElementBuilder child(Node node) {
        Element.appendNormalized(children, Objects.requireNonNull(node, "node"));
        return this;
    }

    /**
     * Appends children, in order, as {@link #child(Node)} does.
     *
     * @param nodes elements or texts
     * @return this builder
     */
    public ElementBuilder children(List<? extends Node> nodes) {
        for (Node n : nodes) {
            child(n);
        }
        return this;
    }

    /**
     * Appends text; adjacent text runs are merged so the model stays normalized.
     *
     * @param text the unescaped text; empty appends nothing
     * @return this builder
     */
    public ElementBuilder text(String text) {
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

    /**
     * Appends a child {@code <localName>text</localName>} in the given namespace.
     *
     * @param namespace the child's namespace URI
     * @param localName the child's local name
     * @param text its text; empty gives an empty element
     * @return this builder
     */
    public ElementBuilder textChild(String namespace, String localName, String text) {
        return child(Element.builder(namespace, localName).text(text).build());
    }

    /**
     * The element as built so far.
     *
     * @return a new element
     */
    public Element build() {
        return new Element(name, List.copyOf(attributes), List.copyOf(children));
    }
}
