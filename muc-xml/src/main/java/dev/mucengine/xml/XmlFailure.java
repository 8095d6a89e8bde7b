package dev.mucengine.xml;

/**
 * Internal control flow for "this input deserves a stream error". Caught at the public API and
 * turned into a value; it never escapes the module.
 */
final class XmlFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient StreamError error;

    XmlFailure(StreamErrorCondition condition, String text) {
        super(text, null, false, false);
        this.error = StreamError.of(condition, text);
    }

    /** XML that XMPP does not allow (RFC 6120 §11.1): {@code restricted-xml}, naming what it was. */
    static XmlFailure restricted(String what) {
        return new XmlFailure(StreamErrorCondition.RESTRICTED_XML, what + " is not allowed in XMPP (RFC 6120 §11.1)");
    }

    StreamError error() {
        return error;
    }
}
