package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.xml.Element;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Stanzas modelled on XEP-0045's examples: parse, serialize, parse again. */
class Xep0045RoundTripTest {

    private static final String MUC = "http://jabber.org/protocol/muc";

    private final XmlParser parser = new XmlParser();
    private final XmlSerializer serializer = new XmlSerializer();

    static Stream<String> corpus() {
        return Stream.of(
                // join with password and history limit
                "<presence from='hag66@shakespeare.lit/pda' id='n13mt3l'"
                        + " to='coven@chat.shakespeare.lit/thirdwitch'>"
                        + "<x xmlns='" + MUC + "'><password>cauldronburn</password>"
                        + "<history maxstanzas='20'/></x></presence>",
                // self-presence with item and status codes
                "<presence from='coven@chat.shakespeare.lit/thirdwitch' id='n13mt3l'"
                        + " to='hag66@shakespeare.lit/pda'><x xmlns='" + MUC + "#user'>"
                        + "<item affiliation='member' role='participant'/>"
                        + "<status code='110'/><status code='100'/><status code='210'/></x>"
                        + "</presence>",
                // occupant presence with real jid and show/status
                "<presence from='coven@chat.shakespeare.lit/secondwitch'"
                        + " to='hag66@shakespeare.lit/pda'><show>away</show>"
                        + "<status xml:lang='en'>stirring the cauldron</status>"
                        + "<x xmlns='" + MUC + "#user'><item affiliation='admin'"
                        + " jid='wiccarocks@shakespeare.lit/laptop' role='moderator'/></x></presence>",
                // groupchat message
                "<message from='coven@chat.shakespeare.lit/thirdwitch' id='hysf1v37'"
                        + " to='crone1@shakespeare.lit/desktop' type='groupchat'>"
                        + "<body>Harpier cries: 'tis time, 'tis time.</body></message>",
                // subject change
                "<message from='coven@chat.shakespeare.lit/secondwitch' id='F437C672'"
                        + " to='crone1@shakespeare.lit/desktop' type='groupchat' xml:lang='en'>"
                        + "<subject>Fire Burn and Cauldron Bubble!</subject></message>",
                // history with delay
                "<message from='coven@chat.shakespeare.lit/firstwitch' id='162BEBB1'"
                        + " to='hecate@shakespeare.lit/broom' type='groupchat'>"
                        + "<body>Thrice the brinded cat hath mew'd.</body>"
                        + "<delay xmlns='urn:xmpp:delay' from='coven@chat.shakespeare.lit'"
                        + " stamp='2002-10-13T23:58:37Z'/></message>",
                // mediated invitation
                "<message from='crone1@shakespeare.lit/desktop' id='nzd143v8'"
                        + " to='coven@chat.shakespeare.lit'><x xmlns='" + MUC + "#user'>"
                        + "<invite to='hecate@shakespeare.lit'>"
                        + "<reason>Hey Hecate, this is the place for all good witches!</reason>"
                        + "</invite><password>cauldronburn</password></x></message>",
                // declined invitation
                "<message from='hecate@shakespeare.lit/broom' id='jk2vs61v'"
                        + " to='coven@chat.shakespeare.lit'><x xmlns='" + MUC + "#user'>"
                        + "<decline to='crone1@shakespeare.lit'><reason>Sorry, I'm too busy"
                        + " right now.</reason></decline></x></message>",
                // private message
                "<message from='wiccarocks@shakespeare.lit/laptop' id='hgn27af1'"
                        + " to='coven@chat.shakespeare.lit/firstwitch' type='chat'>"
                        + "<body>I'll give thee a wind.</body><x xmlns='" + MUC + "#user'/></message>",
                // kick with reason (admin)
                "<iq from='fluellen@shakespeare.lit/pda' id='kick1' to='harfleur@chat.shakespeare.lit'"
                        + " type='set'><query xmlns='" + MUC + "#admin'><item nick='pistol'"
                        + " role='none'><reason>Avaunt, you cullion!</reason></item></query></iq>",
                // ban
                "<iq from='kinghenryv@shakespeare.lit/throne' id='ban1'"
                        + " to='southampton@chat.shakespeare.lit' type='set'>"
                        + "<query xmlns='" + MUC + "#admin'><item affiliation='outcast'"
                        + " jid='earlofcambridge@shakespeare.lit'><reason>Treason</reason></item>"
                        + "</query></iq>",
                // member list request
                "<iq from='crone1@shakespeare.lit/desktop' id='member3'"
                        + " to='coven@chat.shakespeare.lit' type='get'>"
                        + "<query xmlns='" + MUC + "#admin'><item affiliation='member'/></query></iq>",
                // owner config form submit
                "<iq from='crone1@shakespeare.lit/desktop' id='create2'"
                        + " to='coven@chat.shakespeare.lit' type='set'>"
                        + "<query xmlns='" + MUC + "#owner'><x xmlns='jabber:x:data' type='submit'>"
                        + "<field var='FORM_TYPE'><value>" + MUC + "#roomconfig</value></field>"
                        + "<field var='muc#roomconfig_roomname'><value>A Dark Cave</value></field>"
                        + "<field var='muc#roomconfig_roomdesc'><value>The place for all good"
                        + " witches!</value></field>"
                        + "<field var='muc#roomconfig_persistentroom'><value>1</value></field>"
                        + "<field var='muc#roomconfig_roomadmins'>"
                        + "<value>wiccarocks@shakespeare.lit</value>"
                        + "<value>hecate@shakespeare.lit</value></field></x></query></iq>",
                // instant room
                "<iq from='crone1@shakespeare.lit/desktop' id='create1'"
                        + " to='coven@chat.shakespeare.lit' type='set'>"
                        + "<query xmlns='" + MUC + "#owner'><x xmlns='jabber:x:data'"
                        + " type='submit'/></query></iq>",
                // destroy
                "<iq from='crone1@shakespeare.lit/desktop' id='begone'"
                        + " to='heath@chat.shakespeare.lit' type='set'>"
                        + "<query xmlns='" + MUC + "#owner'><destroy jid='coven@chat.shakespeare.lit'>"
                        + "<password>cauldronburn</password><reason>Macbeth doth come.</reason>"
                        + "</destroy></query></iq>",
                // error presence
                "<presence from='coven@chat.shakespeare.lit/thirdwitch' id='n13mt3l'"
                        + " to='hag66@shakespeare.lit/pda' type='error'>"
                        + "<x xmlns='" + MUC + "'/><error by='coven@chat.shakespeare.lit'"
                        + " type='auth'><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
                        + "</error></presence>",
                // disco#info result with features
                "<iq from='coven@chat.shakespeare.lit' id='ik3vs715'"
                        + " to='hag66@shakespeare.lit/pda' type='result'>"
                        + "<query xmlns='http://jabber.org/protocol/disco#info'>"
                        + "<identity category='conference' name='A Dark Cave' type='text'/>"
                        + "<feature var='" + MUC + "'/><feature var='muc_passwordprotected'/>"
                        + "</query></iq>",
                // unavailable with kick status, multi-line whitespace
                "<presence from='harfleur@chat.shakespeare.lit/pistol'"
                        + " to='pistol@shakespeare.lit/harfleur' type='unavailable'>\n"
                        + "  <x xmlns='" + MUC + "#user'>\n"
                        + "    <item affiliation='none' role='none'>\n"
                        + "      <actor nick='Fluellen'/>\n"
                        + "      <reason>Avaunt, you cullion!</reason>\n"
                        + "    </item>\n    <status code='307'/>\n  </x>\n</presence>",
                // voice request form, message with xml:lang on body and a thread
                "<message from='hag66@shakespeare.lit/pda' id='yd53c486'"
                        + " to='coven@chat.shakespeare.lit'><body xml:lang='de'>Stimme &amp; Ton"
                        + " &lt;bitte&gt;</body><thread>e0ffe42b28561960c6b12b944a092794b9683a38</thread>"
                        + "<x xmlns='jabber:x:data' type='submit'><field var='muc#role'"
                        + " type='list-single'><value>participant</value></field></x></message>",
                // registration with nick
                "<iq from='hag66@shakespeare.lit/pda' id='reg2' to='coven@chat.shakespeare.lit'"
                        + " type='set'><query xmlns='jabber:iq:register'><x xmlns='jabber:x:data'"
                        + " type='submit'><field var='muc#register_roomnick'><value>thirdwitch"
                        + "</value></field></x></query></iq>");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void parseSerializeParseIsIdentityInAStream(String stanza) throws IOException {
        Element first = parsedInStream(stanza);
        assertThat(first.namespace()).isEqualTo("jabber:client");
        String wire = serializer.toXmlInStream(first, "jabber:client");
        assertThat(wire).doesNotContain("xmlns='jabber:client'");
        assertThat(parsedInStream(wire)).isEqualTo(first);
        // Same element read back as a standalone stanza and as a script fragment.
        assertThat(parsed(serializer.toXml(first))).isEqualTo(first);
        assertThat(parser.parseFragment(stanza, "jabber:client"))
                .isEqualTo(new ParseResult.Parsed(first));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void componentStreamRoundTripsThroughTheContentNamespace(String stanza) throws IOException {
        Element model = parsedInStream(stanza);
        String wire = serializer.toXmlInStream(model, "jabber:component:accept");
        List<StreamEvent> events = read("<stream:stream xmlns='jabber:component:accept'"
                + " xmlns:stream='http://etherx.jabber.org/streams'>" + wire);
        assertThat(events.get(1)).isEqualTo(new StreamEvent.ElementReceived(model));
    }

    private Element parsed(String xml) {
        ParseResult r = parser.parse(xml);
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).element();
    }

    private static Element parsedInStream(String stanza) throws IOException {
        List<StreamEvent> events = read("<stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams'>" + stanza);
        assertThat(events).hasSize(3).last().isEqualTo(new StreamEvent.InputEnded());
        return ((StreamEvent.ElementReceived) events.get(1)).element();
    }

    private static List<StreamEvent> read(String wire) throws IOException {
        XmppStreamReader r = new XmppStreamReader(
                new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
        List<StreamEvent> events = new ArrayList<>();
        StreamEvent e;
        do {
            e = r.next();
            events.add(e);
        } while (e instanceof StreamEvent.StreamOpened || e instanceof StreamEvent.ElementReceived);
        return events;
    }
}
