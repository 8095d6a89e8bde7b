package dev.mucengine.bench;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.ParseResult;
import dev.mucengine.xml.XmlParser;
import dev.mucengine.xml.XmlSerializer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The codec: a groupchat message as a room sends it (stanza id, occupant id) parsed from UTF-8
 * bytes into a stanza, and serialized back. Bytes per second: the stanza's length (printed by
 * {@link #setUp}) divided by the time per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    static final String GROUPCHAT = "<message xmlns='jabber:client' type='groupchat' id='a5b1c2'"
            + " from='bench@conference.localhost/juliet' to='romeo@localhost/balcony'>"
            + "<body>Hello, room: a message of a usual length, some sixty characters.</body>"
            + "<stanza-id xmlns='urn:xmpp:sid:0' id='3f0e8a3c-62a1-4c55-9d0e-6f8f2b1c9e77'"
            + " by='bench@conference.localhost'/>"
            + "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='aJO6ioiC36rLZLxUy2f9hALOB-UKu4m_t0RsiEhjZ0g'/>"
            + "</message>";

    private final XmlParser parser = new XmlParser();
    private final XmlSerializer serializer = new XmlSerializer();
    private byte[] bytes;
    private Element element;

    @Setup
    public void setUp() {
        bytes = GROUPCHAT.getBytes(StandardCharsets.UTF_8);
        element = ((ParseResult.Parsed) parser.parse(bytes)).element();
        System.out.println("codec benchmark stanza: " + bytes.length + " bytes");
    }

    @Benchmark
    public StanzaResult parse() {
        return Stanza.parse(((ParseResult.Parsed) parser.parse(bytes)).element());
    }

    @Benchmark
    public String serialize() {
        return serializer.toXml(element);
    }
}
