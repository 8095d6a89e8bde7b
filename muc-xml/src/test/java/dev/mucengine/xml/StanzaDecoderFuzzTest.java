package dev.mucengine.xml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.xml.Element;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the stanza decoder (docs/testing.md): {@link XmlParser} then
 * {@link Stanza#parse} and the typed reads the engine makes of a stanza. Every input is a parsed
 * element or a typed stream error, never an exception; every element is a stanza or a typed
 * invalid result carrying an RFC 6120 condition; the reads of a stanza (type, body, query, error,
 * the MUC elements) never throw; the error reply the engine would send is well-formed.
 */
class StanzaDecoderFuzzTest {

    private static final XmlParser PARSER = new XmlParser(FuzzedElements.SMALL);

    @FuzzTest(maxDuration = "5s")
    void decodesAnyBytesIntoStanzasOrTypedErrors(byte[] input) {
        ParseResult standalone = PARSER.parse(input);
        if (standalone instanceof ParseResult.Parsed parsed) {
            FuzzedElements.assertWithinLimits(parsed.element(), FuzzedElements.SMALL);
            FuzzedElements.assertRoundTrips(parsed.element());
        }
        // As on a client stream: the stanza namespace is the default one.
        ParseResult fragment = PARSER.parseFragment(new String(input, StandardCharsets.UTF_8), Stanza.CLIENT_NAMESPACE);
        if (fragment instanceof ParseResult.Parsed parsed) {
            decode(parsed.element());
        }
    }

    private static void decode(Element element) {
        StanzaResult result = Stanza.parse(element);
        if (result instanceof StanzaResult.Invalid invalid) {
            assertThat(invalid.error().condition()).isIn(Condition.BAD_REQUEST, Condition.JID_MALFORMED);
            return;
        }
        Stanza stanza = ((StanzaResult.Valid) result).stanza();
        read(stanza);
        if (!stanza.isError()) {
            Stanza reply = stanza.errorReply(StanzaError.of(Condition.BAD_REQUEST));
            assertThat(reply.error()).map(StanzaError::condition).contains(Condition.BAD_REQUEST);
            FuzzedElements.assertRoundTrips(reply.element());
        }
    }

    /** The reads the engine makes before it decides anything; none may throw. */
    private static void read(Stanza stanza) {
        stanza.error();
        stanza.id();
        if (stanza instanceof Message m) {
            m.type();
            m.body();
            m.subject();
            m.payload(MucNamespaces.MUC_USER, "x").ifPresent(MucCodec::decodeUser);
        } else if (stanza instanceof Presence p) {
            p.type();
            p.show();
            p.status();
            p.payload(MucNamespaces.MUC, "x").ifPresent(MucCodec::decodeJoin);
            p.payload(MucNamespaces.MUC_USER, "x").ifPresent(MucCodec::decodeUser);
        } else if (stanza instanceof Iq iq) {
            iq.type();
            iq.query().ifPresent(query -> {
                for (Element item : query.children(MucNamespaces.MUC_ADMIN, "item")) {
                    MucCodec.decodeItem(item);
                }
                query.child(MucNamespaces.MUC_OWNER, "destroy").ifPresent(MucCodec::decodeDestroy);
            });
        }
    }
}
