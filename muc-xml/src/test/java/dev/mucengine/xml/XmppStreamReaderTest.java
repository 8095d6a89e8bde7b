package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlName;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmppStreamReaderTest {

    private static final String STREAMS = "http://etherx.jabber.org/streams";
    private static final String CLIENT_HEADER = "<?xml version='1.0'?><stream:stream"
            + " xmlns='jabber:client' xmlns:stream='" + STREAMS + "'"
            + " to='muc.example' version='1.0' xml:lang='en'>";

    private static XmppStreamReader reader(String wire) {
        return new XmppStreamReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element element(StreamEvent event) {
        assertThat(event).isInstanceOf(StreamEvent.ElementReceived.class);
        return ((StreamEvent.ElementReceived) event).element();
    }

    private static StreamHeader opened(StreamEvent event) {
        assertThat(event).isInstanceOf(StreamEvent.StreamOpened.class);
        return ((StreamEvent.StreamOpened) event).header();
    }

    @Test
    void clientStreamHeaderStanzasKeepalivesAndClose() throws IOException {
        XmppStreamReader r = reader(CLIENT_HEADER
                + "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>"
                + " \n<presence to='room@muc.example/nick'/>\n \t"
                + "<message type='groupchat'><body>hi</body></message>  </stream:stream>");
        StreamHeader h = opened(r.next());
        assertThat(h.contentNamespace()).isEqualTo("jabber:client");
        assertThat(h.streamPrefix()).isEqualTo("stream");
        assertThat(h.namespaces()).isEqualTo(Map.of("", "jabber:client", "stream", STREAMS));
        assertThat(h.to()).contains("muc.example");
        assertThat(h.version()).contains("1.0");
        assertThat(h.lang()).contains("en");
        assertThat(h.from()).isEmpty();
        assertThat(element(r.next()).name()).isEqualTo(new XmlName(STREAMS, "features"));
        Element presence = element(r.next());
        assertThat(presence.name()).isEqualTo(new XmlName("jabber:client", "presence"));
        Element message = element(r.next());
        assertThat(message.childText("jabber:client", "body")).contains("hi");
        assertThat(r.next()).isEqualTo(new StreamEvent.StreamClosed());
        assertThat(r.next()).isEqualTo(new StreamEvent.StreamClosed());
    }

    @Test
    void componentStreamContentIsMappedToClientNamespace() throws IOException {
        XmppStreamReader r = reader("<stream:stream xmlns='jabber:component:accept'"
                + " xmlns:stream='" + STREAMS + "' to='muc.example'>"
                + "<handshake>aaee83c26aeeafcbabeabfcbcd50df997e0a2a1e</handshake>"
                + "<message from='a@b/c' to='room@muc.example'><body>x</body>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'/></message>"
                + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'/>");
        assertThat(opened(r.next()).contentNamespace()).isEqualTo("jabber:component:accept");
        assertThat(element(r.next()).name()).isEqualTo(new XmlName("jabber:client", "handshake"));
        Element message = element(r.next());
        assertThat(message.name()).isEqualTo(new XmlName("jabber:client", "message"));
        assertThat(message.child("jabber:client", "body")).isPresent();
        assertThat(message.child("http://jabber.org/protocol/muc#user", "x")).isPresent();
        assertThat(element(r.next()).namespace()).isEqualTo("urn:ietf:params:xml:ns:xmpp-sasl");
        assertThat(r.next()).isEqualTo(new StreamEvent.InputEnded());
    }

    @Test
    void serverStreamIsMappedToo() throws IOException {
        XmppStreamReader r = reader("<stream:stream xmlns='jabber:server' xmlns:stream='"
                + STREAMS + "'><iq type='get' id='1'/>");
        opened(r.next());
        assertThat(element(r.next()).namespace()).isEqualTo("jabber:client");
    }

    @Test
    void unknownContentNamespaceIsInvalidNamespace() throws IOException {
        XmppStreamReader r = reader("<stream:stream xmlns='urn:other' xmlns:stream='"
                + STREAMS + "'>");
        assertThat(r.next()).isEqualTo(new StreamEvent.StreamFailed(StreamError.of(
                StreamErrorCondition.INVALID_NAMESPACE,
                "unsupported stream content namespace 'urn:other'")));
    }

    @Test
    void wrongStreamNamespaceIsInvalidNamespace() throws IOException {
        StreamEvent e = reader("<stream:stream xmlns='jabber:client' xmlns:stream='urn:bad'>")
                .next();
        assertThat(((StreamEvent.StreamFailed) e).error().condition())
                .isEqualTo(StreamErrorCondition.INVALID_NAMESPACE);
    }

    @Test
    void elementBeforeHeaderIsBadFormat() throws IOException {
        StreamEvent e = reader("<message/>").next();
        assertThat(((StreamEvent.StreamFailed) e).error().condition())
                .isEqualTo(StreamErrorCondition.BAD_FORMAT);
    }

    @Test
    void connectionDropMidStanzaIsInputEnded() throws IOException {
        XmppStreamReader r = reader(CLIENT_HEADER + "<message><body>cut");
        opened(r.next());
        assertThat(r.next()).isEqualTo(new StreamEvent.InputEnded());
    }

    /**
     * A restart after SASL success: the client pipelines the new header right behind its last
     * element. The same reader reports the second header and the elements after it.
     */
    @Test
    void restartOnTheSameReaderKeepsPipelinedBytes() throws IOException {
        XmppStreamReader r = reader(CLIENT_HEADER
                + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGEAYg==</auth>"
                + "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='" + STREAMS + "' to='muc.example' version='1.0'>"
                + "<iq type='set' id='b'/></stream:stream>");
        opened(r.next());
        assertThat(element(r.next()).localName()).isEqualTo("auth");
        assertThat(opened(r.next()).to()).contains("muc.example");
        assertThat(element(r.next()).name()).isEqualTo(new XmlName("jabber:client", "iq"));
        assertThat(r.next()).isEqualTo(new StreamEvent.StreamClosed());
    }

    @Test
    void restartMayRebindTheStreamPrefix() throws IOException {
        XmppStreamReader r = reader(CLIENT_HEADER + "<a xmlns='urn:a'/>"
                + "<s:stream xmlns='jabber:client' xmlns:s='" + STREAMS + "'>"
                + "<s:features/><presence/></s:stream>");
        opened(r.next());
        element(r.next());
        assertThat(opened(r.next()).streamPrefix()).isEqualTo("s");
        assertThat(element(r.next()).name()).isEqualTo(new XmlName(STREAMS, "features"));
        assertThat(element(r.next()).namespace()).isEqualTo("jabber:client");
        assertThat(r.next()).isEqualTo(new StreamEvent.StreamClosed());
    }

    /** The element must arrive while the writer keeps the pipe open: no read-ahead blocking. */
    @Test
    void deliversEachElementBeforeTheStreamEndsOverAPipe() throws Exception {
        PipedOutputStream out = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(out, 65_536);
        XmppStreamReader r = new XmppStreamReader(in);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            write(out, CLIENT_HEADER);
            opened(r.next());
            write(out, "<presence to='room@muc.example/n'><x xmlns='http://jabber.org/protocol/muc'/>");
            write(out, "</presence>");
            assertThat(element(r.next()).localName()).isEqualTo("presence");
            write(out, " ");
            write(out, "<message><body>a</body></message>");
            assertThat(element(r.next()).localName()).isEqualTo("message");
            write(out, "</stream:stream>");
            assertThat(r.next()).isEqualTo(new StreamEvent.StreamClosed());
        });
        out.close();
    }

    /**
     * {@code <message><body>hi</message>} is balanced in depth only once more bytes arrive: the
     * mismatched end tag must fail the stream as it arrives, not wait for them.
     */
    @Test
    void mismatchedEndTagFailsAsSoonAsItArrives() throws Exception {
        PipedOutputStream out = new PipedOutputStream();
        XmppStreamReader r = new XmppStreamReader(new PipedInputStream(out, 65_536));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            write(out, CLIENT_HEADER);
            opened(r.next());
            write(out, "<message><body>hi</message>");
            StreamEvent failed = r.next();
            assertThat(failed).isInstanceOf(StreamEvent.StreamFailed.class);
            assertThat(((StreamEvent.StreamFailed) failed).error().condition())
                    .isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
        });
        out.close();
    }

    @Test
    void endTagsMayEndWithWhiteSpaceAndRepeatPrefixes() throws IOException {
        XmppStreamReader r = reader(CLIENT_HEADER + "<message><body >hi</body \n><p:x xmlns:p='urn:x'>"
                + "<p:y/></p:x\t></message ><iq id='1'/>");
        opened(r.next());
        Element message = element(r.next());
        assertThat(message.childText("jabber:client", "body")).contains("hi");
        assertThat(message.child("urn:x", "x")).isPresent();
        assertThat(element(r.next()).localName()).isEqualTo("iq");
    }

    /** After an element of almost the size limit, the reader goes on with small ones. */
    @Test
    void smallElementsFollowALargeOne() throws IOException {
        String big = "x".repeat(XmlLimits.DEFAULTS.maxStanzaBytes() - 100);
        XmppStreamReader r = reader(CLIENT_HEADER + "<message><body>" + big + "</body></message>"
                + "<message><body>small</body></message>");
        opened(r.next());
        assertThat(element(r.next()).childText("jabber:client", "body")).contains(big);
        assertThat(element(r.next()).childText("jabber:client", "body")).contains("small");
    }

    @Test
    void deliversEachElementBeforeTheStreamEndsOverASocket() throws Exception {
        try (ServerSocket server = new ServerSocket(0);
                Socket client = new Socket("127.0.0.1", server.getLocalPort());
                Socket accepted = server.accept()) {
            OutputStream out = client.getOutputStream();
            InputStream in = accepted.getInputStream();
            XmppStreamReader r = new XmppStreamReader(in);
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                write(out, CLIENT_HEADER);
                opened(r.next());
                // One byte at a time: the worst case for a parser that wants full buffers.
                for (byte b : "<iq type='get' id='x'><query xmlns='q'/></iq>"
                        .getBytes(StandardCharsets.UTF_8)) {
                    out.write(b);
                    out.flush();
                }
                assertThat(element(r.next()).attribute("id")).contains("x");
                write(out, "<iq id='y'/>");
                assertThat(element(r.next()).attribute("id")).contains("y");
            });
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
