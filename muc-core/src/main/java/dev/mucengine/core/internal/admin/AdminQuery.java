package dev.mucengine.core.internal.admin;

import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.internal.room.AffiliationChanger;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.internal.room.RoomIqHandler;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;

/**
 * The muc#admin namespace: a get returns a list, a set changes roles or affiliations. The
 * consequences (presence, notifications) are sent first, the iq result last; an error changes
 * nothing.
 */
public final class AdminQuery implements RoomIqHandler {

    private final AffiliationChanger affiliations;
    private final RoleChanges roles;
    private final AdminLists lists;

    public AdminQuery() {
        this(new AffiliationChanges());
    }

    public AdminQuery(AffiliationChanger affiliations) {
        this.affiliations = affiliations;
        this.roles = new RoleChanges();
        this.lists = new AdminLists();
    }

    @Override
    public String namespace() {
        return MucNamespaces.MUC_ADMIN;
    }

    @Override
    public void handle(Room room, Iq iq, EntityFullJid sender, Element query, RoomContext context, Outbox out) {
        if (iq.type() == IqType.GET) {
            out.send(lists.answer(room, iq, query, sender, context));
            return;
        }
        AdminItems.Parsed parsed = AdminItems.parse(room, query, context.limits());
        Optional<StanzaError> error = parsed.error();
        if (error.isEmpty()) {
            error = parsed.roles().isEmpty()
                    ? affiliations.apply(room, sender, parsed.affiliations(), context, out)
                    : roles.apply(room, sender, parsed.roles(), context, out);
        }
        out.send(error.isPresent() ? iq.errorReply(error.get()) : iq.resultReply());
    }
}
