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

    StreamError error() {
        return error;
    }
}
