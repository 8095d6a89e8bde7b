package dev.mucengine.core.module;

import dev.mucengine.core.store.ArchivedMessage;


import dev.mucengine.core.store.ArchiveQuery;

import dev.mucengine.core.store.ArchivePage;

import dev.mucengine.core.service.ArchivePolicy;

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
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
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

    /**
     * The room, as it is at this point of the stanza's handling.
     *
     * @return a read-only view of the room, which reflects the changes made so far
     */
    RoomView room();

    /**
     * The time the stanza is handled at.
     *
     * @return the instant the host passed to {@link dev.mucengine.core.api.StanzaHandler#handle}
     */
    Instant now();

    /**
     * A fresh id for a stanza the room originates.
     *
     * @return the next id of the service's {@link dev.mucengine.core.api.IdSource}
     */
    String nextId();

    /**
     * The service's limits.
     *
     * @return the limits
     */
    Limits limits();

    /**
     * Sends a stanza (after everything sent so far for this input).
     *
     * @param stanza the stanza, addressed by the module
     */
    void send(Stanza stanza);

    /**
     * A module's state in this room, created by {@code initial} the first time it is asked for. The
     * state lives as long as the room is in memory: it is not stored, and is gone after a restart.
     *
     * @param <T> the type of the state
     * @param type the key of the state; a module uses a type of its own
     * @param initial makes the state the first time
     * @return the room's state of that type
     */
    <T> T roomState(Class<T> type, Supplier<? extends T> initial);

    /**
     * How the service keeps room archives.
     *
     * @return the service's archive policy
     */
    ArchivePolicy archivePolicy();

    // ----- the archive (XEP-0313): read from the store, written as durable changes

    /**
     * A page of this room's archive, read from the store (the engine's one synchronous read).
     *
     * @param query the filters and the page wanted
     * @return the page, or empty if the query names an id the archive does not hold
     */
    Optional<ArchivePage> queryArchive(ArchiveQuery query);

    /**
     * Archives a message: reported as a durable change of the room (so only a persistent room's
     * archive keeps it), followed by the trim the service's {@link #archivePolicy()} asks for.
     *
     * @param message the message, with its archive id
     */
    void archive(ArchivedMessage message);

    /**
     * Replaces an archived message by its tombstone (XEP-0424, XEP-0425): reported as a durable
     * change of the room (so only a persistent room's archive changes), then every module's
     * {@link RoomModule#messageRetracted} action (discussion history forgets the message).
     *
     * @param id the archive id (stanza id) of the retracted message
     * @param tombstone what the archive keeps in its place
     */
    void retract(String id, Message tombstone);

    // ----- the room's vCard (XEP-0486)

    /**
     * Sets or removes the room's vCard: reported as a durable change of the room (so a persistent
     * room stores it). The caller checks who may and how large it may be.
     *
     * @param vcard the whole {@code <vCard xmlns='vcard-temp'/>}, or empty to remove it
     */
    void setVcard(Optional<Element> vcard);

    // ----- who may do what

    /**
     * Whether {@code user} is an administrator of the service.
     *
     * @param user any JID of the user
     * @return true if its bare JID is one of the service's administrators
     */
    boolean isServiceAdmin(Jid user);

    /**
     * The affiliation that decides what {@code user} may do: its own, except that service
     * administrators act as owners of every room (XEP-0045 §5.2.1).
     *
     * @param user any JID of the user
     * @return {@link Affiliation#OWNER} for a service administrator, else the room's affiliation of
     *     {@code user}
     */
    Affiliation privilege(Jid user);

    /**
     * Whether {@code user} may act as a moderator: an occupant with the moderator role, or an
     * admin or owner (present or not) of the room (XEP-0045 §5.1.1, §5.2.1).
     *
     * @param user the user's full JID (a bare JID is never an occupant)
     * @return true if {@code user} may moderate
     */
    boolean actsAsModerator(Jid user);

    // ----- changes

    /**
     * Changes affiliations as a muc#admin request of {@code actor} would (XEP-0045 §9, §10): all
     * or nothing. The consequences (presence of affected occupants, removal of banned ones) are sent
     * in request order.
     *
     * @param actor who asks; its privilege decides what it may change
     * @param changes the changes, applied in order once all are allowed
     * @return empty if done, else the error to answer with (and nothing changed)
     */
    Optional<StanzaError> changeAffiliations(EntityFullJid actor, List<AffiliationRequest> changes);

    /**
     * Changes roles as a muc#admin request of {@code actor} would (XEP-0045 §8, §9.6-§9.8): all or
     * nothing. The consequences (presence broadcasts, kicks) are sent in request order.
     *
     * @param actor who asks; it must act as a moderator
     * @param changes the changes, applied in order once all are allowed
     * @return empty if done, else the error to answer with (and nothing changed)
     */
    Optional<StanzaError> changeRoles(EntityFullJid actor, List<RoleRequest> changes);

    /**
     * Registers {@code user} with the room (XEP-0045 §7.10): reserves {@code nick} for its bare
     * JID, making it a member if it had no affiliation. Outcasts may not register; whether a room
     * without open registration lets this user register is the caller's decision.
     *
     * @param user the user registering
     * @param nick the prepared nickname to reserve
     * @return empty if done, else the error to answer with: forbidden for an outcast, conflict if
     *     another user reserved the nickname or is in the room under it
     */
    Optional<StanzaError> register(EntityFullJid user, Resourcepart nick);

    /**
     * Cancels {@code user}'s registration: it gives its affiliation up, and its reserved nickname
     * with it. Nothing happens if it has no affiliation.
     *
     * @param user the user giving its registration up
     * @return empty if done, else the error to answer with: conflict for the room's last owner
     */
    Optional<StanzaError> unregister(EntityFullJid user);

    /**
     * Removes an occupant from the room, telling everyone why with {@code codes} (322...): the other
     * occupants in join order, then the occupant itself (with 110).
     *
     * @param occupant the occupant to remove
     * @param codes the status codes of the unavailable presence
     */
    void removeOccupant(Occupant occupant, Set<StatusCode> codes);

    /**
     * The room configuration form (muc#roomconfig), as an owner is offered it now.
     *
     * @return the form: FORM_TYPE, then every module's fields, in module order
     */
    DataForm configurationForm();

    /**
     * Reads a submitted configuration form through every module's fields and checks; changes
     * nothing. Fields no module knows are ignored; a field absent from the form keeps its value.
     *
     * @param submitted the form the owner submitted
     * @return the accepted configuration, or the error to answer with: bad-request for a FORM_TYPE
     *     other than muc#roomconfig or a field given twice, else a field's or module's refusal
     */
    ConfigDraft.Outcome parseConfiguration(DataForm submitted);

    /**
     * Applies an accepted configuration submitted by {@code owner} (XEP-0045 §10.1-§10.2): its
     * affiliation changes, all or nothing, then the configuration; unlocks a new room. On success
     * {@code answer} is sent first, then the consequences: affiliation changes, the 104 notice, and
     * the modules' {@link RoomModule#configured} actions.
     *
     * @param owner who submitted the configuration; its privilege decides the affiliation changes
     * @param change the outcome of {@link #parseConfiguration}
     * @param answer the reply to the owner's request, sent first on success
     * @return empty if applied, else the error to answer with (and nothing changed, nothing sent)
     */
    Optional<StanzaError> configure(EntityFullJid owner, ConfigDraft.Accepted change, Stanza answer);

    /**
     * Destroys the room (XEP-0045 §10.9): every occupant is told, then the room is gone (and
     * removed from the store if it was stored). Sends no reply to whoever asked.
     *
     * @param destroy the alternate venue and reason to tell the occupants
     */
    void destroy(Destroy destroy);

    // ----- assembled from every module

    /**
     * The room's disco#info features: the engine's, every module's protocol features, then the room
     * types.
     *
     * @return the features, in that order
     */
    List<String> discoFeatures();

    /**
     * The fields modules add to the room's muc#roominfo form.
     *
     * @return every module's {@link RoomModule#roomInfo} fields, in module order
     */
    List<FormField> roomInfoFields();
}
