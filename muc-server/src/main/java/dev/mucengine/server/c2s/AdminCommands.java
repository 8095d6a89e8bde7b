package dev.mucengine.server.c2s;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * XEP-0133 service administration over XEP-0050 ad-hoc commands: add-user and delete-user, for
 * the {@code --admin} accounts only. Each command is two steps: execute (the server answers with
 * a form) and submit. Used through
 * {@link ServerIq} only, under its lock (delete-user closes the deleted account's sessions).
 */
final class AdminCommands {

    static final String NAMESPACE = "http://jabber.org/protocol/commands";
    static final String ADMIN_FORM = "http://jabber.org/protocol/admin";
    static final String ADD_USER = ADMIN_FORM + "#add-user";
    static final String DELETE_USER = ADMIN_FORM + "#delete-user";

    private final ServerIdentity identity;
    private final Accounts accounts;
    private final SessionTable sessions;

    AdminCommands(ServerIdentity identity, Accounts accounts, SessionTable sessions) {
        this.identity = identity;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** disco#items for the commands node: only administrators see the commands. */
    Element items(Jid requester) {
        ElementBuilder q = Element.builder(ServerDisco.ITEMS, "query").attribute("node", NAMESPACE);
        if (identity.isAdmin(requester.asBareJid())) {
            q.child(item(ADD_USER, "Add a User")).child(item(DELETE_USER, "Delete a User"));
        }
        return q.build();
    }

    Iq execute(Iq iq, Element command) {
        if (iq.type() != IqType.SET) {
            return iq.errorReply(StanzaError.of(Condition.BAD_REQUEST));
        }
        String node = command.attribute("node").orElse("");
        if (!node.equals(ADD_USER) && !node.equals(DELETE_USER)) {
            return iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND));
        }
        if (iq.from().isEmpty() || !identity.isAdmin(iq.from().get().asBareJid())) {
            return iq.errorReply(StanzaError.of(Condition.FORBIDDEN));
        }
        String sessionId = command.attribute("sessionid").orElseGet(() -> UUID.randomUUID().toString());
        if (command.attribute("action").orElse("execute").equals("cancel")) {
            return iq.resultReply(status(node, sessionId, "canceled").build());
        }
        Optional<DataForm> submitted = command.child(XmppNamespaces.DATA, "x")
                .map(DataForm::fromElement).filter(f -> f.type().equals("submit"));
        if (submitted.isEmpty()) {
            return iq.resultReply(status(node, sessionId, "executing")
                    .child(Element.builder(NAMESPACE, "actions").attribute("execute", "complete")
                            .child(Element.empty(NAMESPACE, "complete")).build())
                    .child(form(node).toElement()).build());
        }
        Optional<StanzaError> error = node.equals(ADD_USER) ? addUser(submitted.get()) : deleteUsers(submitted.get());
        if (error.isPresent()) {
            return iq.errorReply(error.get());
        }
        return iq.resultReply(status(node, sessionId, "completed").build());
    }

    private Optional<StanzaError> addUser(DataForm form) {
        Optional<String> user = localUser(form.field("accountjid").flatMap(FormField::value).orElse(""));
        String password = form.field("password").flatMap(FormField::value).orElse("");
        String verify = form.field("password-verify").flatMap(FormField::value).orElse(password);
        if (user.isEmpty() || password.isEmpty() || !password.equals(verify)) {
            return Optional.of(StanzaError.of(Condition.BAD_REQUEST)
                    .withText("need a local accountjid and matching passwords"));
        }
        if (!accounts.add(user.get(), password)) {
            return Optional.of(StanzaError.of(Condition.CONFLICT).withText("account exists"));
        }
        return Optional.empty();
    }

    private Optional<StanzaError> deleteUsers(DataForm form) {
        List<String> users = new ArrayList<>();
        for (String value : form.values("accountjids")) {
            Optional<String> user = localUser(value);
            if (user.isEmpty()) {
                return Optional.of(StanzaError.of(Condition.BAD_REQUEST).withText("not local: " + value));
            }
            users.add(user.get());
        }
        for (String user : users) {
            accounts.remove(user);
            EntityBareJid account = JidCreate.entityBareFromOrThrowUnchecked(user + "@" + identity.domain());
            sessions.ofAccount(account).forEach(Session::close);
        }
        return Optional.empty();
    }

    private Optional<String> localUser(String jid) {
        try {
            BareJid bare = JidCreate.bareFrom(jid.strip());
            if (!bare.hasLocalpart() || !bare.asDomainBareJid().equals(identity.domain())) {
                return Optional.empty();
            }
            return Optional.of(bare.getLocalpartOrThrow().toString());
        } catch (XmppStringprepException e) {
            return Optional.empty();
        }
    }

    private static DataForm form(String node) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.formType(ADMIN_FORM));
        if (node.equals(ADD_USER)) {
            fields.add(FormField.of("accountjid", FieldType.JID_SINGLE, "The Jabber ID for the account to be added", List.of()).asRequired());
            fields.add(FormField.of("password", FieldType.TEXT_PRIVATE, "The password for this account", List.of()).asRequired());
            fields.add(FormField.of("password-verify", FieldType.TEXT_PRIVATE, "Retype password", List.of()).asRequired());
        } else {
            fields.add(FormField.of("accountjids", FieldType.JID_MULTI, "The Jabber ID(s) to delete", List.of()).asRequired());
        }
        return DataForm.of("form", fields).withTitle(node.equals(ADD_USER) ? "Adding a User" : "Deleting a User");
    }

    private static ElementBuilder status(String node, String sessionId, String status) {
        return Element.builder(NAMESPACE, "command").attribute("node", node)
                .attribute("sessionid", sessionId).attribute("status", status);
    }

    private Element item(String node, String name) {
        return Element.builder(ServerDisco.ITEMS, "item").attribute("jid", identity.domain().toString())
                .attribute("node", node).attribute("name", name).build();
    }
}
