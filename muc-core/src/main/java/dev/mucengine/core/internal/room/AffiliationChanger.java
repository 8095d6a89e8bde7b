package dev.mucengine.core.internal.room;

import dev.mucengine.core.room.AffiliationRequest;

import dev.mucengine.core.stanza.StanzaError;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityFullJid;

/**
 * Changes affiliations with every consequence XEP-0045 §9-§10 gives them: occupants' roles and
 * presence updated, outcasts and (in members-only rooms) ex-members removed, users not in the
 * room notified. Used by muc#admin, the owner's configuration form and registration.
 */
public interface AffiliationChanger {

    /**
     * Applies all changes, or none: every request is validated first (permissions, last-owner
     * rule, self-ban...), and only then applied.
     *
     * @param actor who asks; its privilege decides what it may change
     * @return empty on success, else the error to answer with (and nothing changed)
     */
    Optional<StanzaError> apply(Room room, EntityFullJid actor, List<AffiliationRequest> changes,
            RoomContext context, Outbox out);
}
