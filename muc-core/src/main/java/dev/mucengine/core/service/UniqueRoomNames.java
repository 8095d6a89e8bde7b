package dev.mucengine.core.service;

import dev.mucengine.core.api.IdSource;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Text;
import java.util.Locale;
import java.util.function.Predicate;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * XEP-0045 §10.1.4: a room name no room has, for a user about to create a room. The name is
 * drawn as secret material ({@link IdSource#nextSecret()}) rather than as an id: the service's ids
 * are public and counted, and a name someone could predict is a name someone could take first.
 * Nothing is reserved: the user creates the room by entering it, as any other.
 */
final class UniqueRoomNames {

    /** Tries before giving up; a collision with a secret-derived name is not expected at all. */
    private static final int ATTEMPTS = 8;

    private UniqueRoomNames() {
    }

    static Iq answer(Iq request, DomainBareJid domain, Predicate<EntityBareJid> taken, IdSource ids) {
        if (request.type() != IqType.GET) {
            return request.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("Ask with an iq get"));
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            // Localparts compare case-insensitively (RFC 7622 §3.3): lower case is the name as stored.
            String name = ids.nextSecret().toLowerCase(Locale.ROOT);
            try {
                EntityBareJid jid = JidCreate.entityBareFrom(name + "@" + domain);
                if (!taken.test(jid)) {
                    return request.resultReply(Element.builder(MucNamespaces.MUC_UNIQUE, "unique")
                            .child(new Text(jid.getLocalpart().toString())).build());
                }
            } catch (XmppStringprepException e) {
                // not a valid localpart: draw again
            }
        }
        return request.errorReply(StanzaError.of(Condition.RESOURCE_CONSTRAINT));
    }
}
