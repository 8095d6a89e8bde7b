package dev.mucengine.core.stanza;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.Objects;
import java.util.Optional;

/**
 * A stanza error as a value (RFC 6120 §8.3): type, defined condition, optional human-readable
 * text, optional {@code by} and an optional application-specific condition element.
 *
 * @param type the error type, which tells the sender whether and how to retry
 * @param condition the defined condition
 * @param text the human-readable text ({@code <text/>})
 * @param by the entity that produced the error; rooms set their own JID
 * @param conditionText the character data some conditions carry ({@code gone} and {@code redirect}
 *     carry a URI)
 * @param applicationCondition an application-specific condition element
 */
public record StanzaError(
        ErrorType type,
        Condition condition,
        Optional<String> text,
        Optional<String> by,
        Optional<String> conditionText,
        Optional<Element> applicationCondition) {

    /**
     * Checks the error.
     *
     * @param type the error type
     * @param condition the defined condition
     * @param text the text, if any
     * @param by the producing entity, if given
     * @param conditionText the condition's character data, if any
     * @param applicationCondition the application-specific condition, if any
     * @throws NullPointerException if an argument is null
     */
    public StanzaError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(conditionText, "conditionText");
        Objects.requireNonNull(applicationCondition, "applicationCondition");
    }

    /**
     * The condition with its usual type.
     *
     * @param condition the defined condition
     * @return the error, with no text, {@code by} or other extras
     */
    public static StanzaError of(Condition condition) {
        return new StanzaError(condition.defaultType(), condition, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * The condition with another type than its usual one.
     *
     * @param type the error type
     * @param condition the defined condition
     * @return the error, with no text, {@code by} or other extras
     */
    public static StanzaError of(ErrorType type, Condition condition) {
        return of(condition).withType(type);
    }

    /**
     * This error with another type.
     *
     * @param newType the type
     * @return a copy with {@code newType}
     */
    public StanzaError withType(ErrorType newType) {
        return new StanzaError(newType, condition, text, by, conditionText, applicationCondition);
    }

    /**
     * This error with a human-readable text.
     *
     * @param newText the text, replacing any earlier one
     * @return a copy with {@code newText}
     */
    public StanzaError withText(String newText) {
        return new StanzaError(type, condition, Optional.of(newText), by, conditionText, applicationCondition);
    }

    /**
     * This error with the address of the entity that produced it.
     *
     * @param newBy the address, e.g. the room's JID
     * @return a copy with {@code newBy}
     */
    public StanzaError withBy(String newBy) {
        return new StanzaError(type, condition, text, Optional.of(newBy), conditionText, applicationCondition);
    }

    /**
     * This error with character data in its condition element.
     *
     * @param value the data, e.g. the new address of {@code gone} or {@code redirect}
     * @return a copy with {@code value}
     */
    public StanzaError withConditionText(String value) {
        return new StanzaError(type, condition, text, by, Optional.of(value), applicationCondition);
    }

    /**
     * This error with an application-specific condition.
     *
     * @param element the condition element, in its application's namespace
     * @return a copy with {@code element}
     */
    public StanzaError withApplicationCondition(Element element) {
        return new StanzaError(type, condition, text, by, conditionText, Optional.of(element));
    }

    /**
     * The {@code <error/>} element, in the given stanza namespace (normally {@code jabber:client}):
     * the condition, then the text, then the application-specific condition.
     *
     * @param stanzaNamespace the namespace of the {@code <error/>} element
     * @return the element
     */
    public Element toElement(String stanzaNamespace) {
        ElementBuilder b = Element.builder(stanzaNamespace, "error").attribute("type", type.wireName());
        by.ifPresent(v -> b.attribute("by", v));
        ElementBuilder cond = Element.builder(Condition.NAMESPACE, condition.wireName());
        conditionText.ifPresent(cond::text);
        b.child(cond.build());
        text.ifPresent(t -> b.child(Element.builder(Condition.NAMESPACE, "text").text(t).build()));
        applicationCondition.ifPresent(b::child);
        return b.build();
    }

    /**
     * Reads an {@code <error/>} element. Unknown or missing conditions read as
     * {@code undefined-condition}, an unknown type as the condition's usual type: a peer's sloppy
     * error must still be understood as an error.
     *
     * @param error an {@code <error/>} element
     * @return the error; the first known condition and the first foreign element win
     */
    public static StanzaError fromElement(Element error) {
        Condition condition = Condition.UNDEFINED_CONDITION;
        Optional<String> conditionText = Optional.empty();
        Optional<String> text = Optional.empty();
        Optional<Element> app = Optional.empty();
        for (Element child : error.elements()) {
            if (child.namespace().equals(Condition.NAMESPACE)) {
                if (child.localName().equals("text")) {
                    text = Optional.of(child.text());
                } else {
                    Optional<Condition> c = Condition.fromWire(child.localName());
                    if (c.isPresent() && condition == Condition.UNDEFINED_CONDITION) {
                        condition = c.get();
                        String ct = child.text();
                        conditionText = ct.isEmpty() ? Optional.empty() : Optional.of(ct);
                    }
                }
            } else if (app.isEmpty()) {
                app = Optional.of(child);
            }
        }
        Condition finalCondition = condition;
        ErrorType type = error.attribute("type").flatMap(ErrorType::fromWire)
                .orElseGet(finalCondition::defaultType);
        return new StanzaError(type, condition, text, error.attribute("by"), conditionText, app);
    }

}
