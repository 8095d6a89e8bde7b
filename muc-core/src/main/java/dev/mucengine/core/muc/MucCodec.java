package dev.mucengine.core.muc;

import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * The one encoder and decoder of the MUC protocol elements (XEP-0045 §19): every
 * {@code <x xmlns='...muc#user'/>}, {@code <item/>}, {@code <destroy/>}, {@code <invite/>} and
 * {@code <decline/>} the engine sends is written here, and every one it reads is read here.
 *
 * <p>Items are written with their attributes in one order, {@code affiliation role jid nick},
 * then {@code <actor/>} and {@code <reason/>}. Decoding is strict where a value is malformed
 * (an unknown affiliation or role is {@code bad-request}, a malformed address
 * {@code jid-malformed}) and lenient where XEP-0045 gives no error (an unreadable history limit is
 * no limit).
 */
public final class MucCodec {

    private MucCodec() {
    }

    // ----- muc#user

    /**
     * {@code <x xmlns='...muc#user'/>}, in the order {@link MucUser} documents.
     *
     * @param x what the room says
     * @return the element
     */
    public static Element encode(MucUser x) {
        ElementBuilder b = Element.builder(MucNamespaces.MUC_USER, "x");
        for (StatusCode code : x.statuses()) {
            if (code != StatusCode.SELF_PRESENCE) {
                b.child(status(code));
            }
        }
        x.destroy().ifPresent(d -> b.child(encode(MucNamespaces.MUC_USER, d)));
        for (Invite invite : x.invites()) {
            b.child(invitation("invite", invite.from(), invite.to(), invite.reason()));
        }
        for (Decline decline : x.declines()) {
            b.child(invitation("decline", decline.from(), decline.to(), decline.reason()));
        }
        for (MucItem item : x.items()) {
            b.child(encode(MucNamespaces.MUC_USER, item));
        }
        x.password().ifPresent(p -> b.textChild(MucNamespaces.MUC_USER, "password", p));
        if (x.statuses().contains(StatusCode.SELF_PRESENCE)) {
            b.child(status(StatusCode.SELF_PRESENCE));
        }
        return b.build();
    }

    /**
     * Reads the invitations and declines of a muc#user {@code <x/>} sent to a room (status codes
     * and items are the room's to send, never to read).
     *
     * @param x a muc#user {@code <x/>} element
     * @return its invitations, declines and password, or jid-malformed for a malformed {@code from} or
     *     {@code to} address
     */
    public static Checked<MucUser> decodeUser(Element x) {
        List<Invite> invites = new ArrayList<>();
        List<Decline> declines = new ArrayList<>();
        try {
            for (Element e : x.children(MucNamespaces.MUC_USER, "invite")) {
                invites.add(new Invite(jid(e, "from"), jid(e, "to"), reason(e, MucNamespaces.MUC_USER)));
            }
            for (Element e : x.children(MucNamespaces.MUC_USER, "decline")) {
                declines.add(new Decline(jid(e, "from"), jid(e, "to"), reason(e, MucNamespaces.MUC_USER)));
            }
        } catch (Malformed e) {
            return Checked.refused(e.condition, e.getMessage());
        }
        Optional<String> password = x.childText(MucNamespaces.MUC_USER, "password");
        return Checked.accepted(new MucUser(Set.of(), Optional.empty(), invites, declines, List.of(), password));
    }

    private static Element invitation(String name, Optional<Jid> from, Optional<Jid> to, Optional<String> reason) {
        ElementBuilder b = Element.builder(MucNamespaces.MUC_USER, name);
        from.ifPresent(j -> b.attribute("from", j.toString()));
        to.ifPresent(j -> b.attribute("to", j.toString()));
        reason.ifPresent(r -> b.textChild(MucNamespaces.MUC_USER, "reason", r));
        return b.build();
    }

    /**
     * {@code <status code='...'/>}.
     *
     * @param code the status code
     * @return the muc#user {@code <status/>} element
     */
    public static Element status(StatusCode code) {
        return Element.builder(MucNamespaces.MUC_USER, "status").attribute("code", code.wireName()).build();
    }

    // ----- items (muc#user and muc#admin)

    /**
     * An {@code <item/>} in {@code namespace} (muc#user or muc#admin).
     *
     * @param namespace {@link MucNamespaces#MUC_USER} or {@link MucNamespaces#MUC_ADMIN}
     * @param item the item
     * @return the element, attributes in the order {@code affiliation role jid nick}
     */
    public static Element encode(String namespace, MucItem item) {
        ElementBuilder b = Element.builder(namespace, "item");
        item.affiliation().ifPresent(a -> b.attribute("affiliation", a.wireName()));
        item.role().ifPresent(r -> b.attribute("role", r.wireName()));
        item.jid().ifPresent(j -> b.attribute("jid", j.toString()));
        item.nick().ifPresent(n -> b.attribute("nick", n));
        item.actor().ifPresent(actor -> {
            ElementBuilder a = Element.builder(namespace, "actor");
            actor.nick().ifPresent(n -> a.attribute("nick", n));
            actor.jid().ifPresent(j -> a.attribute("jid", j.toString()));
            b.child(a.build());
        });
        item.reason().ifPresent(r -> b.textChild(namespace, "reason", r));
        return b.build();
    }

    /**
     * Reads an {@code <item/>} of either namespace; an {@code <actor/>} in it is ignored (the room
     * names actors).
     *
     * @param item an {@code <item/>} element of muc#user or muc#admin
     * @return the item, or bad-request for an unknown affiliation or role, jid-malformed for a
     *     malformed {@code jid}
     */
    public static Checked<MucItem> decodeItem(Element item) {
        try {
            Optional<Affiliation> affiliation = Optional.empty();
            Optional<String> a = item.attribute("affiliation");
            if (a.isPresent()) {
                affiliation = Optional.of(Affiliation.fromWire(a.get())
                        .orElseThrow(() -> new Malformed(Condition.BAD_REQUEST, "Unknown affiliation")));
            }
            Optional<Role> role = Optional.empty();
            Optional<String> r = item.attribute("role");
            if (r.isPresent()) {
                role = Optional.of(Role.fromWire(r.get())
                        .orElseThrow(() -> new Malformed(Condition.BAD_REQUEST, "Unknown role")));
            }
            return Checked.accepted(new MucItem(affiliation, role, jid(item, "jid"), item.attribute("nick"),
                    Optional.empty(), reason(item, item.namespace())));
        } catch (Malformed e) {
            return Checked.refused(e.condition, e.getMessage());
        }
    }

    /**
     * {@code <query xmlns='...muc#admin'/>} holding {@code items}: an answer to a list request (§9.5).
     *
     * @param items the items, in order
     * @return the query element
     */
    public static Element adminQuery(List<MucItem> items) {
        ElementBuilder query = Element.builder(MucNamespaces.MUC_ADMIN, "query");
        for (MucItem item : items) {
            query.child(encode(MucNamespaces.MUC_ADMIN, item));
        }
        return query.build();
    }

    // ----- destroy (muc#owner request, muc#user notice)

    /**
     * {@code <destroy/>} in {@code namespace} (muc#owner or muc#user).
     *
     * @param namespace {@link MucNamespaces#MUC_OWNER} or {@link MucNamespaces#MUC_USER}
     * @param destroy the destruction
     * @return the element
     */
    public static Element encode(String namespace, Destroy destroy) {
        ElementBuilder b = Element.builder(namespace, "destroy");
        destroy.alternate().ifPresent(j -> b.attribute("jid", j.toString()));
        destroy.reason().ifPresent(r -> b.textChild(namespace, "reason", r));
        destroy.password().ifPresent(p -> b.textChild(namespace, "password", p));
        return b.build();
    }

    /**
     * Reads {@code <destroy/>} of either namespace; a malformed alternate venue is jid-malformed.
     *
     * @param destroy a {@code <destroy/>} element of muc#owner or muc#user
     * @return the destruction, or jid-malformed
     */
    public static Checked<Destroy> decodeDestroy(Element destroy) {
        try {
            String ns = destroy.namespace();
            return Checked.accepted(new Destroy(jid(destroy, "jid"), destroy.childText(ns, "reason"),
                    destroy.childText(ns, "password")));
        } catch (Malformed e) {
            return Checked.refused(e.condition, e.getMessage());
        }
    }

    // ----- muc (join)

    /**
     * Reads a join request's {@code <x xmlns='...muc'/>}: password and history limits. Never fails:
     * an unreadable history limit is no limit.
     *
     * @param x the muc {@code <x/>} element of a join presence
     * @return the join request
     */
    public static MucJoin decodeJoin(Element x) {
        Optional<String> password = x.childText(MucNamespaces.MUC, "password");
        Optional<Element> h = x.child(MucNamespaces.MUC, "history");
        if (h.isEmpty()) {
            return new MucJoin(password, HistoryRequest.EVERYTHING);
        }
        Element history = h.get();
        Optional<Instant> since = Optional.empty();
        try {
            since = history.attribute("since").map(Instant::parse);
        } catch (DateTimeParseException e) {
            // An unparseable date cannot restrict anything; XEP-0045 gives no error for it.
        }
        return new MucJoin(password, new HistoryRequest(count(history, "maxchars"), count(history, "maxstanzas"),
                count(history, "seconds"), since));
    }

    private static OptionalInt count(Element e, String name) {
        Optional<String> raw = e.attribute(name);
        if (raw.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Math.max(0, Integer.parseInt(raw.get().trim())));
        } catch (NumberFormatException ex) {
            return OptionalInt.empty();
        }
    }

    // ----- shared

    private static Optional<Jid> jid(Element e, String attribute) throws Malformed {
        Optional<String> raw = e.attribute(attribute);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (raw.get().isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return Optional.of(JidCreate.from(raw.get()));
        } catch (XmppStringprepException | IllegalArgumentException ex) {
            throw new Malformed(Condition.JID_MALFORMED, "Malformed address in <" + e.localName() + "/>");
        }
    }

    private static Optional<String> reason(Element e, String namespace) {
        return e.childText(namespace, "reason");
    }

    /** A malformed value found while decoding; becomes a {@link Checked.Refused}. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final Condition condition;

        Malformed(Condition condition, String text) {
            super(text, null, false, false);
            this.condition = condition;
        }
    }
}
