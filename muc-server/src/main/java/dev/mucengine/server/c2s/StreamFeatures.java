package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Attribute;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.XmlName;
import dev.mucengine.xml.StreamError;
import dev.mucengine.xml.StreamErrorCondition;
import dev.mucengine.xml.StreamHeader;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jxmpp.jid.DomainBareJid;

/**
 * The server's stream headers, the versions it accepts, and the features it offers before and
 * after SASL (RFC 6120 §4.3).
 */
final class StreamFeatures {

    static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
    private static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    private static final Pattern VERSION = Pattern.compile("([0-9]{1,9})\\.([0-9]{1,9})");

    private StreamFeatures() {
    }

    static StreamHeader header(DomainBareJid domain, String streamId) {
        return StreamHeader.of("jabber:client", List.of(
                new Attribute(XmlName.local("from"), domain.toString()),
                new Attribute(XmlName.local("id"), streamId),
                new Attribute(XmlName.local("version"), "1.0"),
                new Attribute(XmlName.xmlLang(), "en")));
    }

    /**
     * Whether a client's stream version is one this server speaks (RFC 6120 §4.7.5): major
     * version 1, whatever the minor one (numbers, not strings, are compared). A header without a
     * version is accepted as before. Anything else, such as {@code 2.0} or text that is not a
     * version, gets {@code unsupported-version}.
     */
    static boolean supportsVersion(Optional<String> version) {
        if (version.isEmpty()) {
            return true;
        }
        Matcher m = VERSION.matcher(version.get().strip());
        return m.matches() && Integer.parseInt(m.group(1)) == 1;
    }

    /**
     * Why a client's stream header is refused, if it is: a content namespace other than
     * {@code jabber:client} ({@code invalid-namespace}), another domain ({@code host-unknown}), a
     * version other than 1.x ({@code unsupported-version}); RFC 6120 §4.9.3.
     */
    static Optional<StreamError> refusal(StreamHeader header, DomainBareJid domain) {
        boolean ourDomain = header.to().map(to -> to.equalsIgnoreCase(domain.toString())).orElse(true);
        if (!header.contentNamespace().equals(Stanza.CLIENT_NAMESPACE)) {
            return Optional.of(StreamError.of(StreamErrorCondition.INVALID_NAMESPACE));
        } else if (!ourDomain) {
            return Optional.of(StreamError.of(StreamErrorCondition.HOST_UNKNOWN));
        } else if (!supportsVersion(header.version())) {
            return Optional.of(StreamError.of(StreamErrorCondition.UNSUPPORTED_VERSION, "this server speaks XMPP 1.0"));
        }
        return Optional.empty();
    }

    /** Before authentication: SASL mechanisms, and registration when it is open. */
    static Element beforeAuthentication(boolean openRegistration) {
        ElementBuilder features = Element.builder(StreamError.STREAMS_NAMESPACE, "features")
                .child(Element.builder(SASL, "mechanisms")
                        .textChild(SASL, "mechanism", ScramSha1Mechanism.NAME)
                        .textChild(SASL, "mechanism", PlainMechanism.NAME).build());
        if (openRegistration) {
            features.child(Element.empty(InBandRegistration.FEATURE, "register"));
        }
        return features.build();
    }

    /** After the restart that follows SASL success: bind, and the legacy session (optional). */
    static Element afterAuthentication() {
        return Element.builder(StreamError.STREAMS_NAMESPACE, "features")
                .child(Element.empty(ResourceBinding.NAMESPACE, "bind"))
                .child(Element.builder(SESSION, "session").child(Element.empty(SESSION, "optional")).build())
                .build();
    }
}
