package dev.mucengine.xml;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The markup of one top-level element, for an {@link ElementFramer}: from the first byte of its
 * name to its last {@code >}, copied into an {@link ElementCapture}. The framer decides what a
 * top-level start tag is (a stream header, an empty element, or the start of one to read on);
 * this class scans tags, quoted attribute values, text, CDATA sections and references, and says
 * when the element is complete. Kept apart so that the framer deals in top-level tokens and this
 * class in the bytes between them, where most of the input is.
 *
 * <p>Inside an element, restricted XML (RFC 6120 §11.1) is rejected as it arrives: comments,
 * DTDs, processing instructions, and references other than the five predefined entities and
 * character references. End tags are checked against their start tags as they arrive, so a
 * mismatched end tag ({@code <a><b></a>}) fails at once instead of leaving the framer waiting for
 * bytes that balance the depth (XML 1.0 §3, "Element Type Match"). Open elements' names are
 * offsets into the capture, so scanning allocates nothing per byte.
 */
final class ElementScanner {

    private static final byte[] CDATA_OPENING = "[CDATA[".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_ENTITY_NAME = 32;

    /** Where {@link #scan} stopped. */
    enum Stop {
        /** The input ran out: all of it was consumed. */
        MORE,
        /** The top-level start tag ended with {@code >}: the framer decides what follows. */
        START_TAG,
        /** The top-level start tag ended with {@code />}: the element is complete. */
        EMPTY_ELEMENT,
        /** The top-level element's end tag: the element is complete. */
        ELEMENT
    }

    /** Where the scanner is. */
    private enum State {
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

    private final int maxDepth;
    private final ElementCapture capture;
    private State state = State.NAME;

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

    ElementScanner(XmlLimits limits) {
        this.maxDepth = limits.maxDepth();
        this.capture = new ElementCapture(limits.maxStanzaBytes());
    }

    /** A top-level start tag begins with {@code <} and this byte of its name: a new copy starts. */
    void start(int firstNameByte) throws XmlFailure {
        capture.start(firstNameByte);
        nameStart = capture.length() - 1;
        topTag = true;
        state = State.NAME;
    }

    /** The top-level start tag's qualified name, once {@link #scan} stopped at its end. */
    String topQName() {
        return topQName;
    }

    /** After {@link Stop#START_TAG}: the element has content, to be scanned on. */
    void enterContent() throws XmlFailure {
        depth = 0;
        open(nameStart, nameLength);
        state = State.CONTENT;
    }

    /** Ends the copy and returns the bytes read since {@link #start}. */
    byte[] stop() {
        return capture.stop();
    }

    /** The input ended inside the element: the copy is dropped. */
    void cancel() throws XmlFailure {
        if (state == State.ENTITY) {
            throw notAReference();
        }
        capture.cancel();
    }

    /**
     * Consumes bytes of {@code input} up to where the scan stops: the end of the top-level start
     * tag or of the element; {@link Stop#MORE} if the input ran out first.
     */
    Stop scan(ByteBuffer input) throws XmlFailure {
        while (input.hasRemaining()) {
            if (state == State.CONTENT && !skipText(input)) {
                return Stop.MORE;
            }
            int b = input.get() & 0xFF;
            if (capture.active()) {
                capture.append(b);
            }
            Stop stop = accept(b);
            if (stop != Stop.MORE) {
                return stop;
            }
        }
        return Stop.MORE;
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

    private Stop accept(int b) throws XmlFailure {
        switch (state) {
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
                    throw XmlFailure.restricted("comment or DTD");
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
        return Stop.MORE;
    }

    /** A start tag's name ends at white space, {@code /} or {@code >}; it is bounded by the element size limit. */
    private Stop name(int b) throws XmlFailure {
        if (!isWhitespace(b) && b != '/' && b != '>') {
            return Stop.MORE;
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
        return Stop.MORE;
    }

    /** The rest of a start tag, honouring quoted attribute values. */
    private Stop tag(int b) throws XmlFailure {
        if (quote != 0) {
            if (b == quote) {
                quote = 0;
            } else if (b == '&') {
                last = b;
                startEntity(true);
                return Stop.MORE;
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
        return Stop.MORE;
    }

    private Stop startTagEnded(boolean empty) throws XmlFailure {
        if (topTag) {
            topTag = false;
            return empty ? Stop.EMPTY_ELEMENT : Stop.START_TAG;
        }
        if (!empty) {
            open(nameStart, nameLength);
        }
        state = State.CONTENT;
        return Stop.MORE;
    }

    private void contentLt(int b) throws XmlFailure {
        if (b == '/') {
            endNameStart = capture.length();
            state = State.END_TAG_NAME;
        } else if (b == '!') {
            cdataMatched = 0;
            state = State.CDATA_OPENING;
        } else if (b == '?') {
            throw XmlFailure.restricted("processing instruction");
        } else {
            nameStart = capture.length() - 1;
            state = State.NAME;
        }
    }

    /** The end tag closes the innermost open element, whose name it must repeat exactly. */
    private Stop closeElement(int b) throws XmlFailure {
        depth--;
        if (b != '>' || !capture.equal(endNameStart, endNameLength, openNameStart[depth], openNameLength[depth])) {
            throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "end tag does not match its start tag");
        }
        if (depth == 0) {
            return Stop.ELEMENT;
        }
        state = State.CONTENT;
        return Stop.MORE;
    }

    /** A start tag (not empty) was read: its name becomes the innermost open element. */
    private void open(int start, int length) throws XmlFailure {
        if (depth + 1 > maxDepth) {
            throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION,
                    "element nesting deeper than " + maxDepth);
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
                throw XmlFailure.restricted("entity reference &" + n + ";");
            }
        }
    }

    private static XmlFailure notAReference() {
        return new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "'&' not starting a reference");
    }

    static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
