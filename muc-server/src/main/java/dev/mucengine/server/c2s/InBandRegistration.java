package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.Optional;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * XEP-0077 in-band registration with the plain username and password fields. Before
 * authentication it creates accounts (only with {@code --open-registration}); afterwards an
 * account may change its password or remove itself.
 */
final class InBandRegistration {

    static final String NAMESPACE = "jabber:iq:register";
    static final String FEATURE = "http://jabber.org/features/iq-register";

    private final Accounts accounts;

    InBandRegistration(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A register iq on an unauthenticated stream (§3.1). */
    Iq beforeAuthentication(Iq iq, Element query) {
        if (iq.type() == IqType.GET) {
            return iq.resultReply(Element.builder(NAMESPACE, "query")
                    .textChild(NAMESPACE, "instructions", "Choose a username and password.")
                    .child(Element.empty(NAMESPACE, "username"))
                    .child(Element.empty(NAMESPACE, "password")).build());
        }
        Optional<String> user = text(query, "username");
        Optional<String> password = text(query, "password");
        if (iq.type() != IqType.SET || user.isEmpty() || password.isEmpty() || !validLocalpart(user.get())) {
            return iq.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE));
        }
        if (!accounts.add(user.get(), password.get())) {
            return iq.errorReply(StanzaError.of(Condition.CONFLICT));
        }
        return iq.resultReply();
    }

    /**
     * A register iq from {@code user}'s session (§3.2, §3.3). The result says whether the
     * account was removed, in which case the caller ends the session.
     */
    Outcome authenticated(String user, Iq iq, Element query) {
        if (iq.type() == IqType.GET) {
            return new Outcome(iq.resultReply(Element.builder(NAMESPACE, "query")
                    .child(Element.empty(NAMESPACE, "registered"))
                    .textChild(NAMESPACE, "username", user).build()), false);
        }
        if (query.child(NAMESPACE, "remove").isPresent()) {
            accounts.remove(user);
            return new Outcome(iq.resultReply(), true);
        }
        Optional<String> password = text(query, "password");
        if (password.isEmpty()) {
            return new Outcome(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)), false);
        }
        accounts.changePassword(user, password.get());
        return new Outcome(iq.resultReply(), false);
    }

    record Outcome(Iq reply, boolean removed) {
    }

    private static Optional<String> text(Element query, String name) {
        return query.childText(NAMESPACE, name).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static boolean validLocalpart(String user) {
        try {
            Localpart.from(user);
            return true;
        } catch (XmppStringprepException e) {
            return false;
        }
    }
}
