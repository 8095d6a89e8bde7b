package dev.mucengine.core.form;

import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A XEP-0004 data form ({@code <x xmlns='jabber:x:data'/>}).
 *
 * @param type form, submit, cancel or result (the wire value)
 * @param title the form's title, if any
 * @param instructions the instructions, one per {@code <instructions/>} element
 * @param fields the fields, in order
 */
public record DataForm(String type, Optional<String> title, List<String> instructions, List<FormField> fields) {

    /**
     * Copies the lists.
     *
     * @param type the form's type
     * @param title the title, if any
     * @param instructions the instructions
     * @param fields the fields
     * @throws NullPointerException if a list, or an element of one, is null
     */
    public DataForm {
        instructions = List.copyOf(instructions);
        fields = List.copyOf(fields);
    }

    /**
     * A form of the given type with these fields, without title or instructions.
     *
     * @param type form, submit, cancel or result
     * @param fields the fields, in order
     * @return the form
     */
    public static DataForm of(String type, List<FormField> fields) {
        return new DataForm(type, Optional.empty(), List.of(), fields);
    }

    /**
     * This form with a title.
     *
     * @param newTitle the title
     * @return a copy with {@code newTitle}
     */
    public DataForm withTitle(String newTitle) {
        return new DataForm(type, Optional.of(newTitle), instructions, fields);
    }

    /**
     * This form with one more instruction, after the existing ones.
     *
     * @param text the instruction
     * @return a copy with {@code text} added
     */
    public DataForm withInstructions(String text) {
        List<String> all = new ArrayList<>(instructions);
        all.add(text);
        return new DataForm(type, title, all, fields);
    }

    /**
     * The value of the hidden FORM_TYPE field, if present.
     *
     * @return the form's FORM_TYPE, e.g. {@code http://jabber.org/protocol/muc#roomconfig}, or empty
     */
    public Optional<String> formType() {
        return field("FORM_TYPE").flatMap(FormField::value);
    }

    /**
     * The first field with this {@code var}.
     *
     * @param var the field's {@code var}
     * @return the field, or empty
     */
    public Optional<FormField> field(String var) {
        for (FormField f : fields) {
            if (f.var().equals(var)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The values of a field, empty if the field is absent.
     *
     * @param var the field's {@code var}
     * @return the values of the first field with that {@code var}
     */
    public List<String> values(String var) {
        return field(var).map(FormField::values).orElse(List.of());
    }

    /**
     * The form as XML: title, instructions, then fields.
     *
     * @return the {@code <x xmlns='jabber:x:data'/>} element
     */
    public Element toElement() {
        ElementBuilder b = Element.builder(XmppNamespaces.DATA, "x").attribute("type", type);
        title.ifPresent(t -> b.textChild(XmppNamespaces.DATA, "title", t));
        for (String i : instructions) {
            b.textChild(XmppNamespaces.DATA, "instructions", i);
        }
        for (FormField f : fields) {
            b.child(f.toElement());
        }
        return b.build();
    }

    /**
     * Reads a form; fields without {@code var} are skipped (they cannot be addressed).
     *
     * @param x a {@code <x xmlns='jabber:x:data'/>} element
     * @return the form; its type is {@code form} if the element has none
     */
    public static DataForm fromElement(Element x) {
        List<FormField> fields = new ArrayList<>();
        for (Element f : x.children(XmppNamespaces.DATA, "field")) {
            FormField.fromElement(f).ifPresent(fields::add);
        }
        List<String> instructions = new ArrayList<>();
        for (Element i : x.children(XmppNamespaces.DATA, "instructions")) {
            instructions.add(i.text());
        }
        return new DataForm(x.attribute("type").orElse("form"), x.childText(XmppNamespaces.DATA, "title"),
                instructions, fields);
    }

    /**
     * Parses a XEP-0004 boolean ("1"/"true"/"0"/"false", surrounding white space ignored); anything
     * else is empty.
     *
     * @param value a field value
     * @return the boolean, or empty if {@code value} is not one
     */
    public static Optional<Boolean> parseBoolean(String value) {
        return switch (value.trim()) {
            case "1", "true" -> Optional.of(true);
            case "0", "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
