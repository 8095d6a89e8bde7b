package dev.mucengine.core.internal.modules;

import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * muc#roomconfig_roomowners / muc#roomconfig_roomadmins (jid-multi): the full list of bare JIDs
 * holding the affiliation. A submission is the new full list, in submission order;
 * {@link OwnerModule#finishConfiguration} turns the difference into affiliation changes. A
 * malformed JID is jid-malformed.
 */
final class AffiliationListField implements ConfigField {

    private final String var;
    private final String label;
    private final Affiliation affiliation;
    private final ConfigDraft.Key<Set<Jid>> key;

    private AffiliationListField(String var, String label, Affiliation affiliation, ConfigDraft.Key<Set<Jid>> key) {
        this.var = var;
        this.label = label;
        this.affiliation = affiliation;
        this.key = key;
    }

    static AffiliationListField owners() {
        return new AffiliationListField("muc#roomconfig_roomowners", "Full List of Room Owners", Affiliation.OWNER,
                OwnerModule.OWNERS);
    }

    static AffiliationListField admins() {
        return new AffiliationListField("muc#roomconfig_roomadmins", "Full List of Room Admins", Affiliation.ADMIN,
                OwnerModule.ADMINS);
    }

    @Override
    public String var() {
        return var;
    }

    @Override
    public FormField render(RoomView room) {
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
        draft.note(key, Collections.unmodifiableSet(jids));
        return Optional.empty();
    }
}
