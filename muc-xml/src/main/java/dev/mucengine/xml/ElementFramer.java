package dev.mucengine.xml;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * <p>Scanning UTF-8 byte-wise is safe: every byte this class looks at ({@code < > / ' " & ; ?
 * !}) is ASCII, and no multi-byte UTF-8 sequence contains an ASCII byte. End tags are checked
 * against their start tags as they arrive, so a mismatched end tag ({@code <a><b></a>}) fails at
 * once instead of leaving the framer waiting for bytes that balance the depth (XML 1.0 §3,
 * "Element Type Match"). Everything else about well-formedness (names, UTF-8, attributes) is
 * decided later by Woodstox.
 */
final class ElementFramer {

    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*['\"]([^'\"]*)['\"]");
    private static final byte[] CDATA_OPENING = "[CDATA[".getBytes(StandardCharsets.US_ASCII);

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
        /** In a start tag's name (the top element's or a descendant's). */
        NAME,
        /** In a start tag after its name, up to its {@code >}. */
        TAG,
        CONTENT,
        /** After {@code <} inside an element. */
        CONTENT_LT,
        END_TAG_NAME,
        /** White space after an end tag's name. */
        END_TAG_SPACE,
        /** After {@code <!} inside an element: only {@code [CDATA[} may follow. */
        CDATA_OPENING,
        CDATA,
        /** After {@code &}, in content or in an attribute value. */
        ENTITY
    }

    private static final int MAX_DECLARATION = 256;
    private static final int MAX_ENTITY_NAME = 32;
    private static final int MAX_END_TAG = 1024;

    private final XmlLimits limits;
    private final boolean streamMode;
    private final ElementCapture capture;
    private State state = State.BETWEEN;
    /** No top-level markup has been seen yet: a standalone element's declaration may come only here. */
    private boolean atStart = true;
    private boolean declarationSeen;
    private final StringBuilder declaration = new StringBuilder();
    private final ByteArrayOutputStream topEndTag = new ByteArrayOutputStream();

    /** Whether the start tag being read is the top-level element's. */
    private boolean topTag;
    private String topQName = "";
    private int nameStart;
    private int nameLength;
    /** In {@link State#TAG}: the previous byte ({@code /} before {@code >} makes an empty element) and the open quote. */
    private int last;
    private int quote;
    private boolean entityInTag;
    private final StringBuilder entity = new StringBuilder();
    private int cdataMatched;
    private int brackets;
    private int endNameStart;
    private int endNameLength;

    /** The open elements' names, as offsets and lengths in the capture; the last is the innermost. */
    private int[] openNameStart = new int[8];
    private int[] openNameLength = new int[8];
    private int depth;

    /**
     * @param streamMode true inside an XMPP stream: top-level {@code stream} start tags are
     *                   headers, and an XML declaration may precede each header (restarts);
     *                   false for one standalone element, where a declaration may only open
     *                   the input
     */
    ElementFramer(XmlLimits limits, boolean streamMode) {
        this.limits = limits;
        this.streamMode = streamMode;
        this.capture = new ElementCapture(limits.maxStanzaBytes());
    }

    /**
     * Consumes bytes of {@code input} up to the end of the next token and returns it; null if the
     * input ran out first (then all of it was consumed, and the framer waits for more).
     */
    @Nullable Token next(ByteBuffer input) throws XmlFailure {
        while (input.hasRemaining()) {
            if (state == State.CONTENT && !skipText(input)) {
                return null;
            }
            Token t = accept(input.get() & 0xFF);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /**
     * In content, the bytes up to the next {@code <} or {@code &} need no look but the size check:
     * they are copied in one go (most of a stanza is text). Returns whether a byte is left to look at.
     */
    private boolean skipText(ByteBuffer input) throws XmlFailure {
        int start = input.position();
        int end = start;
        int limit = input.limit();
        while (end < limit) {
            byte b = input.get(end);
            if (b == '<' || b == '&') {
                break;
            }
            end++;
        }
        if (end > start) {
            capture.append(input, end - start);
        }
        return end < limit;
    }

    /** The input ended: what that means where the framer is. */
    Token end() throws XmlFailure {
        return switch (state) {
            case BETWEEN -> new End(declarationSeen);
            case AFTER_LT, TOP_END_TAG -> new End(true);
            case DECLARATION -> throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                    "unterminated XML declaration");
            case ENTITY -> throw notAReference();
            default -> {
                capture.cancel();
                yield element(new End(true));
            }
        };
    }

    private @Nullable Token accept(int b) throws XmlFailure {
        if (capture.active()) {
            capture.append(b);
        }
        switch (state) {
            case BETWEEN -> between(b);
            case AFTER_LT -> afterLt(b);
            case DECLARATION -> declaration(b);
            case TOP_END_TAG -> {
                return topEndTag(b);
            }
            case NAME -> {
                return name(b);
            }
            case TAG -> {
                return tag(b);
            }
            case CONTENT -> {
                if (b == '&') {
                    startEntity(false);
                } else if (b == '<') {
                    state = State.CONTENT_LT;
                }
            }
            case CONTENT_LT -> contentLt(b);
            case END_TAG_NAME -> {
                if (isWhitespace(b) || b == '>') {
                    endNameLength = capture.length() - 1 - endNameStart;
                    if (b == '>') {
                        return closeElement(b);
                    }
                    state = State.END_TAG_SPACE;
                }
            }
            case END_TAG_SPACE -> {
                if (!isWhitespace(b)) {
                    return closeElement(b);
                }
            }
            case CDATA_OPENING -> {
                if (b != CDATA_OPENING[cdataMatched]) {
                    throw restricted("comment or DTD");
                }
                if (++cdataMatched == CDATA_OPENING.length) {
                    brackets = 0;
                    state = State.CDATA;
                }
            }
            case CDATA -> {
                if (b == '>' && brackets >= 2) {
                    state = State.CONTENT;
                } else {
                    brackets = b == ']' ? brackets + 1 : 0;
                }
            }
            case ENTITY -> entity(b);
        }
        return null;
    }

    private void between(int b) throws XmlFailure {
        if (b == '<') {
            state = State.AFTER_LT;
        } else if (!isWhitespace(b)) {
            throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "character data outside of an element");
        }
    }

    private void afterLt(int b) throws XmlFailure {
        boolean wasAtStart = atStart;
        atStart = false;
        if (b == '?') {
            if (declarationSeen || !(streamMode || wasAtStart)) {
                throw restricted("processing instruction");
            }
            declaration.setLength(0);
            state = State.DECLARATION;
        } else if (b == '!') {
            throw restricted("DTD, comment or CDATA outside of an element");
        } else if (b == '/') {
            topEndTag.reset();
            state = State.TOP_END_TAG;
        } else {
            capture.start(b);
            nameStart = capture.length() - 1;
            topTag = true;
            state = State.NAME;
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
            throw restricted("processing instruction");
        }
        declaration.append((char) b);
    }

    private static void checkDeclaration(String text) throws XmlFailure {
        if (!text.matches("(?s)xml[ \t\r\n].*")) {
            throw restricted("processing instruction");
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

    /** A start tag's name ends at white space, {@code /} or {@code >}; it is bounded by the element size limit. */
    private @Nullable Token name(int b) throws XmlFailure {
        if (!isWhitespace(b) && b != '/' && b != '>') {
            return null;
        }
        nameLength = capture.length() - 1 - nameStart;
        if (topTag) {
            topQName = capture.string(nameStart, nameLength);
        }
        if (b == '>') {
            return startTagEnded(false);
        }
        last = b == '/' ? '/' : ' ';
        quote = 0;
        state = State.TAG;
        return null;
    }

    /** The rest of a start tag, honouring quoted attribute values. */
    private @Nullable Token tag(int b) throws XmlFailure {
        if (quote != 0) {
            if (b == quote) {
                quote = 0;
            } else if (b == '&') {
                last = b;
                startEntity(true);
                return null;
            } else if (b == '<') {
                throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "'<' in an attribute value");
            }
        } else if (b == '"' || b == '\'') {
            quote = b;
        } else if (b == '>') {
            return startTagEnded(last == '/');
        } else if (b == '<') {
            throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "'<' inside a tag");
        }
        last = b;
        return null;
    }

    private @Nullable Token startTagEnded(boolean empty) throws XmlFailure {
        if (!topTag) {
            if (!empty) {
                open(nameStart, nameLength);
            }
            state = State.CONTENT;
            return null;
        }
        topTag = false;
        if (streamMode && topQName.substring(topQName.indexOf(':') + 1).equals("stream")) {
            if (empty) {
                throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                        "stream header must not be an empty element");
            }
            return token(new Header(capture.stop(), topQName));
        }
        if (empty) {
            return element(new Chunk(capture.stop()));
        }
        depth = 0;
        open(nameStart, nameLength);
        state = State.CONTENT;
        return null;
    }

    private void contentLt(int b) throws XmlFailure {
        if (b == '/') {
            endNameStart = capture.length();
            state = State.END_TAG_NAME;
        } else if (b == '!') {
            cdataMatched = 0;
            state = State.CDATA_OPENING;
        } else if (b == '?') {
            throw restricted("processing instruction");
        } else {
            nameStart = capture.length() - 1;
            state = State.NAME;
        }
    }

    /** The end tag closes the innermost open element, whose name it must repeat exactly. */
    private @Nullable Token closeElement(int b) throws XmlFailure {
        depth--;
        if (b != '>' || !capture.equal(endNameStart, endNameLength, openNameStart[depth], openNameLength[depth])) {
            throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "end tag does not match its start tag");
        }
        if (depth == 0) {
            return element(new Chunk(capture.stop()));
        }
        state = State.CONTENT;
        return null;
    }

    /** A start tag (not empty) was read: its name becomes the innermost open element. */
    private void open(int start, int length) throws XmlFailure {
        if (depth + 1 > limits.maxDepth()) {
            throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION,
                    "element nesting deeper than " + limits.maxDepth());
        }
        if (depth == openNameStart.length) {
            openNameStart = Arrays.copyOf(openNameStart, depth * 2);
            openNameLength = Arrays.copyOf(openNameLength, depth * 2);
        }
        openNameStart[depth] = start;
        openNameLength[depth] = length;
        depth++;
    }

    private void startEntity(boolean inTag) {
        entityInTag = inTag;
        entity.setLength(0);
        state = State.ENTITY;
    }

    /** After {@code &}: only the five predefined entities and character references pass. */
    private void entity(int b) throws XmlFailure {
        if (b != ';') {
            if (entity.length() >= MAX_ENTITY_NAME
                    || !(Character.isLetterOrDigit(b) || b == '#' || b == '_' || b == '-' || b == '.' || b == ':')) {
                throw notAReference();
            }
            entity.append((char) b);
            return;
        }
        state = entityInTag ? State.TAG : State.CONTENT;
        String n = entity.toString();
        switch (n) {
            case "lt", "gt", "amp", "apos", "quot" -> {
                return;
            }
            default -> {
                if (n.matches("#[0-9]{1,8}|#x[0-9a-fA-F]{1,6}")) {
                    return;
                }
                if (n.isEmpty() || n.startsWith("#")) {
                    throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "malformed character reference");
                }
                throw restricted("entity reference &" + n + ";");
            }
        }
    }

    /** A top-level element (or the end of input inside one): a declaration may only precede a header. */
    private Token element(Token t) throws XmlFailure {
        if (streamMode && declarationSeen) {
            throw restricted("XML declaration not followed by a stream header");
        }
        return token(t);
    }

    /** A token is complete: the next one starts afresh. */
    private Token token(Token t) {
        state = State.BETWEEN;
        declarationSeen = false;
        return t;
    }

    private static XmlFailure notAReference() {
        return new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "'&' not starting a reference");
    }

    private static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static XmlFailure restricted(String what) {
        return new XmlFailure(StreamErrorCondition.RESTRICTED_XML,
                what + " is not allowed in XMPP (RFC 6120 §11.1)");
    }
}
