package dev.mucengine.core.stanza;

import dev.mucengine.core.xml.Element;
import java.util.Objects;
import java.util.Optional;

/**
 * A stanza error as a value (RFC 6120 §8.3): type, defined condition, optional human-readable
 * text, optional {@code by} and an optional application-specific condition element.
 *
 * @param conditionText the character data some conditions carry ({@code gone} and
 *     {@code redirect} carry a URI)
 */
public record StanzaError(
        ErrorType type,
        Condition condition,
        Optional<String> text,
        Optional<String> by,
        Optional<String> conditionText,
        Optional<Element> applicationCondition) {

    public StanzaError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(conditionText, "conditionText");
        Objects.requireNonNull(applicationCondition, "applicationCondition");
    }

    /** The condition with its usual type. */
    public static StanzaError of(Condition condition) {
        return new StanzaError(condition.defaultType(), condition, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public static StanzaError of(ErrorType type, Condition condition) {
        return of(condition).withType(type);
    }

    public StanzaError withType(ErrorType newType) {
        return new StanzaError(newType, condition, text, by, conditionText, applicationCondition);
    }

    public StanzaError withText(String newText) {
        return new StanzaError(type, condition, Optional.of(newText), by, conditionText, applicationCondition);
    }

    public StanzaError withBy(String newBy) {
        return new StanzaError(type, condition, text, Optional.of(newBy), conditionText, applicationCondition);
    }

    public StanzaError withConditionText(String value) {
        return new StanzaError(type, condition, text, by, Optional.of(value), applicationCondition);
    }

    public StanzaError withApplicationCondition(Element element) {
        return new StanzaError(type, condition, text, by, conditionText, Optional.of(element));
    }

    /** The {@code <error/>} element, in the given stanza namespace (normally {@code jabber:client}). */
    public Element toElement(String stanzaNamespace) {
        Element.Builder b = Element.builder(stanzaNamespace, "error").attribute("type", type.wireName());
        by.ifPresent(v -> b.attribute("by", v));
        Element.Builder cond = Element.builder(Condition.NAMESPACE, condition.wireName());
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
