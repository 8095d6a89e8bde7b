package dev.mucengine.core.model;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * One thing a user does to a room, as the stanza a client sends. The fields are the raw strings a
 * client (or the fuzzer) puts on the wire; {@link #stanza()} is empty when they do not make a
 * stanza at all (a malformed address), which the decoder refuses before the engine sees it.
 * Records, so that a shrunk failing sequence prints readably.
 */
sealed interface Action {

    /** The acting session's full JID. */
    String user();

    /** The room acted on. */
    String room();

    /** The element the client sends. */
    Element element();

    /** The stanza, as {@link Stanza#parse} reads the element. */
    default Optional<Stanza> stanza() {
        return Stanza.parse(element()) instanceof StanzaResult.Valid valid
                ? Optional.of(valid.stanza()) : Optional.empty();
    }

    /** MUC join presence (with {@code <x xmlns='muc'/>} and perhaps a password): enter, create, or resync. */
    record Join(String user, String room, String nick, Optional<String> password) implements Action {
        @Override
        public Element element() {
            ElementBuilder x = Element.builder(MucNamespaces.MUC, "x");
            password.ifPresent(p -> x.textChild(MucNamespaces.MUC, "password", p));
            return addressed("presence", user, room + "/" + nick).child(x.build()).build();
        }
    }

    /** Presence without the MUC element: a nickname change, or a groupchat 1.0 entry (an instant room). */
    record Nick(String user, String room, String nick) implements Action {
        @Override
        public Element element() {
            return addressed("presence", user, room + "/" + nick).build();
        }
    }

    /** Unavailable presence: leaving. */
    record Leave(String user, String room) implements Action {
        @Override
        public Element element() {
            return addressed("presence", user, room + "/gone").attribute("type", "unavailable").build();
        }
    }

    /** A groupchat message. */
    record Say(String user, String room, String body) implements Action {
        @Override
        public Element element() {
            return addressed("message", user, room).attribute("type", "groupchat").attribute("id", "say")
                    .textChild(Stanza.CLIENT_NAMESPACE, "body", body).build();
        }
    }

    /** A muc#admin role change by nickname: kick (none), voice (participant/visitor), moderator. */
    record SetRole(String user, String room, String nick, String role) implements Action {
        @Override
        public Element element() {
            return iq(user, room, "set", Element.builder(MucNamespaces.MUC_ADMIN, "query")
                    .child(Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute("nick", nick)
                            .attribute("role", role).build()).build());
        }
    }

    /** A muc#admin affiliation change of a bare (or server) JID: member, admin, owner, outcast (ban), none. */
    record SetAffiliation(String user, String room, String target, String affiliation) implements Action {
        @Override
        public Element element() {
            return iq(user, room, "set", Element.builder(MucNamespaces.MUC_ADMIN, "query")
                    .child(Element.builder(MucNamespaces.MUC_ADMIN, "item").attribute("jid", target)
                            .attribute("affiliation", affiliation).build()).build());
        }
    }

    /** A muc#owner configuration submission of these fields (var without the muc#roomconfig_ prefix). */
    record Configure(String user, String room, Map<String, String> fields) implements Action {
        @Override
        public Element element() {
            ElementBuilder x = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "submit")
                    .child(field("FORM_TYPE", MucNamespaces.MUC_ROOMCONFIG));
            fields.forEach((var, value) -> x.child(field("muc#roomconfig_" + var, value)));
            return iq(user, room, "set", Element.builder(MucNamespaces.MUC_OWNER, "query").child(x.build()).build());
        }
    }

    /** A muc#owner destruction. */
    record Destroy(String user, String room) implements Action {
        @Override
        public Element element() {
            return iq(user, room, "set", Element.builder(MucNamespaces.MUC_OWNER, "query")
                    .child(Element.empty(MucNamespaces.MUC_OWNER, "destroy")).build());
        }
    }

    private static ElementBuilder addressed(String kind, String from, String to) {
        return Element.builder(Stanza.CLIENT_NAMESPACE, kind).attribute("from", from).attribute("to", to);
    }

    private static Element iq(String from, String to, String type, Element query) {
        return addressed("iq", from, to).attribute("type", type).attribute("id", "iq").child(query).build();
    }

    private static Element field(String var, String value) {
        return Element.builder(XmppNamespaces.DATA, "field").attribute("var", var)
                .textChild(XmppNamespaces.DATA, "value", value).build();
    }
}
