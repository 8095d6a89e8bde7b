package dev.mucengine.testkit.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

    private static final String HEADER = """
            # A title
            # first description line
            # second description line
            ## tags: muc, smoke

            [Client] Romeo
            \tjid: romeo@localhost
            \tpassword: pw
            \tcolour: red

            [Client] Juliet
                jid: juliet@localhost/balcony

            -----

            """;

    private static Script parse(String body) throws ScriptException {
        return ScriptParser.standard().parse("dir/sample.scs", HEADER + body);
    }

    private static ScriptException failure(String body) {
        try {
            parse(body);
        } catch (ScriptException e) {
            return e;
        }
        throw new AssertionError("expected the script to be rejected");
    }

    @Test
    void readsMetadataAndClients() throws ScriptException {
        Script script = parse("Romeo connects\n");
        assertThat(script.name()).isEqualTo("sample");
        assertThat(script.title()).contains("A title");
        assertThat(script.description()).containsExactly("first description line", "second description line");
        assertThat(script.tags()).containsExactly("muc", "smoke");
        assertThat(script.clients()).extracting(ClientSpec::name).containsExactly("Romeo", "Juliet");
        ClientSpec romeo = script.clients().get(0);
        assertThat(romeo.jid().toString()).isEqualTo("romeo@localhost");
        assertThat(romeo.resource()).isEmpty();
        assertThat(romeo.password()).contains("pw");
        assertThat(romeo.properties()).containsEntry("colour", "red");
        assertThat(script.clients().get(1).resource().map(Object::toString)).contains("balcony");
    }

    @Test
    void readsEveryActionWithItsLine() throws ScriptException {
        Script script = parse("""
                Romeo connects
                # a comment

                Romeo sends:
                \t<presence to="room@conference.localhost/Romeo">
                \t\t<x xmlns="http://jabber.org/protocol/muc"/>
                \t</presence>

                Romeo receives:
                    <presence from="room@conference.localhost/Romeo"/>
                Romeo receives: nothing
                Romeo disconnects
                """);
        assertThat(script.actions()).hasSize(5);
        assertThat(script.actions().get(0)).isEqualTo(new Action.Connect("Romeo", 16));
        Action.Send send = (Action.Send) script.actions().get(1);
        assertThat(send.line()).isEqualTo(19);
        Element stanza = send.stanza().element();
        assertThat(stanza.name()).isEqualTo(new XmlName("jabber:client", "presence"));
        assertThat(stanza.children()).as("indentation is not content").hasSize(1);
        assertThat(stanza.elements().get(0).namespace()).isEqualTo("http://jabber.org/protocol/muc");
        assertThat(script.actions().get(2)).isInstanceOf(Action.Receive.class);
        assertThat(script.actions().get(3)).isEqualTo(new Action.ReceiveNothing("Romeo", 26));
        assertThat(script.actions().get(4)).isEqualTo(new Action.Disconnect("Romeo", 27));
    }

    @Test
    void expandsVariablesPerRun() throws ScriptException {
        Script script = parse("""
                Romeo connects
                Romeo sends:
                \t<message to="${Juliet's JID}"><body>${Romeo's full JID}</body></message>
                """);
        StanzaTemplate template = ((Action.Send) script.actions().get(1)).stanza();
        assertThat(template.variables()).containsExactlyInAnyOrder(
                new Variable("Juliet", false), new Variable("Romeo", true));
        Element expanded = template.expand(v -> v.client() + (v.fullJid() ? "-full" : "-bare"));
        assertThat(expanded.attribute("to")).contains("Juliet-bare");
        assertThat(expanded.elements().get(0).text()).isEqualTo("Romeo-full");
    }

    @Test
    void bindsScansionPrefixWhetherDeclaredOrNot() throws ScriptException {
        XmlName strict = new XmlName(ScansionNamespace.NAMESPACE, "strict");
        for (String declaration : new String[] {"", " xmlns:scansion='urn:somewhere:else'"}) {
            Script script = parse("Romeo connects\nRomeo receives:\n\t<message" + declaration
                    + "><x xmlns='urn:x' scansion:strict='false'/></message>\n");
            Element x = ((Action.Receive) script.actions().get(1)).expected().element().elements().get(0);
            assertThat(x.attribute(strict)).as(declaration).contains("false");
        }
    }

    @Test
    void keepsTextThatIsNotIndentation() throws ScriptException {
        Script script = parse("Romeo connects\nRomeo sends:\n\t<message><body> </body></message>\n");
        Element body = ((Action.Send) script.actions().get(1)).stanza().element().elements().get(0);
        assertThat(body.text()).isEqualTo(" ");
    }

    @Test
    void allowsStepsAfterDisconnecting() throws ScriptException {
        Script script = parse("Romeo connects\nRomeo disconnects\nRomeo sends:\n\t<presence type='unavailable'/>\n");
        assertThat(script.actions()).hasSize(3);
    }

    @Test
    void rejectsAnUnknownAction() {
        ScriptException e = failure("Romeo connects\nRomeo dances\n");
        assertThat(e.getMessage()).startsWith("dir/sample.scs:17: unknown action: Romeo dances");
        assertThat(e.line()).isEqualTo(17);
    }

    @Test
    void rejectsAnUnknownCharacter() {
        assertThat(failure("Mercutio connects\n").getMessage())
                .isEqualTo("dir/sample.scs:16: unknown character 'Mercutio' (declared: Romeo, Juliet)");
    }

    @Test
    void rejectsBrokenXmlAtItsLine() {
        assertThat(failure("Romeo connects\nRomeo sends:\n\t<message><body></message>\n").getMessage())
                .startsWith("dir/sample.scs:18: malformed XML");
    }

    @Test
    void rejectsSomethingThatIsNotAStanza() {
        assertThat(failure("Romeo connects\nRomeo sends:\n\t<foo/>\n").getMessage())
                .contains("expected a <message/>, <presence/> or <iq/> stanza");
    }

    @Test
    void rejectsAnUndefinedVariable() {
        assertThat(failure("Romeo connects\nRomeo sends:\n\t<message to=\"${Tybalt's JID}\"/>\n").getMessage())
                .isEqualTo("dir/sample.scs:18: undefined variable ${Tybalt's JID}: no client named 'Tybalt'");
        assertThat(failure("Romeo connects\nRomeo sends:\n\t<message to=\"${Romeo's nickname}\"/>\n").getMessage())
                .contains("unknown variable ${Romeo's nickname}");
    }

    @Test
    void rejectsActionsBeforeConnecting() {
        assertThat(failure("Romeo sends:\n\t<presence/>\n").getMessage())
                .isEqualTo("dir/sample.scs:16: Romeo sends before 'Romeo connects'");
        assertThat(failure("Romeo receives: nothing\n").getMessage()).contains("before 'Romeo connects'");
        assertThat(failure("Romeo disconnects\n").getMessage()).contains("Romeo disconnects but is not connected");
    }

    @Test
    void rejectsAStepWithoutItsStanza() {
        assertThat(failure("Romeo connects\nRomeo sends:\n\nRomeo disconnects\n").getMessage())
                .isEqualTo("dir/sample.scs:17: 'sends:' must be followed by the stanza on indented lines");
    }

    @Test
    void rejectsAMalformedHeader() {
        assertThatThrownBy(() -> ScriptParser.standard().parse("x.scs", "# t\n[Client] A\n\tjid: a@b\nA connects\n"))
                .isInstanceOf(ScriptException.class)
                .hasMessage("x.scs:4: expected '[Client] Name', a comment or the '-----' separator, found: A connects");
        assertThatThrownBy(() -> ScriptParser.standard().parse("x.scs", "[Client] A\n\tpassword: p\n-----\n"))
                .hasMessage("x.scs:1: client 'A' has no 'jid' property");
        assertThatThrownBy(() -> ScriptParser.standard().parse("x.scs", "# t\n[Client] A\n\tjid: a@b\n"))
                .hasMessageContaining("missing the '-----' line");
    }

    @Test
    void keepsUnknownClientProperties() throws ScriptException {
        assertThat(parse("").clients().get(0).properties())
                .isEqualTo(Map.of("jid", "romeo@localhost", "password", "pw", "colour", "red"));
    }
}
