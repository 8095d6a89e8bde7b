package dev.mucengine.core.internal.modules;

import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;

/**
 * The muc#admin namespace (XEP-0045 §8-§10): a get returns an affiliation or role list, a set
 * changes roles or affiliations. The consequences (presence, notices) are sent first, the iq
 * result last; an error changes nothing.
 */
final class AdminModule implements RoomModule {

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public Set<String> iqNamespaces() {
        return Set.of(MucNamespaces.MUC_ADMIN);
    }

    @Override
    public void handleIq(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
        if (iq.type() == IqType.GET) {
            context.send(AdminLists.answer(context, iq, query, sender));
            return;
        }
        Checked<AdminItems.Requests> parsed = AdminItems.parse(context.room(), query, context.limits());
        Optional<StanzaError> error = parsed.refusal();
        if (error.isEmpty()) {
            AdminItems.Requests requests = parsed.value();
            error = requests.roles().isEmpty()
                    ? context.changeAffiliations(sender, requests.affiliations())
                    : context.changeRoles(sender, requests.roles());
        }
        context.send(error.isPresent() ? iq.errorReply(error.get()) : iq.resultReply());
    }
}
