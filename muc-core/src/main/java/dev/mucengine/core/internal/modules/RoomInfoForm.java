package dev.mucengine.core.internal.modules;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.muc.MucNamespaces;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The muc#roominfo extended information (XEP-0045 §6.4, XEP-0128): a {@code type='result'} form
 * with FORM_TYPE, description, occupant count, subject, whether occupants may change the subject
 * and, when set, the language; then the fields room modules add. Labels follow the XEP's example.
 */
final class RoomInfoForm {

    private RoomInfoForm() {
    }

    static DataForm render(RoomView room, List<FormField> extra) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.formType(MucNamespaces.MUC_ROOMINFO));
        fields.add(field("muc#roominfo_description", "Short Description of Room", room.config().description()));
        if (!room.config().language().isEmpty()) {
            fields.add(field("muc#roominfo_lang", "Natural Language for Room Discussions", room.config().language()));
        }
        fields.add(field("muc#roominfo_occupants", "Current Number of Occupants",
                Integer.toString(room.occupantCount())));
        fields.add(field("muc#roominfo_subject", "Current Discussion Topic",
                room.subject().flatMap(Message::subject).orElse("")));
        fields.add(FormField.of("muc#roominfo_subjectmod", FieldType.BOOLEAN,
                "The room subject can be modified by participants",
                List.of(room.config().changeSubject() ? "1" : "0")));
        fields.addAll(extra);
        return DataForm.of("result", fields);
    }

    private static FormField field(String var, String label, String value) {
        return new FormField(var, Optional.empty(), Optional.of(label), Optional.empty(), false,
                value.isEmpty() ? List.of() : List.of(value), List.of());
    }
}
