package dev.mucengine.xml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a byte stream into top-level elements without parsing them, so that each one can be
 * handed to Woodstox as a complete, bounded byte array.
 *
 * <p>Why not let Woodstox read the socket directly: a blocking StAX reader fills its buffer from
 * the stream, so bytes after a stanza end up inside the parser, where they are lost when a
 * transport restarts the stream (SASL, STARTTLS) and cannot be size-checked per stanza. This
 * scanner reads only what {@link InputStream#read(byte[])} returns (it never waits for more than
 * one byte beyond what it needs), counts the bytes of each stanza, and rejects restricted XML
 * (RFC 6120 §11.1: DTDs, comments, processing instructions, entity references) before any
 * parser sees it.
 *
 * <p>Scanning UTF-8 byte-wise is safe: every byte this class looks at ({@code < > / ' " & ; ?
 * !}) is ASCII, and no multi-byte UTF-8 sequence contains an ASCII byte. End tags are checked
 * against their start tags as they arrive, so a mismatched end tag ({@code <a><b></a>}) fails at
 * once instead of leaving the scanner waiting for bytes that balance the depth (XML 1.0 §3,
 * "Element Type Match"). Everything else about well-formedness (names, UTF-8, attributes) is
 * decided later by Woodstox.
 */
final class TopLevelScanner {

    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*['\"]([^'\"]*)['\"]");

    /** What the scanner found at the top level. */
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

    private static final int MAX_DECLARATION = 256;
    private static final int MAX_ENTITY_NAME = 32;
    private final CapturingInput input;
    private final XmlLimits limits;
    private final boolean streamMode;
    private boolean first = true;

    /** The open elements' names, as offsets and lengths in the element's copy; the last is the innermost. */
    private int[] openNameStart = new int[8];
    private int[] openNameLength = new int[8];
    private int depth;

    /**
     * @param streamMode true inside an XMPP stream: top-level {@code stream} start tags are
     *                   headers, and an XML declaration may precede each header (restarts);
     *                   false for one standalone element, where a declaration may only open
     *                   the input
     */
    TopLevelScanner(InputStream in, XmlLimits limits, boolean streamMode) {
        this.input = new CapturingInput(in);
        this.limits = limits;
        this.streamMode = streamMode;
    }

    Token next() throws IOException, XmlFailure {
        boolean declarationSeen = false;
        while (true) {
            boolean atStart = first;
            first = false;
            int b = read();
            while (isWhitespace(b)) {
                b = read();
            }
            if (b == -1) {
                return new End(declarationSeen);
            }
            if (b != '<') {
                throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                        "character data outside of an element");
            }
            int c = read();
            if (c == -1) {
                return new End(true);
            }
            if (c == '?') {
                if (declarationSeen || !(streamMode || atStart)) {
                    throw restricted("processing instruction");
                }
                readDeclaration();
                declarationSeen = true;
                continue;
            }
            if (c == '!') {
                throw restricted("DTD, comment or CDATA outside of an element");
            }
            if (c == '/') {
                return readTopLevelEndTag();
            }
            Token t = readElement(c);
            if (streamMode && declarationSeen && !(t instanceof Header)) {
                throw restricted("XML declaration not followed by a stream header");
            }
            return t;
        }
    }

    private Token readTopLevelEndTag() throws IOException, XmlFailure {
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        int b;
        while ((b = read()) != '>') {
            if (b == -1) {
                return new End(true);
            }
            if (name.size() >= 1024) {
                throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION, "end tag too long");
            }
            name.write(b);
        }
        return new Close(name.toString(StandardCharsets.UTF_8).strip());
    }

    private Token readElement(int firstNameByte) throws IOException, XmlFailure {
        input.startCapture(firstNameByte, limits.maxStanzaBytes());
        int nameStart = input.capturedLength() - 1;
        int b = readNameRest();
        if (b == -1) {
            return end();
        }
        int nameLength = input.capturedLength() - 1 - nameStart;
        String qname = input.captured(nameStart, nameLength);
        int tag = b == '>' ? OPEN : b == '/' ? readTagRest('/') : readTagRest(' ');
        if (tag == EOF) {
            return end();
        }
        if (streamMode && qname.substring(qname.indexOf(':') + 1).equals("stream")) {
            if (tag == EMPTY) {
                throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                        "stream header must not be an empty element");
            }
            return new Header(input.stopCapture(), qname);
        }
        if (tag == EMPTY) {
            return new Chunk(input.stopCapture());
        }
        depth = 0;
        open(nameStart, nameLength);
        while (true) {
            b = read();
            if (b == -1) {
                return end();
            }
            if (b == '&') {
                readEntity();
            } else if (b == '<') {
                int c = read();
                if (c == '/') {
                    int closed = readEndTag();
                    if (closed == EOF) {
                        return end();
                    }
                    if (depth == 0) {
                        return new Chunk(input.stopCapture());
                    }
                } else if (c == '!') {
                    if (!readCdata()) {
                        return end();
                    }
                } else if (c == '?') {
                    throw restricted("processing instruction");
                } else if (c == -1) {
                    return end();
                } else {
                    int start = input.capturedLength() - 1;
                    int last = readNameRest();
                    if (last == -1) {
                        return end();
                    }
                    int length = input.capturedLength() - 1 - start;
                    tag = last == '>' ? OPEN : readTagRest(last == '/' ? '/' : ' ');
                    if (tag == EOF) {
                        return end();
                    }
                    if (tag == OPEN) {
                        open(start, length);
                    }
                }
            }
        }
    }

    /**
     * Reads the rest of a name whose first byte was read: up to white space, {@code /} or
     * {@code >}, which is returned (-1 at the end of input). The name is bounded by the element
     * size limit, like everything captured.
     */
    private int readNameRest() throws IOException, XmlFailure {
        int b = read();
        while (b != -1 && !isWhitespace(b) && b != '/' && b != '>') {
            b = read();
        }
        return b;
    }

    /** A start tag (not empty) was read: its name becomes the innermost open element. */
    private void open(int nameStart, int nameLength) throws XmlFailure {
        checkDepth(depth + 1);
        if (depth == openNameStart.length) {
            openNameStart = Arrays.copyOf(openNameStart, depth * 2);
            openNameLength = Arrays.copyOf(openNameLength, depth * 2);
        }
        openNameStart[depth] = nameStart;
        openNameLength[depth] = nameLength;
        depth++;
    }

    /**
     * After {@code </} inside an element: reads the end tag and closes the innermost open
     * element, whose name it must repeat exactly. Returns {@link #EOF} if the input ended first.
     */
    private int readEndTag() throws IOException, XmlFailure {
        int nameStart = input.capturedLength();
        int b = read();
        while (b != -1 && !isWhitespace(b) && b != '>') {
            b = read();
        }
        if (b == -1) {
            return EOF;
        }
        int nameLength = input.capturedLength() - 1 - nameStart;
        while (isWhitespace(b)) {
            b = read();
        }
        if (b == -1) {
            return EOF;
        }
        depth--;
        if (b != '>' || !input.capturedEqual(nameStart, nameLength, openNameStart[depth], openNameLength[depth])) {
            throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                    "end tag does not match its start tag");
        }
        return OPEN;
    }

    private static final int OPEN = 0;
    private static final int EMPTY = 1;
    private static final int EOF = 2;

    /** Reads to the closing {@code >} of a tag, honouring quoted attribute values. */
    private int readTagRest(int previous) throws IOException, XmlFailure {
        int last = previous;
        int quote = 0;
        while (true) {
            int b = read();
            if (b == -1) {
                return EOF;
            }
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                } else if (b == '&') {
                    readEntity();
                } else if (b == '<') {
                    throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                            "'<' in an attribute value");
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                return last == '/' ? EMPTY : OPEN;
            } else if (b == '<') {
                throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED, "'<' inside a tag");
            }
            last = b;
        }
    }

    /** After {@code <!} inside an element: only CDATA sections are allowed. */
    private boolean readCdata() throws IOException, XmlFailure {
        for (byte expected : "[CDATA[".getBytes(StandardCharsets.US_ASCII)) {
            int b = read();
            if (b == -1) {
                return false;
            }
            if (b != expected) {
                throw restricted("comment or DTD");
            }
        }
        int brackets = 0;
        while (true) {
            int b = read();
            if (b == -1) {
                return false;
            }
            if (b == '>' && brackets >= 2) {
                return true;
            }
            brackets = b == ']' ? brackets + 1 : 0;
        }
    }

    /** After {@code &}: only the five predefined entities and character references pass. */
    private void readEntity() throws IOException, XmlFailure {
        StringBuilder name = new StringBuilder();
        while (true) {
            int b = read();
            if (b == ';') {
                break;
            }
            if (b == -1 || name.length() >= MAX_ENTITY_NAME
                    || !(Character.isLetterOrDigit(b) || b == '#' || b == '_' || b == '-'
                    || b == '.' || b == ':')) {
                throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                        "'&' not starting a reference");
            }
            name.append((char) b);
        }
        String n = name.toString();
        switch (n) {
            case "lt", "gt", "amp", "apos", "quot" -> {
                return;
            }
            default -> {
                if (n.matches("#[0-9]{1,8}|#x[0-9a-fA-F]{1,6}")) {
                    return;
                }
                if (n.isEmpty() || n.startsWith("#")) {
                    throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                            "malformed character reference");
                }
                throw restricted("entity reference &" + n + ";");
            }
        }
    }

    private void readDeclaration() throws IOException, XmlFailure {
        StringBuilder decl = new StringBuilder();
        int b;
        while (!(decl.length() > 0 && decl.charAt(decl.length() - 1) == '?' && input.peekIs('>'))) {
            b = read();
            if (b == -1) {
                throw new XmlFailure(StreamErrorCondition.NOT_WELL_FORMED,
                        "unterminated XML declaration");
            }
            if (decl.length() >= MAX_DECLARATION) {
                throw restricted("processing instruction");
            }
            decl.append((char) b);
        }
        read(); // the '>'
        String text = decl.toString();
        if (!text.matches("(?s)xml[ \t\r\n].*")) {
            throw restricted("processing instruction");
        }
        var m = ENCODING.matcher(text);
        if (m.find() && !m.group(1).toUpperCase(Locale.ROOT).equals("UTF-8")) {
            throw new XmlFailure(StreamErrorCondition.UNSUPPORTED_ENCODING,
                    "only UTF-8 is supported");
        }
    }

    private Token end() {
        input.cancelCapture();
        return new End(true);
    }

    private void checkDepth(int level) throws XmlFailure {
        if (level > limits.maxDepth()) {
            throw new XmlFailure(StreamErrorCondition.POLICY_VIOLATION,
                    "element nesting deeper than " + limits.maxDepth());
        }
    }

    private int read() throws IOException, XmlFailure {
        return input.read();
    }

    private static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static XmlFailure restricted(String what) {
        return new XmlFailure(StreamErrorCondition.RESTRICTED_XML,
                what + " is not allowed in XMPP (RFC 6120 §11.1)");
    }
}
