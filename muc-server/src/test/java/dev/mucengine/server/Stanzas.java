package dev.mucengine.server;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.service.MucService;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.store.RoomStore;
import dev.mucengine.xml.ParseResult;
import dev.mucengine.xml.XmlParser;
import org.jxmpp.jid.impl.JidCreate;

/** Stanzas from XML text, and the engine these tests confine. */
final class Stanzas {

    static final String SERVICE = "muc.localhost";

    private static final XmlParser PARSER = new XmlParser();

    private Stanzas() {
    }

    /** Parses one stanza; the default namespace is {@code jabber:client}. */
    static Stanza parse(String xml) {
        ParseResult parsed = PARSER.parseFragment(xml, "jabber:client");
        if (parsed instanceof ParseResult.Parsed p && Stanza.parse(p.element()) instanceof StanzaResult.Valid v) {
            return v.stanza();
        }
        throw new IllegalArgumentException("not a valid stanza: " + xml);
    }

    /** An owner's muc#owner configuration submission (XEP-0045 §10.2) setting one field. */
    static String configure(String owner, String room, String id, String var, String value) {
        return "<iq type='set' id='" + id + "' from='" + owner + "' to='" + room + "'>"
                + "<query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>http://jabber.org/protocol/muc#roomconfig</value></field>"
                + "<field var='" + var + "'><value>" + value + "</value></field></x></query></iq>";
    }

    static MucService service(RoomStore store) {
        return new MucService(ServiceConfig.of(JidCreate.domainBareFromOrThrowUnchecked(SERVICE)), store,
                IdSource.sequential("t-"));
    }
}
