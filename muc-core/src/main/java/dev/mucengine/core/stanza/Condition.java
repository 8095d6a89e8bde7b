package dev.mucengine.core.stanza;

import java.util.Optional;

/** Every defined stanza error condition of RFC 6120 §8.3.3, with its usual error type. */
public enum Condition {
    /** The request is malformed or cannot be processed (§8.3.3.1). */
    BAD_REQUEST("bad-request", ErrorType.MODIFY),
    /** The name or address asked for is already in use (§8.3.3.2); in a room, a nickname in use or reserved. */
    CONFLICT("conflict", ErrorType.CANCEL),
    /** The feature the request asks for is not implemented (§8.3.3.3). */
    FEATURE_NOT_IMPLEMENTED("feature-not-implemented", ErrorType.CANCEL),
    /** The requester lacks the permissions the action needs (§8.3.3.4). */
    FORBIDDEN("forbidden", ErrorType.AUTH),
    /** The recipient can no longer be contacted at this address; may carry a new address (§8.3.3.5). */
    GONE("gone", ErrorType.CANCEL),
    /** The server failed in a way it cannot describe better (§8.3.3.6). */
    INTERNAL_SERVER_ERROR("internal-server-error", ErrorType.CANCEL),
    /** The addressed entity or the item asked for does not exist (§8.3.3.7). */
    ITEM_NOT_FOUND("item-not-found", ErrorType.CANCEL),
    /** An address in the request is not a valid JID (§8.3.3.8). */
    JID_MALFORMED("jid-malformed", ErrorType.MODIFY),
    /** The request is understood but does not meet the recipient's criteria (§8.3.3.9). */
    NOT_ACCEPTABLE("not-acceptable", ErrorType.MODIFY),
    /** Nobody may perform the action (§8.3.3.10). */
    NOT_ALLOWED("not-allowed", ErrorType.CANCEL),
    /** The requester must provide credentials first; in a room, a password (§8.3.3.11). */
    NOT_AUTHORIZED("not-authorized", ErrorType.AUTH),
    /** The requester violated a local policy (§8.3.3.12). */
    POLICY_VIOLATION("policy-violation", ErrorType.MODIFY),
    /** The recipient is temporarily unavailable (§8.3.3.13). */
    RECIPIENT_UNAVAILABLE("recipient-unavailable", ErrorType.WAIT),
    /** Requests should go to another address, which the error may carry (§8.3.3.14). */
    REDIRECT("redirect", ErrorType.MODIFY),
    /** The requester must register first; in a room, become a member (§8.3.3.15). */
    REGISTRATION_REQUIRED("registration-required", ErrorType.AUTH),
    /** A remote server in the recipient's address does not exist or cannot be reached (§8.3.3.16). */
    REMOTE_SERVER_NOT_FOUND("remote-server-not-found", ErrorType.CANCEL),
    /** A remote server could not be reached in time (§8.3.3.17). */
    REMOTE_SERVER_TIMEOUT("remote-server-timeout", ErrorType.WAIT),
    /** The recipient lacks the resources to serve the request (§8.3.3.18). */
    RESOURCE_CONSTRAINT("resource-constraint", ErrorType.WAIT),
    /** The recipient does not offer the service asked for (§8.3.3.19). */
    SERVICE_UNAVAILABLE("service-unavailable", ErrorType.CANCEL),
    /** The requester needs a presence subscription first (§8.3.3.20). */
    SUBSCRIPTION_REQUIRED("subscription-required", ErrorType.AUTH),
    /** No other condition applies; usually with an application-specific condition (§8.3.3.21). */
    UNDEFINED_CONDITION("undefined-condition", ErrorType.CANCEL),
    /** The request is understood but not expected now (§8.3.3.22). */
    UNEXPECTED_REQUEST("unexpected-request", ErrorType.WAIT);

    /** The namespace of condition and text elements inside {@code <error/>}. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private final String wireName;
    private final ErrorType defaultType;

    Condition(String wireName, ErrorType defaultType) {
        this.wireName = wireName;
        this.defaultType = defaultType;
    }

    /**
     * The condition element's local name.
     *
     * @return the name, e.g. {@code item-not-found}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * The type RFC 6120 §8.3.3 gives in its examples for this condition.
     *
     * @return the usual error type
     */
    public ErrorType defaultType() {
        return defaultType;
    }

    /**
     * The condition with this element name.
     *
     * @param value a condition element's local name
     * @return the condition, or empty for a name RFC 6120 does not define
     */
    public static Optional<Condition> fromWire(String value) {
        for (Condition c : values()) {
            if (c.wireName.equals(value)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
