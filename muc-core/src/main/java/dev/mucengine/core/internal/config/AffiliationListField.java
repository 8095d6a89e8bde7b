package dev.mucengine.core.internal.config;

import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * muc#roomconfig_roomowners / muc#roomconfig_roomadmins (jid-multi): the full list of bare JIDs
 * holding the affiliation. A submission is the new full list; the difference is applied through
 * the {@link dev.mucengine.core.internal.room.AffiliationChanger} (see {@link ConfigDraft#finish()}). A
 * malformed JID is jid-malformed.
 */
public final class AffiliationListField implements ConfigField {

    private final String var;
    private final String label;
    private final Affiliation affiliation;
    private final BiConsumer<ConfigDraft, Set<Jid>> record;

    private AffiliationListField(String var, String label, Affiliation affiliation,
            BiConsumer<ConfigDraft, Set<Jid>> record) {
        this.var = var;
        this.label = label;
        this.affiliation = affiliation;
        this.record = record;
    }

    public static AffiliationListField owners() {
        return new AffiliationListField("muc#roomconfig_roomowners", "Full List of Room Owners", Affiliation.OWNER,
                ConfigDraft::owners);
    }

    public static AffiliationListField admins() {
        return new AffiliationListField("muc#roomconfig_roomadmins", "Full List of Room Admins", Affiliation.ADMIN,
                ConfigDraft::admins);
    }

    @Override
    public String var() {
        return var;
    }

    @Override
    public FormField render(Room room) {
        List<String> values = new ArrayList<>();
        for (AffiliationEntry e : room.withAffiliation(affiliation)) {
            values.add(e.jid().toString());
        }
        return FormField.of(var, FieldType.JID_MULTI, label, values);
    }

    @Override
    public Optional<StanzaError> submit(List<String> values, ConfigDraft draft) {
        Set<Jid> jids = new LinkedHashSet<>();
        for (String v : values) {
            String raw = v.strip();
            if (raw.isEmpty()) {
                continue;
            }
            try {
                jids.add(JidCreate.from(raw).asBareJid());
            } catch (XmppStringprepException | IllegalArgumentException e) {
                return Optional.of(StanzaError.of(Condition.JID_MALFORMED).withText(var + ": " + raw));
            }
        }
        record.accept(draft, jids);
        return Optional.empty();
    }
}
