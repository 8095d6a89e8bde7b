package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostileInputTest {

    private static final String HEADER = "<stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0'>";

    private final XmlParser parser = new XmlParser();

    private StreamErrorCondition parseFailure(String xml) {
        return parseFailure(xml.getBytes(StandardCharsets.UTF_8));
    }

    private StreamErrorCondition parseFailure(byte[] xml) {
        ParseResult r = parser.parse(xml);
        assertThat(r).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed) r).error().condition();
    }

    private static StreamErrorCondition streamFailure(InputStream in, XmlLimits limits)
            throws IOException {
        XmppStreamReader reader = new XmppStreamReader(in, limits);
        StreamEvent event;
        do {
            event = reader.next();
        } while (event instanceof StreamEvent.StreamOpened
                || event instanceof StreamEvent.ElementReceived);
        assertThat(event).isInstanceOf(StreamEvent.StreamFailed.class);
        // Terminal: asking again neither throws nor reads.
        assertThat(reader.next()).isEqualTo(event);
        return ((StreamEvent.StreamFailed) event).error().condition();
    }

    private static StreamErrorCondition streamFailure(String afterHeader) throws IOException {
        return streamFailure(new ByteArrayInputStream(
                (HEADER + afterHeader).getBytes(StandardCharsets.UTF_8)), XmlLimits.DEFAULTS);
    }

    @Test
    void billionLaughsIsRestrictedXmlWithoutExpansion() {
        StringBuilder dtd = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" '");
            dtd.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10));
            dtd.append("'>");
        }
        dtd.append("]><lolz>&lol9;</lolz>");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThat(parseFailure(dtd.toString()))
                        .isEqualTo(StreamErrorCondition.RESTRICTED_XML));
    }

    @Test
    void externalEntityIsRejectedWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<!DOCTYPE m [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
                + "<message xmlns='jabber:client'><body>&x;</body></message>";
        ParseResult r = parser.parse(xxe);
        assertThat(r).isInstanceOf(ParseResult.Failed.class);
        assertThat(((ParseResult.Failed) r).error().condition())
                .isEqualTo(StreamErrorCondition.RESTRICTED_XML);
        assertThat(r.toString()).doesNotContain("TOP-SECRET");
        assertThat(streamFailure("<message><body>&x;</body></message>"))
                .isEqualTo(StreamErrorCondition.RESTRICTED_XML);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>|RESTRICTED_XML",
        "<a><?php evil?></a>|RESTRICTED_XML",
        "<?php evil?><a/>|RESTRICTED_XML",
        "<a><!-- hi --></a>|RESTRICTED_XML",
        "<!-- hi --><a/>|RESTRICTED_XML",
        "<a>&foo;</a>|RESTRICTED_XML",
        "<a b='&foo;'/>|RESTRICTED_XML",
        "<p:a/>|NOT_WELL_FORMED",
        "<a xmlns='u'><b></a></b>|NOT_WELL_FORMED",
        "<a/>junk|NOT_WELL_FORMED",
        "<a/><b/>|NOT_WELL_FORMED",
        "<a>unterminated|NOT_WELL_FORMED",
        "<a b='1' b='2'/>|NOT_WELL_FORMED",
        "<a>&#0;</a>|NOT_WELL_FORMED",
        "<a>AT&T</a>|NOT_WELL_FORMED",
        "''|NOT_WELL_FORMED",
        "<?xml version='1.0' encoding='ISO-8859-1'?><a/>|UNSUPPORTED_ENCODING",
    })
    void rejectsWithExactCondition(String xml, StreamErrorCondition expected) throws IOException {
        assertThat(parseFailure(xml)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<message><!-- c --></message>|RESTRICTED_XML",
        "<message><?pi x?></message>|RESTRICTED_XML",
        "<!DOCTYPE x><message/>|RESTRICTED_XML",
        "<message>&foo;</message>|RESTRICTED_XML",
        "<p:message/>|NOT_WELL_FORMED",
        "<message><body></message></body>|NOT_WELL_FORMED",
        "<message><body>hi</message>|NOT_WELL_FORMED",
        "<message><body>hi</bodyx></message>|NOT_WELL_FORMED",
        "<message><p:body xmlns:p='u'>hi</q:body></message>|NOT_WELL_FORMED",
        "<message><body>hi</body x></message>|NOT_WELL_FORMED",
        "hello<message/>|NOT_WELL_FORMED",
        "</stream:other>|NOT_WELL_FORMED",
    })
    void streamRejectsWithExactCondition(String xml, StreamErrorCondition expected)
            throws IOException {
        assertThat(streamFailure(xml)).isEqualTo(expected);
    }

    @Test
    void invalidUtf8IsNotWellFormed() throws IOException {
        byte[] bad = {'<', 'a', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'a', '>'};
        assertThat(parseFailure(bad)).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        byte[] stream = new byte[header.length + bad.length];
        System.arraycopy(header, 0, stream, 0, header.length);
        System.arraycopy(bad, 0, stream, header.length, bad.length);
        assertThat(streamFailure(new ByteArrayInputStream(stream), XmlLimits.DEFAULTS))
                .isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void nestingBeyondTheLimitIsPolicyViolation() throws IOException {
        int depth = XmlLimits.DEFAULTS.maxDepth() + 1;
        String deep = "<a>".repeat(depth) + "</a>".repeat(depth);
        assertThat(parseFailure(deep)).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(streamFailure(deep)).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        String ok = "<a>".repeat(depth - 1) + "</a>".repeat(depth - 1);
        assertThat(parser.parse(ok)).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void tooManyAttributesIsPolicyViolation() {
        StringBuilder sb = new StringBuilder("<a");
        for (int i = 0; i <= XmlLimits.DEFAULTS.maxAttributes(); i++) {
            sb.append(" a").append(i).append("='x'");
        }
        assertThat(parseFailure(sb.append("/>").toString()))
                .isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void hugeAttributeValueIsPolicyViolation() {
        String value = "v".repeat(XmlLimits.DEFAULTS.maxAttributeLength() + 1);
        assertThat(parseFailure("<a b='" + value + "'/>"))
                .isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void longTextIsPolicyViolation() {
        XmlParser small = new XmlParser(new XmlLimits(100_000, 8, 8, 1000, 100));
        ParseResult r = small.parse("<a>" + "t".repeat(1001) + "</a>");
        assertThat(((ParseResult.Failed) r).error().condition())
                .isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(small.parse("<a>" + "t".repeat(1000) + "</a>"))
                .isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void oversizeStanzaIsPolicyViolation() {
        String big = "<a>" + "x".repeat(XmlLimits.DEFAULTS.maxStanzaBytes()) + "</a>";
        assertThat(parseFailure(big)).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
    }

    /** 100 MB of 'a' inside one element: must stop after about the limit, not buffer it all. */
    @Test
    void oversizeStanzaOnStreamIsCutOffEarly() throws IOException {
        long total = 100L * 1024 * 1024;
        CountingEndlessText body = new CountingEndlessText(total);
        InputStream in = new SequenceInputStream(
                new ByteArrayInputStream((HEADER + "<message><body>").getBytes(StandardCharsets.UTF_8)),
                body);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThat(streamFailure(in, XmlLimits.DEFAULTS))
                        .isEqualTo(StreamErrorCondition.POLICY_VIOLATION));
        assertThat(body.served).isLessThan(XmlLimits.DEFAULTS.maxStanzaBytes() + 16_384);
    }

    /** An input stream of {@code size} bytes of 'a', counting what was actually read. */
    private static final class CountingEndlessText extends InputStream {
        private final long size;
        long served;

        CountingEndlessText(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            Arrays.fill(b, off, off + n, (byte) 'a');
            served += n;
            return n;
        }
    }
}
