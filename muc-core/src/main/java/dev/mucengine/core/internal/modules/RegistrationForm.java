package dev.mucengine.core.internal.modules;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.ElementBuilder;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.parts.Resourcepart;

/** The muc#register form: one required field, the nickname to reserve. */
final class RegistrationForm {

    static final String NICK_FIELD = "muc#register_roomnick";

    private RegistrationForm() {
    }

    /**
     * The answer to a get. A user who already reserved a nick gets {@code <registered/>} and the
     * nick as well (XEP-0077 §3.1), and the form filled in so it can be changed.
     */
    static Element query(Optional<Resourcepart> registered) {
        ElementBuilder query = Element.builder(XmppNamespaces.REGISTER, "query");
        registered.ifPresent(nick -> {
            query.child(Element.empty(XmppNamespaces.REGISTER, "registered"));
            query.textChild(XmppNamespaces.REGISTER, "username", nick.toString());
        });
        FormField nickField = new FormField(NICK_FIELD, Optional.of(FieldType.TEXT_SINGLE), Optional.of("Nickname"),
                Optional.empty(), true, registered.map(n -> List.of(n.toString())).orElse(List.of()), List.of());
        DataForm form = DataForm.of("form", List.of(FormField.formType(MucNamespaces.MUC_REGISTER), nickField));
        return query.child(form.toElement()).build();
    }

    /** The nickname a submitted form asks for, if the form is a muc#register submission with one. */
    static Optional<String> requestedNick(DataForm form) {
        if (!form.type().equals("submit")) {
            return Optional.empty();
        }
        if (form.formType().isPresent() && !form.formType().get().equals(MucNamespaces.MUC_REGISTER)) {
            return Optional.empty();
        }
        return form.field(NICK_FIELD).flatMap(FormField::value).map(String::strip).filter(s -> !s.isEmpty());
    }
}
