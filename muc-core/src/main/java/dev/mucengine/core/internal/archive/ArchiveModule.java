package dev.mucengine.core.internal.archive;

import dev.mucengine.core.internal.config.SettingField;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.ArchivePage;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.core.xml.Element;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * The room archive (XEP-0313) with its stanza ids (XEP-0359). A persistent room with archiving on
 * (muc#roomconfig_enablearchiving, on unless the service's room defaults turn it off) stamps every
 * groupchat message with a body, and every subject change, with {@code <stanza-id by='room'/>}
 * (the same id in every copy) and archives it as a durable change; it answers archive queries,
 * the query form and archive metadata on its bare JID. Every room removes stanza ids a sender
 * claims are the room's.
 *
 * <p>Who may query: occupants, and users affiliated with the room (members and above), never
 * outcasts (XEP-0313 §6.1.2 lets a room restrict access; others enter first). Results carry real
 * JIDs only for those who may see them live: everyone in a non-anonymous room, moderators, admins
 * and owners in a semi-anonymous one.
 */
public final class ArchiveModule implements RoomModule {

    /** The room setting that turns archiving on or off. */
    public static final String FIELD = "muc#roomconfig_enablearchiving";

    private static final SettingField ARCHIVING = new SettingField(FIELD, "Archive Messages?", true);

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(ARCHIVING);
    }

    /**
     * Whether the room archives: persistent, with archiving on.
     *
     * @param room the room
     * @return true if its groupchat messages go to its archive
     */
    public static boolean archives(RoomView room) {
        return room.config().persistent() && ARCHIVING.isOn(room.config());
    }

    /**
     * The stanza id the room stamped on a message it sent or archived (XEP-0359).
     *
     * @param message the message
     * @param room the room's address
     * @return the id by the room, if the message has one
     */
    public static Optional<String> stanzaId(Message message, EntityBareJid room) {
        return StanzaIds.idBy(message, room);
    }

    @Override
    public List<String> protocolFeatures(RoomView room) {
        return archives(room) ? List.of(XmppNamespaces.MAM, XmppNamespaces.MAM_EXTENDED, XmppNamespaces.STANZA_ID)
                : List.of();
    }

    @Override
    public Set<String> iqNamespaces() {
        return Set.of(XmppNamespaces.MAM);
    }

    @Override
    public Message decorateMessage(ModuleContext context, Occupant sender, Message message) {
        Message cleaned = StanzaIds.withoutClaims(message, context.room().jid());
        if (archives(context.room()) && MamAnswers.archivable(cleaned)) {
            return StanzaIds.stamped(cleaned, context.nextId(), context.room().jid());
        }
        return cleaned;
    }

    @Override
    public void groupchatSent(ModuleContext context, Occupant sender, Message reflected) {
        archive(context, sender, reflected);
    }

    @Override
    public void subjectChanged(ModuleContext context, Occupant sender, Message reflected) {
        archive(context, sender, reflected);
    }

    private static void archive(ModuleContext context, Occupant sender, Message reflected) {
        Optional<String> id = StanzaIds.idBy(reflected, context.room().jid());
        if (id.isPresent()) {
            context.archive(new ArchivedMessage(id.get(), context.now(), sender.nick(),
                    Optional.of(sender.realJid()), StanzaIds.forArchive(reflected)));
        }
    }

    @Override
    public void handleIq(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
        if (!archives(context.room())) {
            context.send(iq.errorReply(StanzaError.of(Condition.SERVICE_UNAVAILABLE)
                    .withText("This room keeps no archive")));
            return;
        }
        if (!mayRead(context, sender)) {
            context.send(iq.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Only occupants and members may read this room's archive")));
            return;
        }
        try {
            answer(context, iq, sender, query);
        } catch (StoreUnavailableException e) {
            context.send(iq.errorReply(StanzaError.of(Condition.RESOURCE_CONSTRAINT)
                    .withText("The archive is unavailable; try again later")));
        }
    }

    private static void answer(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
        if (query.is(XmppNamespaces.MAM, "metadata") && iq.type() == IqType.GET) {
            context.send(MamAnswers.metadata(iq, end(context, false), end(context, true)));
        } else if (query.is(XmppNamespaces.MAM, "query") && iq.type() == IqType.GET) {
            context.send(MamAnswers.form(iq));
        } else if (query.is(XmppNamespaces.MAM, "query")) {
            search(context, iq, sender, query);
        } else {
            context.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                    .withText("Expected a query (set or get) or metadata (get)")));
        }
    }

    /**
     * The oldest ({@code newest} false) or newest message a query can return: retention by age
     * applies to reads at once, even before the next archived message trims the store.
     */
    private static Optional<ArchivedMessage> end(ModuleContext context, boolean newest) {
        ArchiveQuery one = new ArchiveQuery(cutoff(context), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), 1, newest);
        return context.queryArchive(one).flatMap(page -> page.messages().stream().findFirst());
    }

    /** The instant before which retention by age has deleted messages, if it applies. */
    private static Optional<Instant> cutoff(ModuleContext context) {
        return context.archivePolicy().maxAge().map(context.now()::minus);
    }

    private static void search(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
        boolean seesRealJids = seesRealJids(context, sender);
        Checked<MamRequest> request = MamRequest.parse(query, context.room(), seesRealJids, context.archivePolicy(),
                cutoff(context));
        if (request.refusal().isPresent()) {
            context.send(iq.errorReply(request.refusal().get()));
            return;
        }
        Optional<ArchivePage> page = context.queryArchive(request.value().query());
        if (page.isEmpty()) {
            context.send(iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND)
                    .withText("An id of the query is not in this room's archive")));
            return;
        }
        MamAnswers.results(context, iq, request.value(), page.get(), seesRealJids);
    }

    /**
     * Those who may read the room now (XEP-0313 §6.1.2: the right to enter at the time of the
     * query): its occupants, and the affiliated who may enter at will: members, admins and owners,
     * but in a password-protected room only admins and owners (who may read the password). Never
     * outcasts. Strangers to an open room enter first: the room limits access further than the
     * XEP requires, so an archive is not open to anyone who never joined.
     */
    private static boolean mayRead(ModuleContext context, EntityFullJid sender) {
        Affiliation privilege = context.privilege(sender);
        if (privilege == Affiliation.OUTCAST) {
            return false;
        }
        if (context.room().occupantByRealJid(sender).isPresent()) {
            return true;
        }
        Affiliation needed = context.room().config().password().isPresent() ? Affiliation.ADMIN : Affiliation.MEMBER;
        return privilege.atLeast(needed);
    }

    /** As live: everyone in a non-anonymous room; moderators, admins and owners in a semi-anonymous one. */
    private static boolean seesRealJids(ModuleContext context, EntityFullJid sender) {
        return context.room().config().nonAnonymous() || context.actsAsModerator(sender);
    }
}
