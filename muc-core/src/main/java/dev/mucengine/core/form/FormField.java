package dev.mucengine.core.form;

import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One field of a data form. Submitted forms often omit the type, hence {@code Optional}.
 *
 * @param var the field's name, which the form's reader addresses it by
 * @param type the field type, if given
 * @param label the label shown to the user, if any
 * @param description a longer description ({@code <desc/>}), if any
 * @param required whether the field must be filled in ({@code <required/>})
 * @param values the values, in order
 * @param options list options as (label, value) pairs
 */
public record FormField(
        String var,
        Optional<FieldType> type,
        Optional<String> label,
        Optional<String> description,
        boolean required,
        List<String> values,
        List<Option> options) {

    /**
     * A list option.
     *
     * @param label the text shown for it, if any
     * @param value the value submitted when it is chosen
     */
    public record Option(Optional<String> label, String value) {
    }

    /**
     * Copies the lists.
     *
     * @param var the field's name
     * @param type the field type, if given
     * @param label the label, if any
     * @param description the description, if any
     * @param required whether the field must be filled in
     * @param values the values
     * @param options the list options
     * @throws NullPointerException if a list, or an element of one, is null
     */
    public FormField {
        values = List.copyOf(values);
        options = List.copyOf(options);
    }

    /**
     * A field with a type, label and values; no options, not required.
     *
     * @param var the field's name
     * @param type the field type
     * @param label the label; empty for none
     * @param values the values
     * @return the field
     */
    public static FormField of(String var, FieldType type, String label, List<String> values) {
        return new FormField(var, Optional.of(type), label.isEmpty() ? Optional.empty() : Optional.of(label),
                Optional.empty(), false, values, List.of());
    }

    /**
     * The hidden FORM_TYPE field.
     *
     * @param namespace the form's FORM_TYPE, e.g. {@code http://jabber.org/protocol/muc#roomconfig}
     * @return the field
     */
    public static FormField formType(String namespace) {
        return new FormField("FORM_TYPE", Optional.of(FieldType.HIDDEN), Optional.empty(), Optional.empty(),
                false, List.of(namespace), List.of());
    }

    /**
     * This field with other list options.
     *
     * @param newOptions the options, replacing the current ones
     * @return a copy with {@code newOptions}
     */
    public FormField withOptions(List<Option> newOptions) {
        return new FormField(var, type, label, description, required, values, newOptions);
    }

    /**
     * This field, required.
     *
     * @return a copy that must be filled in
     */
    public FormField asRequired() {
        return new FormField(var, type, label, description, true, values, options);
    }

    /**
     * The first value, if any.
     *
     * @return the first value, or empty
     */
    public Optional<String> value() {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    Element toElement() {
        ElementBuilder b = Element.builder(XmppNamespaces.DATA, "field");
        type.ifPresent(t -> b.attribute("type", t.wireName()));
        label.ifPresent(l -> b.attribute("label", l));
        b.attribute("var", var);
        description.ifPresent(d -> b.textChild(XmppNamespaces.DATA, "desc", d));
        if (required) {
            b.child(Element.empty(XmppNamespaces.DATA, "required"));
        }
        for (String v : values) {
            b.textChild(XmppNamespaces.DATA, "value", v);
        }
        for (Option o : options) {
            ElementBuilder ob = Element.builder(XmppNamespaces.DATA, "option");
            o.label().ifPresent(l -> ob.attribute("label", l));
            ob.textChild(XmppNamespaces.DATA, "value", o.value());
            b.child(ob.build());
        }
        return b.build();
    }

    static Optional<FormField> fromElement(Element field) {
        Optional<String> var = field.attribute("var");
        if (var.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (Element v : field.children(XmppNamespaces.DATA, "value")) {
            values.add(v.text());
        }
        List<Option> options = new ArrayList<>();
        for (Element o : field.children(XmppNamespaces.DATA, "option")) {
            o.childText(XmppNamespaces.DATA, "value").ifPresent(v -> options.add(new Option(o.attribute("label"), v)));
        }
        return Optional.of(new FormField(var.get(), field.attribute("type").flatMap(FieldType::fromWire),
                field.attribute("label"), field.childText(XmppNamespaces.DATA, "desc"),
                field.child(XmppNamespaces.DATA, "required").isPresent(), values, options));
    }
}
