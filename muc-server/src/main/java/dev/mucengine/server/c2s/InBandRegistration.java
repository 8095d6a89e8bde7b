package dev.mucengine.server.c2s;

import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.ErrorType;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * XEP-0077 in-band registration with the plain username and password fields. Before
 * authentication it creates accounts (only with {@code --open-registration}); afterwards an
 * account may change its password or remove itself.
 *
 * <p>Registration is throttled, or open registration would create accounts in bulk: at most
 * {@link ServeLimits#registrationsPerAddress()} accounts per IP address and
 * {@link ServeLimits#registrationsPerHour()} in all per hour; one more is refused with
 * {@code policy-violation} (type wait). Usernames and passwords have service limits
 * ({@code not-acceptable}) well below the protocol's (a localpart may take 1023 bytes,
 * RFC 7622 §3.3.1).
 */
final class InBandRegistration {

    static final String NAMESPACE = "jabber:iq:register";
    static final String FEATURE = "http://jabber.org/features/iq-register";

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_ADDRESSES = 10_000;
    private static final String EVERYONE = "";

    private final Accounts accounts;
    private final ServeLimits limits;
    private final RecentEvents<InetAddress> byAddress;
    private final RecentEvents<String> byEveryone;

    InBandRegistration(Accounts accounts, ServeLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
        this.byAddress = new RecentEvents<>(WINDOW, limits.registrationsPerAddress(), MAX_ADDRESSES);
        this.byEveryone = new RecentEvents<>(WINDOW, limits.registrationsPerHour(), 1);
    }

    /** A register iq on an unauthenticated stream from {@code source} (§3.1). */
    Iq beforeAuthentication(Iq iq, Element query, InetAddress source, long now) {
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
        Optional<StanzaError> tooLong = tooLong(user.get(), password.get());
        if (tooLong.isPresent()) {
            return iq.errorReply(tooLong.get());
        }
        if (byAddress.count(source, now) >= limits.registrationsPerAddress()
                || byEveryone.count(EVERYONE, now) >= limits.registrationsPerHour()) {
            return iq.errorReply(StanzaError.of(ErrorType.WAIT, Condition.POLICY_VIOLATION)
                    .withText("Too many accounts registered recently; try again later"));
        }
        if (!accounts.add(user.get(), password.get())) {
            return iq.errorReply(StanzaError.of(Condition.CONFLICT));
        }
        byAddress.record(source, now);
        byEveryone.record(EVERYONE, now);
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
        Optional<StanzaError> tooLong = tooLong(user, password.get());
        if (tooLong.isPresent()) {
            return new Outcome(iq.errorReply(tooLong.get()), false);
        }
        accounts.changePassword(user, password.get());
        return new Outcome(iq.resultReply(), false);
    }

    record Outcome(Iq reply, boolean removed) {
    }

    private Optional<StanzaError> tooLong(String user, String password) {
        if (user.codePointCount(0, user.length()) > limits.maxUsernameLength()) {
            return Optional.of(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("The username is longer than " + limits.maxUsernameLength() + " characters"));
        }
        if (password.length() > limits.maxPasswordLength()) {
            return Optional.of(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("The password is longer than " + limits.maxPasswordLength() + " characters"));
        }
        return Optional.empty();
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
