package dev.mucengine.core.internal.archive;

import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucItem;
import dev.mucengine.core.muc.MucUser;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.ArchivePage;
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import dev.mucengine.core.xml.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the room answers to archive requests (XEP-0313): the results of a query, one message
 * each, then the iq result with {@code <fin/>}; the query form; the archive metadata.
 */
final class MamAnswers {

    private MamAnswers() {
    }

    /**
     * Sends one result message per archived message (newest first if the request flips the page),
     * then the iq result. Real JIDs go into the results only when {@code seesRealJids}.
     */
    static void results(ModuleContext context, Iq iq, MamRequest request, ArchivePage page, boolean seesRealJids) {
        List<ArchivedMessage> messages = new ArrayList<>(page.messages());
        if (request.flip()) {
            Collections.reverse(messages);
        }
        for (ArchivedMessage m : messages) {
            ElementBuilder result = Element.builder(XmppNamespaces.MAM, "result").attribute("id", m.id());
            request.queryId().ifPresent(q -> result.attribute("queryid", q));
            result.child(Element.builder(XmppNamespaces.FORWARD, "forwarded")
                    .child(Element.builder(XmppNamespaces.DELAY, "delay").attribute("stamp", m.at().toString()).build())
                    .child(forwarded(m, seesRealJids))
                    .build());
            context.send(Message.builder(MessageType.NORMAL).from(context.room().jid()).to(iq.from().orElseThrow())
                    .id(context.nextId()).child(result.build()).build());
        }
        ElementBuilder fin = Element.builder(XmppNamespaces.MAM, "fin");
        if (page.complete()) {
            fin.attribute("complete", "true");
        }
        ElementBuilder set = Element.builder(XmppNamespaces.RSM, "set");
        if (!page.messages().isEmpty()) {
            set.textChild(XmppNamespaces.RSM, "first", page.messages().get(0).id());
            set.textChild(XmppNamespaces.RSM, "last", page.messages().get(page.messages().size() - 1).id());
        }
        context.send(iq.resultReply(fin.child(set.build()).build()));
    }

    /**
     * The archived message as it is forwarded (XEP-0313 §6.1.2): no {@code to}, from the sender's
     * occupant JID, and the sender's real JID in a muc#user item for those who may see it.
     */
    private static Element forwarded(ArchivedMessage m, boolean seesRealJids) {
        Element e = m.message().element().withoutAttribute("to");
        if (seesRealJids && m.realJid().isPresent()) {
            List<Node> children = new ArrayList<>(e.children());
            children.add(MucCodec.encode(MucUser.of(Set.of(), MucItem.EMPTY.withJid(m.realJid().get()))));
            e = e.withChildren(children);
        }
        return e;
    }

    /** The query form (XEP-0313 §4.1.5): the fields this archive supports; {@code ids} is open-ended. */
    static Iq form(Iq iq) {
        ElementBuilder x = Element.builder(XmppNamespaces.DATA, "x").attribute("type", "form")
                .child(field("FORM_TYPE", "hidden").child(Element.builder(XmppNamespaces.DATA, "value")
                        .text(XmppNamespaces.MAM).build()).build())
                .child(field("with", "jid-single").build())
                .child(field("start", "text-single").build())
                .child(field("end", "text-single").build())
                .child(field("before-id", "text-single").build())
                .child(field("after-id", "text-single").build())
                .child(field("ids", "list-multi").child(Element.builder(XmppNamespaces.DATA_VALIDATE, "validate")
                        .attribute("datatype", "xs:string").child(Element.empty(XmppNamespaces.DATA_VALIDATE, "open"))
                        .build()).build());
        return iq.resultReply(Element.builder(XmppNamespaces.MAM, "query").child(x.build()).build());
    }

    private static ElementBuilder field(String var, String type) {
        return Element.builder(XmppNamespaces.DATA, "field").attribute("type", type).attribute("var", var);
    }

    /** The archive's bounds (XEP-0313 §5): its oldest and newest messages, nothing when it is empty. */
    static Iq metadata(Iq iq, Optional<ArchivedMessage> first, Optional<ArchivedMessage> last) {
        ElementBuilder metadata = Element.builder(XmppNamespaces.MAM, "metadata");
        if (first.isPresent() && last.isPresent()) {
            metadata.child(bound("start", first.get())).child(bound("end", last.get()));
        }
        return iq.resultReply(metadata.build());
    }

    private static Element bound(String name, ArchivedMessage m) {
        return Element.builder(XmppNamespaces.MAM, name).attribute("id", m.id())
                .attribute("timestamp", m.at().toString()).build();
    }

    /** True for a message the archive keeps: a groupchat message with a body, or a subject change. */
    static boolean archivable(Stanza message) {
        return message instanceof Message m && m.type() == MessageType.GROUPCHAT
                && (m.body().isPresent() || m.subject().isPresent());
    }
}
