package dev.mucengine.core.stanza;

import java.util.Optional;

/** Every defined stanza error condition of RFC 6120 §8.3.3, with its usual error type. */
public enum Condition {
    BAD_REQUEST("bad-request", ErrorType.MODIFY),
    CONFLICT("conflict", ErrorType.CANCEL),
    FEATURE_NOT_IMPLEMENTED("feature-not-implemented", ErrorType.CANCEL),
    FORBIDDEN("forbidden", ErrorType.AUTH),
    GONE("gone", ErrorType.CANCEL),
    INTERNAL_SERVER_ERROR("internal-server-error", ErrorType.CANCEL),
    ITEM_NOT_FOUND("item-not-found", ErrorType.CANCEL),
    JID_MALFORMED("jid-malformed", ErrorType.MODIFY),
    NOT_ACCEPTABLE("not-acceptable", ErrorType.MODIFY),
    NOT_ALLOWED("not-allowed", ErrorType.CANCEL),
    NOT_AUTHORIZED("not-authorized", ErrorType.AUTH),
    POLICY_VIOLATION("policy-violation", ErrorType.MODIFY),
    RECIPIENT_UNAVAILABLE("recipient-unavailable", ErrorType.WAIT),
    REDIRECT("redirect", ErrorType.MODIFY),
    REGISTRATION_REQUIRED("registration-required", ErrorType.AUTH),
    REMOTE_SERVER_NOT_FOUND("remote-server-not-found", ErrorType.CANCEL),
    REMOTE_SERVER_TIMEOUT("remote-server-timeout", ErrorType.WAIT),
    RESOURCE_CONSTRAINT("resource-constraint", ErrorType.WAIT),
    SERVICE_UNAVAILABLE("service-unavailable", ErrorType.CANCEL),
    SUBSCRIPTION_REQUIRED("subscription-required", ErrorType.AUTH),
    UNDEFINED_CONDITION("undefined-condition", ErrorType.CANCEL),
    UNEXPECTED_REQUEST("unexpected-request", ErrorType.WAIT);

    /** The namespace of condition and text elements inside {@code <error/>}. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private final String wireName;
    private final ErrorType defaultType;

    Condition(String wireName, ErrorType defaultType) {
        this.wireName = wireName;
        this.defaultType = defaultType;
    }

    public String wireName() {
        return wireName;
    }

    /** The type RFC 6120 §8.3.3 gives in its examples for this condition. */
    public ErrorType defaultType() {
        return defaultType;
    }

    public static Optional<Condition> fromWire(String value) {
        for (Condition c : values()) {
            if (c.wireName.equals(value)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
