package dev.mucengine.testkit.store;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.PmPolicy;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.Whois;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaResult;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.RoomRecord;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** The rooms, records and messages the contract stores: built with constructors, as a host would. */
final class ContractFixtures {

    static final EntityBareJid ROOM = room("council@muc.example.org");
    static final EntityBareJid OTHER_ROOM = room("lobby@muc.example.org");
    /** Epoch of the archive fixtures: message {@code i} is received {@code i} seconds after it. */
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    private ContractFixtures() {
    }

    static EntityBareJid room(String jid) {
        return JidCreate.entityBareFromOrThrowUnchecked(jid);
    }

    static Jid jid(String jid) {
        return JidCreate.fromOrThrowUnchecked(jid);
    }

    static BareJid bare(String jid) {
        return JidCreate.bareFromOrThrowUnchecked(jid);
    }

    static Resourcepart nick(String nick) {
        return Resourcepart.fromOrThrowUnchecked(nick);
    }

    /** Every field away from its default; module settings in an order that is not alphabetical. */
    static RoomConfig fullConfig() {
        return RoomConfig.defaults().toBuilder()
                .name("Conseil d'été — 会議 🗝")
                .description("Line one\nline two: <b>&amp;</b> \"quoted\" 'single'\ttab")
                .language("fr-CA")
                .persistent(true)
                .publicRoom(false)
                .membersOnly(true)
                .moderated(true)
                .password(Optional.of("s3cr&t <pw> ü"))
                .whois(Whois.ANYONE)
                .maxUsers(42)
                .presenceBroadcast(EnumSet.of(Role.MODERATOR, Role.NONE))
                .allowPm(PmPolicy.MODERATORS)
                .allowInvites(true)
                .changeSubject(true)
                .enableLogging(true)
                .getMemberList(EnumSet.of(Role.PARTICIPANT, Role.VISITOR, Role.MODERATOR))
                .allowVoiceRequests(false)
                .allowRegistration(true)
                .setting("x-wordfilter#words", List.of("gamma", "alpha", "beta"))
                .setting("muc#roomconfig_pubsub", List.of(""))
                .setting("x-empty", List.of())
                .setting("a-last-but-alphabetically-first", List.of("<&>", "😀"))
                .build();
    }

    /** A persistent room with the defaults otherwise. */
    static RoomConfig persistentConfig(String name) {
        return RoomConfig.defaults().toBuilder().persistent(true).name(name).build();
    }

    static AffiliationEntry entry(String jid, Affiliation affiliation) {
        return new AffiliationEntry(jid(jid), affiliation, Optional.empty(), Optional.empty());
    }

    static AffiliationEntry entry(String jid, Affiliation affiliation, String nick, String reason) {
        return new AffiliationEntry(jid(jid), affiliation, Optional.of(nick(nick)), Optional.of(reason));
    }

    static List<AffiliationEntry> fullAffiliations() {
        return List.of(
                entry("owner@example.net", Affiliation.OWNER),
                entry("admin@example.net", Affiliation.ADMIN, "Admin 🐢", "trusted"),
                new AffiliationEntry(jid("member@example.net"), Affiliation.MEMBER, Optional.of(nick("Mëmber")),
                        Optional.empty()),
                new AffiliationEntry(jid("spammer.example"), Affiliation.OUTCAST, Optional.empty(),
                        Optional.of("a whole domain of <spam> & worse")),
                entry("troll@example.org", Affiliation.OUTCAST));
    }

    /** A record with every part present and unusual. */
    static RoomRecord fullRecord(EntityBareJid jid) {
        return new RoomRecord(jid, fullConfig(), fullAffiliations(), Optional.of(richSubject(jid)),
                Optional.of(bare("creator@example.net")), Optional.of(roomVcard("iVBORw0KGgo=")));
    }

    /**
     * A room vCard (XEP-0054) as an owner would set it for an avatar (XEP-0486): a photo with its
     * type and base64 data folded over lines, a description with markup characters and non-ASCII.
     */
    static Element roomVcard(String binval) {
        return Element.builder(XmppNamespaces.VCARD, "vCard")
                .child(Element.builder(XmppNamespaces.VCARD, "PHOTO")
                        .textChild(XmppNamespaces.VCARD, "TYPE", "image/png")
                        .textChild(XmppNamespaces.VCARD, "BINVAL", binval + "\n")
                        .build())
                .textChild(XmppNamespaces.VCARD, "DESC", "Caf\u00e9 <des> & \"amis\" \uD83D\uDE00")
                .build();
    }

    /** A record with nothing but a persistent default configuration. */
    static RoomRecord plainRecord(EntityBareJid jid, String name) {
        return new RoomRecord(jid, persistentConfig(name), List.of(), Optional.empty(), Optional.empty());
    }

    static DurableChange.RoomStored stored(RoomRecord record) {
        return new DurableChange.RoomStored(record);
    }

    /**
     * A subject message exercising what XML can carry: xml:lang, a namespaced attribute, nested
     * elements in other namespaces, characters that need escaping, a carriage return, emoji and
     * whitespace between elements.
     */
    static Message richSubject(EntityBareJid room) {
        Element extension = Element.builder("urn:example:ext", "data")
                .attribute(new XmlName("urn:example:attr", "kind"), "a<b>&\"c'")
                .attribute("plain", "tab\there\nnewline")
                .text("\n  ")
                .child(Element.builder("urn:example:ext", "inner").text("x & y < z > w ]]> 🎉").build())
                .text("\n  ")
                .child(Element.builder("urn:example:other", "empty").build())
                .text("\r\n")
                .build();
        Element message = Element.builder(Stanza.CLIENT_NAMESPACE, "message")
                .attribute("from", room + "/Chair")
                .attribute("type", "groupchat")
                .attribute("id", "subject-1")
                .attribute(XmlName.xmlLang(), "de")
                .child(Element.builder(Stanza.CLIENT_NAMESPACE, "subject")
                        .attribute(XmlName.xmlLang(), "de")
                        .text("Tagesordnung: Äpfel & <Birnen> — 🍐")
                        .build())
                .child(extension)
                .build();
        return message(message);
    }

    static Message message(Element element) {
        StanzaResult parsed = Stanza.parse(element);
        if (parsed instanceof StanzaResult.Valid valid && valid.stanza() instanceof Message m) {
            return m;
        }
        throw new IllegalArgumentException("not a message: " + element);
    }

    /** Message {@code i} of an archive: received at {@code T0 + i} seconds, from nick {@code user<i % 3>}. */
    static ArchivedMessage archived(EntityBareJid room, int i) {
        String nick = "user" + (i % 3);
        return archived(room, "m" + i, T0.plusSeconds(i), nick,
                Optional.of(jid(nick + "@example.net/device" + (i % 2))), "message " + i);
    }

    static ArchivedMessage archived(EntityBareJid room, String id, Instant at, String nick, Optional<Jid> realJid,
            String body) {
        Message m = Message.builder(MessageType.GROUPCHAT)
                .from(JidCreate.entityFullFrom(room, nick(nick)))
                .id("client-" + id)
                .textChild("body", body)
                .child(Element.builder(XmppNamespaces.STANZA_ID, "stanza-id").attribute("id", id)
                        .attribute("by", room.toString()).build())
                .build();
        return new ArchivedMessage(id, at, nick(nick), realJid, m);
    }

    /** Archives messages {@code from} to {@code to - 1}, each followed by a trim, as the engine reports them. */
    static List<DurableChange> archiving(EntityBareJid room, int from, int to) {
        List<DurableChange> changes = new ArrayList<>();
        for (int i = from; i < to; i++) {
            changes.add(new DurableChange.MessageArchived(room, archived(room, i)));
            changes.add(new DurableChange.ArchiveTrimmed(room, Optional.empty(), OptionalInt.of(100_000)));
        }
        return changes;
    }

    /** A query with no filter and no bound: the first {@code max} messages. */
    static QueryBuilder query(int max) {
        return new QueryBuilder(max);
    }

    static List<String> ids(List<ArchivedMessage> messages) {
        List<String> ids = new ArrayList<>(messages.size());
        for (ArchivedMessage m : messages) {
            ids.add(m.id());
        }
        return ids;
    }

    static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add("m" + i);
        }
        return ids;
    }

    /** Builds an {@link ArchiveQuery} one part at a time. */
    static final class QueryBuilder {
        private Optional<Instant> start = Optional.empty();
        private Optional<Instant> end = Optional.empty();
        private Optional<Resourcepart> nick = Optional.empty();
        private Optional<Jid> realJid = Optional.empty();
        private Optional<String> afterId = Optional.empty();
        private Optional<String> beforeId = Optional.empty();
        private List<String> ids = List.of();
        private Optional<String> pageAfter = Optional.empty();
        private Optional<String> pageBefore = Optional.empty();
        private final int max;
        private boolean fromEnd;

        private QueryBuilder(int max) {
            this.max = max;
        }

        QueryBuilder start(Instant v) {
            start = Optional.of(v);
            return this;
        }

        QueryBuilder end(Instant v) {
            end = Optional.of(v);
            return this;
        }

        QueryBuilder nick(String v) {
            nick = Optional.of(ContractFixtures.nick(v));
            return this;
        }

        QueryBuilder realJid(String v) {
            realJid = Optional.of(jid(v));
            return this;
        }

        QueryBuilder afterId(String v) {
            afterId = Optional.of(v);
            return this;
        }

        QueryBuilder beforeId(String v) {
            beforeId = Optional.of(v);
            return this;
        }

        QueryBuilder ids(List<String> v) {
            ids = v;
            return this;
        }

        QueryBuilder pageAfter(String v) {
            pageAfter = Optional.of(v);
            return this;
        }

        QueryBuilder pageBefore(String v) {
            pageBefore = Optional.of(v);
            return this;
        }

        QueryBuilder fromEnd() {
            fromEnd = true;
            return this;
        }

        ArchiveQuery build() {
            return new ArchiveQuery(start, end, nick, realJid, afterId, beforeId, ids, pageAfter, pageBefore, max,
                    fromEnd);
        }
    }
}
