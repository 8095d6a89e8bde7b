package dev.mucengine.xml;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Splits bytes, fed as they arrive, into top-level elements without parsing them, so that each
 * one can be handed to Woodstox as a complete, bounded byte array. A state machine: it keeps
 * where it is between feeds, so a selector thread can feed it whatever one read returned, and a
 * blocking reader can feed it from an InputStream ({@link XmppStreamReader}); both see the same
 * rules.
 *
 * <p>Why not let Woodstox read the socket: bytes after a stanza would end up inside the parser,
 * where they are lost when a transport restarts the stream (SASL), and could not be size-checked
 * per stanza. This framer consumes only the bytes up to the end of the token it returns, counts
 * the bytes of each element, and rejects restricted XML (RFC 6120 §11.1: DTDs, comments,
 * processing instructions, entity references) before any parser sees it.
 *
 * <p>This class handles the top level: white space between tokens, the XML declaration,
 * top-level end tags, and what a top-level start tag is (a stream header or an element). The
 * inside of an element, with its end-tag matching, is the {@link ElementScanner}'s.
 *
 * <p>Scanning UTF-8 byte-wise is safe: every byte either class looks at ({@code < > / ' " & ; ?
 * !}) is ASCII, and no multi-byte UTF-8 sequence contains an ASCII byte. Everything else about
 * well-formedness (names, UTF-8, attributes) is decided later by Woodstox.
 */
final class ElementFramer {

    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*['\"]([^'\"]*)['\"]");

    /** What the framer found at the top level. */
    sealed interface Token {
    }

    /** A start tag whose local name is {@code stream} (stream mode only): bytes and qname. */
    record Header(byte[] startTag, String qname) implements Token {
    }

    /** One complete top-level element, from its {@code <} to its last {@code >}. */
    record Chunk(byte[] bytes) implements Token {
    }

    /** An end tag at the top level, with its qualified name. */
    record Close(String qname) implements Token {
    }

    /** End of input; {@code midElement} if it cut a top-level element or tag short. */
    record End(boolean midElement) implements Token {
    }

    /** Where the framer is. */
    private enum State {
        /** Between top-level tokens: white space, then {@code <}. */
        BETWEEN,
        /** After a top-level {@code <}. */
        AFTER_LT,
        DECLARATION,
        TOP_END_TAG,
        /** Inside a top-level element: the {@link ElementScanner} reads it. */
        ELEMENT
    }

    private static final int MAX_DECLARATION = 256;
    private static final int MAX_END_TAG = 1024;

    private final boolean streamMode;
    private final ElementScanner scanner;
    private State state = State.BETWEEN;
    /** No top-level markup has been seen yet: a standalone element's declaration may come only here. */
    private boolean atStart = true;
    private boolean declarationSeen;
    private final StringBuilder declaration = new StringBuilder();
    private final ByteArrayOutputStream topEndTag = new ByteArrayOutputStream();

    /**
     * @param streamMode true inside an XMPP stream: top-level {@code stream} start tags are
     *                   headers, and an XML declaration may precede each header (restarts);
     *                   false for one standalone element, where a declaration may only open
     *                   the input
     */
    ElementFramer(XmlLimits limits, boolean streamMode) {
        this.streamMode = streamMode;
        this.scanner = new ElementScanner(limits);
    }

    /**
     * Consumes bytes of {@code input} up to the end of the next token and returns it; null if the
     * input ran out first (then all of it was consumed, and the framer waits for more).
     */
    @Nullable Token next(ByteBuffer input) throws XmlFailure {
        while (input.hasRemaining()) {
            Token t = state == State.ELEMENT ? scanned(scanner.scan(input)) : accept(input.get() & 0xFF);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The input ended: what that means where the framer is. */
    Token end() throws XmlFailure {
        return switch (state) {
            case BETWEEN -> new End(declarationSeen);
            case AFTER_LT, TOP_END_TAG -> new End(true);
            case DECLARATION -> throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                    "unterminated XML declaration");
            case ELEMENT -> {
                scanner.cancel();
                yield element(new End(true));
            }
        };
    }

    private @Nullable Token accept(int b) throws XmlFailure {
        switch (state) {
            case BETWEEN -> between(b);
            case AFTER_LT -> afterLt(b);
            case DECLARATION -> declaration(b);
            case TOP_END_TAG -> {
                return topEndTag(b);
            }
            case ELEMENT -> throw new IllegalStateException("the scanner reads elements");
        }
        return null;
    }

    private void between(int b) throws XmlFailure {
        if (b == '<') {
            state = State.AFTER_LT;
        } else if (!ElementScanner.isWhitespace(b)) {
            throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "character data outside of an element");
        }
    }

    private void afterLt(int b) throws XmlFailure {
        boolean wasAtStart = atStart;
        atStart = false;
        if (b == '?') {
            if (declarationSeen || !(streamMode || wasAtStart)) {
                throw XmlFailure.restricted("processing instruction");
            }
            declaration.setLength(0);
            state = State.DECLARATION;
        } else if (b == '!') {
            throw XmlFailure.restricted("DTD, comment or CDATA outside of an element");
        } else if (b == '/') {
            topEndTag.reset();
            state = State.TOP_END_TAG;
        } else {
            scanner.start(b);
            state = State.ELEMENT;
        }
    }

    /** Up to {@code ?>}; then only {@code xml} with UTF-8 passes. */
    private void declaration(int b) throws XmlFailure {
        int length = declaration.length();
        if (b == '>' && length > 0 && declaration.charAt(length - 1) == '?') {
            checkDeclaration(declaration.toString());
            declarationSeen = true;
            state = State.BETWEEN;
            return;
        }
        if (length >= MAX_DECLARATION) {
            throw XmlFailure.restricted("processing instruction");
        }
        declaration.append((char) b);
    }

    private static void checkDeclaration(String text) throws XmlFailure {
        if (!text.matches("(?s)xml[ \t\r\n].*")) {
            throw XmlFailure.restricted("processing instruction");
        }
        var m = ENCODING.matcher(text);
        if (m.find() && !m.group(1).toUpperCase(Locale.ROOT).equals("UTF-8")) {
            throw new XmlFailure(StreamErrorCondition.UNSUPPORTED_ENCODING, "only UTF-8 is supported");
        }
    }

    private @Nullable Token topEndTag(int b) throws XmlFailure {
        if (b == '>') {
            return token(new Close(topEndTag.toString(StandardCharsets.UTF_8).strip()));
        }
        if (topEndTag.size() >= MAX_END_TAG) {
            throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION, "end tag too long");
        }
        topEndTag.write(b);
        return null;
    }

    /** Where the scanner stopped: the end of the top-level start tag or element, or of the input. */
    private @Nullable Token scanned(ElementScanner.Stop stop) throws XmlFailure {
        return switch (stop) {
            case MORE -> null;
            case START_TAG, EMPTY_ELEMENT -> topStartTagEnded(stop == ElementScanner.Stop.EMPTY_ELEMENT);
            case ELEMENT -> element(new Chunk(scanner.stop()));
        };
    }

    /** A top-level start tag: a stream header (stream mode), an empty element, or one with content. */
    private @Nullable Token topStartTagEnded(boolean empty) throws XmlFailure {
        String qname = scanner.topQName();
        if (streamMode && qname.substring(qname.indexOf(':') + 1).equals("stream")) {
            if (empty) {
                throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                        "stream header must not be an empty element");
            }
            return token(new Header(scanner.stop(), qname));
        }
        if (empty) {
            return element(new Chunk(scanner.stop()));
        }
        scanner.enterContent();
        return null;
    }

    /** A top-level element (or the end of input inside one): a declaration may only precede a header. */
    private Token element(Token t) throws XmlFailure {
        if (streamMode && declarationSeen) {
            throw XmlFailure.restricted("XML declaration not followed by a stream header");
        }
        return token(t);
    }

    /** A token is complete: the next one starts afresh. */
    private Token token(Token t) {
        state = State.BETWEEN;
        declarationSeen = false;
        return t;
    }
}
