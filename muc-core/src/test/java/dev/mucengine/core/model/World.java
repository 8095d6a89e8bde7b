package dev.mucengine.core.model;

import java.util.List;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The small world the model tests and the engine fuzzer act in: one service, two rooms, four
 * sessions of three users (ann has two, cat is on another server, so that server-wide
 * affiliations apply to her), and an auditor, a service administrator who never joins and only
 * reads the rooms' state through muc#owner and muc#admin queries.
 */
final class World {

    static final DomainBareJid SERVICE = JidCreate.domainBareFromOrThrowUnchecked("muc.example");
    static final List<String> ROOMS = List.of("alpha@muc.example", "beta@muc.example");
    static final List<String> USERS = List.of(
            "ann@example.net/desk", "ann@example.net/phone", "bob@example.net/desk", "cat@example.org/desk");
    /** Affiliation targets: the users' bare JIDs, and cat's server. */
    static final List<String> TARGETS = List.of("ann@example.net", "bob@example.net", "cat@example.org", "example.org");
    static final List<String> NICKS = List.of("ann", "bob", "cat", "x");
    static final List<String> PASSWORDS = List.of("secret", "other");
    static final EntityFullJid AUDITOR = JidCreate.entityFullFromOrThrowUnchecked("auditor@example.com/audit");

    private World() {
    }

    static EntityBareJid room(String room) {
        return JidCreate.entityBareFromOrThrowUnchecked(room);
    }

    static EntityFullJid user(String user) {
        return JidCreate.entityFullFromOrThrowUnchecked(user);
    }

    /** Whether {@code to} is someone the service may write to: a user of this world or the auditor. */
    static boolean isAddressee(Jid to) {
        BareJid bare = to.asBareJid();
        return bare.equals(AUDITOR.asBareJid()) || USERS.stream().anyMatch(u -> user(u).asBareJid().equals(bare));
    }
}
