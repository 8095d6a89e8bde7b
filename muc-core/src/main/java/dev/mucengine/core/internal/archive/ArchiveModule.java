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
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.xml.Element;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * outcasts (XEP-0313 §5.1.2 lets a room restrict access; others enter first). Results carry real
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

    /** Whether the room archives: persistent, with archiving on. */
    static boolean archives(RoomView room) {
        return room.config().persistent() && ARCHIVING.isOn(room.config());
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
        if (query.is(XmppNamespaces.MAM, "metadata") && iq.type() == IqType.GET) {
            context.send(MamAnswers.metadata(iq, context.archiveSummary()));
        } else if (query.is(XmppNamespaces.MAM, "query") && iq.type() == IqType.GET) {
            context.send(MamAnswers.form(iq));
        } else if (query.is(XmppNamespaces.MAM, "query")) {
            search(context, iq, sender, query);
        } else {
            context.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST)
                    .withText("Expected a query (set or get) or metadata (get)")));
        }
    }

    private static void search(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
        boolean seesRealJids = seesRealJids(context, sender);
        Checked<MamRequest> request = MamRequest.parse(query, context.room(), seesRealJids, context.archivePolicy());
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

    /** Occupants, and members, admins and owners present or not; never outcasts. */
    private static boolean mayRead(ModuleContext context, EntityFullJid sender) {
        Affiliation privilege = context.privilege(sender);
        if (privilege == Affiliation.OUTCAST) {
            return false;
        }
        return privilege.atLeast(Affiliation.MEMBER) || context.room().occupantByRealJid(sender).isPresent();
    }

    /** As live: everyone in a non-anonymous room; moderators, admins and owners in a semi-anonymous one. */
    private static boolean seesRealJids(ModuleContext context, EntityFullJid sender) {
        return context.room().config().nonAnonymous() || context.actsAsModerator(sender);
    }
}
