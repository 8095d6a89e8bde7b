package dev.mucengine.core.module;

import dev.mucengine.core.form.DataForm;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.Destroy;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoleRequest;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * What a module's action sees and may do while the room handles one stanza. Everything it sends
 * goes into the effects of that stanza, in call order. Every change goes through the engine's
 * one rule for it (who may change what, the last owner, reserved nicknames...), and sends the
 * same consequences as when the engine makes it for a muc#admin or muc#owner request.
 */
public interface ModuleContext {

    /** The room, as it is at this point of the stanza's handling. */
    RoomView room();

    /** The time the stanza is handled at. */
    Instant now();

    /** A fresh id for a stanza the room originates. */
    String nextId();

    /** The service's limits. */
    Limits limits();

    /** Sends a stanza (after everything sent so far for this input). */
    void send(Stanza stanza);

    /** A module's state in this room, created by {@code initial} the first time it is asked for. */
    <T> T roomState(Class<T> type, Supplier<? extends T> initial);

    // ----- who may do what

    /** Whether {@code user} is an administrator of the service. */
    boolean isServiceAdmin(Jid user);

    /**
     * The affiliation that decides what {@code user} may do: its own, except that service
     * administrators act as owners of every room (XEP-0045 §5.2.1).
     */
    Affiliation privilege(Jid user);

    /**
     * Whether {@code user} may act as a moderator: an occupant with the moderator role, or an
     * admin or owner (present or not) of the room (XEP-0045 §5.1.1, §5.2.1).
     */
    boolean actsAsModerator(Jid user);

    // ----- changes

    /**
     * Changes affiliations as a muc#admin request of {@code actor} would (XEP-0045 §9, §10): all
     * or nothing.
     *
     * @return empty if done, else the error to answer with (and nothing changed)
     */
    Optional<StanzaError> changeAffiliations(EntityFullJid actor, List<AffiliationRequest> changes);

    /** Changes roles as a muc#admin request of {@code actor} would (XEP-0045 §8, §9.6-§9.8): all or nothing. */
    Optional<StanzaError> changeRoles(EntityFullJid actor, List<RoleRequest> changes);

    /**
     * Registers {@code user} with the room (XEP-0045 §7.10): reserves {@code nick} for its bare
     * JID, making it a member if it had no affiliation.
     */
    Optional<StanzaError> register(EntityFullJid user, Resourcepart nick);

    /** Cancels {@code user}'s registration: it gives its affiliation up (refused for the last owner). */
    Optional<StanzaError> unregister(EntityFullJid user);

    /** Removes an occupant from the room, telling everyone why with {@code codes} (322...). */
    void removeOccupant(Occupant occupant, Set<StatusCode> codes);

    /** The room configuration form (muc#roomconfig), as an owner is offered it now. */
    DataForm configurationForm();

    /** Reads a submitted configuration form through every module's fields and checks; changes nothing. */
    ConfigDraft.Outcome parseConfiguration(DataForm submitted);

    /**
     * Applies an accepted configuration submitted by {@code owner} (XEP-0045 §10.1-§10.2): its
     * affiliation changes, all or nothing, then the configuration; unlocks a new room. On success
     * {@code answer} is sent first, then the consequences: affiliation changes, the 104 notice, and
     * the modules' {@link RoomModule#configured} actions.
     *
     * @return empty if applied, else the error to answer with (and nothing changed, nothing sent)
     */
    Optional<StanzaError> configure(EntityFullJid owner, ConfigDraft.Accepted change, Stanza answer);

    /** Destroys the room (XEP-0045 §10.9): every occupant is told, then the room is gone. */
    void destroy(Destroy destroy);

    // ----- assembled from every module

    /** The room's disco#info features: the engine's, every module's protocol features, then the room types. */
    List<String> discoFeatures();

    /** The fields modules add to the room's muc#roominfo form. */
    List<FormField> roomInfoFields();
}
