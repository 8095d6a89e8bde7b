package dev.mucengine.xml;

/** Every stream error condition of RFC 6120 §4.9.3, with its wire name. */
public enum StreamErrorCondition {
    /** The entity sent XML that cannot be processed (§4.9.3.1). */
    BAD_FORMAT("bad-format"),
    /** The entity sent a namespace prefix that is not supported (§4.9.3.2). */
    BAD_NAMESPACE_PREFIX("bad-namespace-prefix"),
    /** A new stream conflicts with an existing one for the same entity (§4.9.3.3). */
    CONFLICT("conflict"),
    /** The peer sent nothing for too long (§4.9.3.4). */
    CONNECTION_TIMEOUT("connection-timeout"),
    /** The host the stream is for is no longer served here (§4.9.3.5). */
    HOST_GONE("host-gone"),
    /** The host the stream is for is not served here (§4.9.3.6). */
    HOST_UNKNOWN("host-unknown"),
    /** A stanza lacks a {@code to} or {@code from} that is required (§4.9.3.7). */
    IMPROPER_ADDRESSING("improper-addressing"),
    /** The server failed in a way it cannot describe better (§4.9.3.8). */
    INTERNAL_SERVER_ERROR("internal-server-error"),
    /** A {@code from} address is not one the peer may use (§4.9.3.9). */
    INVALID_FROM("invalid-from"),
    /** The stream or its content is in a namespace that is not supported (§4.9.3.10). */
    INVALID_NAMESPACE("invalid-namespace"),
    /** The entity sent invalid XML (§4.9.3.11). */
    INVALID_XML("invalid-xml"),
    /** The entity sent data before authenticating (§4.9.3.12). */
    NOT_AUTHORIZED("not-authorized"),
    /** The entity sent XML that is not well-formed (§4.9.3.13). */
    NOT_WELL_FORMED("not-well-formed"),
    /** The entity violated a local policy, such as a size limit (§4.9.3.14). */
    POLICY_VIOLATION("policy-violation"),
    /** A connection needed to serve the stream failed (§4.9.3.15). */
    REMOTE_CONNECTION_FAILED("remote-connection-failed"),
    /** The stream is being reset, e.g. after security settings changed (§4.9.3.16). */
    RESET("reset"),
    /** The server lacks the resources to serve the stream (§4.9.3.17). */
    RESOURCE_CONSTRAINT("resource-constraint"),
    /**
     * The entity sent XML that RFC 6120 §11.1 forbids: DTDs, comments, processing instructions, entity references
     * (§4.9.3.18).
     */
    RESTRICTED_XML("restricted-xml"),
    /** The entity should connect to another host, given in the element (§4.9.3.19). */
    SEE_OTHER_HOST("see-other-host"),
    /** The server is shutting down (§4.9.3.20). */
    SYSTEM_SHUTDOWN("system-shutdown"),
    /** No other condition applies (§4.9.3.21). */
    UNDEFINED_CONDITION("undefined-condition"),
    /** The stream is not in UTF-8 (§4.9.3.22). */
    UNSUPPORTED_ENCODING("unsupported-encoding"),
    /** A feature the receiving entity requires is not offered (§4.9.3.23). */
    UNSUPPORTED_FEATURE("unsupported-feature"),
    /** The entity sent a top-level element that is not supported (§4.9.3.24). */
    UNSUPPORTED_STANZA_TYPE("unsupported-stanza-type"),
    /** The stream's {@code version} is not supported (§4.9.3.25). */
    UNSUPPORTED_VERSION("unsupported-version");

    private final String wireName;

    StreamErrorCondition(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The element name used on the wire, e.g. {@code not-well-formed}.
     *
     * @return the condition element's local name
     */
    public String wireName() {
        return wireName;
    }
}
