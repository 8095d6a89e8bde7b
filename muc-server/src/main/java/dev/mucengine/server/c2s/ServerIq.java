package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Optional;

/**
 * Iq requests the server answers itself: to its domain (disco, ping, version, session, ad-hoc
 * commands, registration), to a user's own account (roster, disco, ping) and to other accounts
 * (disco), XEP-0049 private storage. Everything else gets {@code service-unavailable}.
 *
 * <p>Any engine partition may call it (a user's own iqs on the account's partition, iqs rooms
 * send on theirs), so each call holds this object's lock: the state behind it (private storage,
 * registration, the administrators' commands) is small and off the hot path.
 */
final class ServerIq {

    static final String PING = "urn:xmpp:ping";
    private static final String ROSTER = "jabber:iq:roster";
    private static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
    private static final String VERSION = "jabber:iq:version";

    private final ServerDisco disco;
    private final AdminCommands commands;
    private final InBandRegistration registration;
    private final PrivateStorage privateStorage;

    ServerIq(ServerDisco disco, AdminCommands commands, InBandRegistration registration,
            PrivateStorage privateStorage) {
        this.disco = disco;
        this.commands = commands;
        this.registration = registration;
        this.privateStorage = privateStorage;
    }

    /** An iq addressed to the server's domain. */
    synchronized List<Stanza> forServer(Iq iq) {
        if (!iq.type().isRequest()) {
            return List.of();
        }
        Optional<Element> q = iq.query();
        if (q.isEmpty()) {
            return unavailable(iq);
        }
        Element query = q.get();
        String ns = query.namespace();
        boolean get = iq.type() == IqType.GET;
        String node = query.attribute("node").orElse("");
        if (get && query.is(ServerDisco.INFO, "query") && node.isEmpty()) {
            return List.of(iq.resultReply(disco.serverInfo()));
        }
        if (get && query.is(ServerDisco.ITEMS, "query")) {
            if (node.equals(AdminCommands.NAMESPACE)) {
                return List.of(iq.resultReply(commands.items(iq.from().orElseThrow())));
            }
            return List.of(iq.resultReply(node.isEmpty() ? disco.serverItems() : ServerDisco.emptyItems(node)));
        }
        if (query.is(AdminCommands.NAMESPACE, "command")) {
            return List.of(commands.execute(iq, query));
        }
        if (get && ns.equals(PING) || ns.equals(SESSION)) {
            return List.of(iq.resultReply());
        }
        if (get && query.is(VERSION, "query")) {
            return List.of(iq.resultReply(Element.builder(VERSION, "query")
                    .textChild(VERSION, "name", "muc-engine serve")
                    .textChild(VERSION, "version", "0.1").build()));
        }
        return unavailable(iq);
    }

    /** An iq from {@code session} with no {@code to} or to its own bare JID (RFC 6121 §8.5.4). */
    synchronized List<Stanza> forAccount(Session session, Iq iq) {
        if (!iq.type().isRequest()) {
            return List.of();
        }
        Optional<Element> q = iq.query();
        if (q.isPresent() && q.get().is(ROSTER, "query")) {
            // No roster storage: every roster is empty, and pushes are acknowledged and forgotten.
            return List.of(iq.type() == IqType.GET ? iq.resultReply(Element.empty(ROSTER, "query")) : iq.resultReply());
        }
        if (q.isPresent() && q.get().is(PrivateStorage.NAMESPACE, "query")) {
            return List.of(privateStorage.handle(session.account(), iq, q.get()));
        }
        if (q.isPresent() && q.get().is(InBandRegistration.NAMESPACE, "query")) {
            InBandRegistration.Outcome outcome = registration.authenticated(
                    session.account().getLocalpart().toString(), iq, q.get());
            if (outcome.removed()) {
                privateStorage.forget(session.account());
                session.send(outcome.reply().element());
                session.close();
                return List.of();
            }
            return List.of(outcome.reply());
        }
        if (iq.to().isEmpty()) {
            return forServer(iq); // RFC 6120 §10.3.3: no 'to' means the server answers
        }
        return forOtherAccount(iq);
    }

    /** An iq to an account's bare JID: the server answers on the account's behalf. */
    synchronized List<Stanza> forOtherAccount(Iq iq) {
        if (!iq.type().isRequest()) {
            return List.of();
        }
        Optional<Element> q = iq.query();
        if (iq.type() == IqType.GET && q.isPresent() && q.get().attribute("node").isEmpty()) {
            if (q.get().is(ServerDisco.INFO, "query")) {
                return List.of(iq.resultReply(disco.accountInfo()));
            }
            if (q.get().is(ServerDisco.ITEMS, "query")) {
                return List.of(iq.resultReply(ServerDisco.emptyItems("")));
            }
            if (q.get().is(PING, "ping")) {
                return List.of(iq.resultReply());
            }
        }
        return unavailable(iq);
    }

    private static List<Stanza> unavailable(Iq iq) {
        return List.of(iq.errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)));
    }
}
