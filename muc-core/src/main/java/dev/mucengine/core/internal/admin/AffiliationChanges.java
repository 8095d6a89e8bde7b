package dev.mucengine.core.internal.admin;

import dev.mucengine.core.internal.room.AffiliationChanger;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.internal.room.Outbox;
import dev.mucengine.core.internal.room.PresenceChange;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;

/**
 * Atomic affiliation changes: the whole batch is checked ({@link AffiliationRules}) and only then
 * applied, in request order ({@link AffiliationEffects}). The actor is shown in presence only if
 * it is in the room.
 */
public final class AffiliationChanges implements AffiliationChanger {

    public AffiliationChanges() {
    }

    @Override
    public Optional<StanzaError> apply(Room room, EntityFullJid actor, List<AffiliationRequest> changes,
            RoomContext context, Outbox out) {
        Optional<StanzaError> refusal = AffiliationRules.check(room, actor, changes, context);
        if (refusal.isPresent()) {
            return refusal;
        }
        Optional<PresenceChange.Actor> shownActor = AffiliationEffects.actorOf(room, actor);
        for (AffiliationRequest change : changes) {
            AffiliationEffects.apply(room, change, shownActor, context, out);
        }
        return Optional.empty();
    }
}
