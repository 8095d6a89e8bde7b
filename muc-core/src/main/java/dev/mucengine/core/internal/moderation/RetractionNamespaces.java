package dev.mucengine.core.internal.moderation;

/**
 * The namespaces of both generations of retraction. Deployed clients still speak the first one
 * (XEP-0425 0.2, XEP-0424 0.2, fastened with XEP-0422), so the room understands both.
 */
final class RetractionNamespaces {

    /** XEP-0425 1.x (0.3.0 and later): {@code <moderate/>} and {@code <moderated/>}. */
    static final String MODERATE = "urn:xmpp:message-moderate:1";

    /** XEP-0424 1.x: {@code <retract/>} and {@code <retracted/>}. */
    static final String RETRACT = "urn:xmpp:message-retract:1";

    /** XEP-0425 0.2: {@code <moderate/>} and {@code <moderated/>} inside an {@code <apply-to/>}. */
    static final String MODERATE_0 = "urn:xmpp:message-moderate:0";

    /** XEP-0424 0.2: {@code <retract/>} and {@code <retracted/>}. */
    static final String RETRACT_0 = "urn:xmpp:message-retract:0";

    /** XEP-0422 Message Fastening, which carried the first generation: {@code <apply-to id/>}. */
    static final String FASTEN = "urn:xmpp:fasten:0";

    private RetractionNamespaces() {
    }
}
