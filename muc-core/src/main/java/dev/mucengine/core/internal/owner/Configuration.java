package dev.mucengine.core.internal.owner;

import dev.mucengine.core.internal.admin.AffiliationChanges;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;

/**
 * Applying an accepted configuration (XEP-0045 §10.1-§10.2). The owner and admin list changes
 * may still be refused (the last owner...): they are checked first, so that a refusal leaves
 * both the room and its configuration untouched, then made under the new configuration. On success the owner's answer is
 * the first stanza sent, then the affiliation consequences, the 104 notice (§10.2.1) and what the
 * modules do about the new configuration (members-only removals, §10.2).
 */
public final class Configuration {

    private Configuration() {
    }

    /** @param turn the room as modules act on it, for their {@code configured} hooks */
    public static Optional<StanzaError> apply(ModuleContext turn, Room room, EntityFullJid owner,
            ConfigDraft.Accepted change, Stanza answer, RoomContext context, Outbox out) {
        RoomConfig before = room.config();
        RoomConfig after = change.config();
        if (!change.affiliationChanges().isEmpty()) {
            Optional<StanzaError> refused = AffiliationChanges.check(room, owner, change.affiliationChanges(), context);
            if (refused.isPresent()) {
                return refused;
            }
        }
        // The list changes take effect under the new configuration (§9.4): someone who loses
        // membership as the room becomes members-only leaves once, with 321, instead of being
        // shown unaffiliated and then removed again with 322.
        room.setConfig(after);
        Outbox consequences = new Outbox();
        if (!change.affiliationChanges().isEmpty()) {
            AffiliationChanges.apply(room, owner, change.affiliationChanges(), context, consequences); // checked above
        }
        room.setLocked(false);
        out.send(answer);
        consequences.stanzas().forEach(out::send);
        ConfigChangeNotification.send(room, before, after, context, out);
        room.modules().configured(turn, before, after);
        return Optional.empty();
    }
}
