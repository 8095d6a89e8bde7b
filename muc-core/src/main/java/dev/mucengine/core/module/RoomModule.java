package dev.mucengine.core.module;

import dev.mucengine.core.form.FormField;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.ServiceConfig;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.Node;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * One room feature: its configuration fields, its service discovery features, its checks and
 * what it does when the room handles a stanza. A service runs the modules listed in its
 * {@link dev.mucengine.core.service.ServiceConfig#modules()}, in that order; the configuration
 * form, the disco#info features and every veto are assembled from them. Every method has a
 * default that does nothing, so a module implements only the hooks it needs.
 *
 * <p>Hooks come in three kinds:
 * <ul>
 *   <li><b>declarations</b>, asked once per use and free of side effects: fields, features, room
 *       information;
 *   <li><b>checks</b>, which may veto an action with an error and see the room read-only
 *       ({@link RoomView}): the first module that objects decides the error;
 *   <li><b>actions</b>, which get a {@link ModuleContext} to send stanzas and change the room
 *       through the engine's rules.
 * </ul>
 *
 * <p>A module instance serves every room of a service: what it keeps per room goes in
 * {@link ModuleContext#roomState}. Hooks run on the service's one thread; they must not block,
 * and like the engine they see time and ids only through the context.
 */
public interface RoomModule {

    /**
     * A short, stable name ({@code password}, {@code members-only}), unique in a service.
     *
     * @return the module's name
     */
    String name();

    // ----- declarations

    /**
     * The fields this module adds to the room configuration form, in form order. Their
     * {@code var}s must be unique among the service's modules.
     *
     * @return the fields; none by default
     */
    default List<ConfigField> configFields() {
        return List.of();
    }

    /**
     * The protocol features (namespaces, XEP-0030) a room with this module offers, given its
     * state. Listed in disco#info after the engine's own ({@code http://jabber.org/protocol/muc}
     * and {@code muc#stable_id}), in module order.
     *
     * @param room the room asked about
     * @return the features; none by default
     */
    default List<String> protocolFeatures(RoomView room) {
        return List.of();
    }

    /**
     * The room-type features (XEP-0045 §16.3: {@code muc_public}, {@code muc_passwordprotected}...)
     * that describe the room's configuration. Listed in disco#info after every protocol feature.
     *
     * @param room the room asked about
     * @return the features; none by default
     */
    default List<String> roomTypes(RoomView room) {
        return List.of();
    }

    /**
     * Fields this module adds to the room's muc#roominfo form (XEP-0045 §6.4), after the standard
     * ones.
     *
     * @param room the room asked about
     * @return the fields; none by default
     */
    default List<FormField> roomInfo(RoomView room) {
        return List.of();
    }

    /**
     * The muc#admin, muc#owner... namespaces of the iq requests to the room this module answers
     * with {@link #handleIq}. A namespace may be answered by one module of a service only; the room
     * answers requests in other namespaces with service-unavailable.
     *
     * @return the namespaces; none by default
     */
    default Set<String> iqNamespaces() {
        return Set.of();
    }

    // ----- checks

    /**
     * A veto on entering the room, at one {@link JoinStage}. Called for every stage, after the
     * engine's own check of that stage; the user's own new room skips the checks.
     *
     * @param stage the stage being checked
     * @param room the room, before the user entered
     * @param request who asks to enter, as what
     * @return empty to let the user in (as far as this module is concerned), else the error to answer
     *     the join presence with; nothing by default
     */
    default Optional<StanzaError> checkJoin(JoinStage stage, RoomView room, JoinRequest request) {
        return Optional.empty();
    }

    /**
     * A veto on a groupchat message to all occupants (XEP-0045 §7.4), after the engine's own checks
     * (voice, length). Subject changes are not checked here.
     *
     * @param room the room
     * @param sender the occupant who sent it
     * @param message the message as sent, not yet re-addressed
     * @return empty to let it through, else the error to bounce it with; nothing by default
     */
    default Optional<StanzaError> checkGroupchat(RoomView room, Occupant sender, Message message) {
        return Optional.empty();
    }

    /**
     * A veto on a groupchat message that refers to an earlier message of the room by its stanza id
     * (a retraction, XEP-0424), and so may need the archive: called after {@link #checkGroupchat}
     * passed. It may read through {@code context} ({@link ModuleContext#queryArchive}, the room) but
     * must not send or change anything.
     *
     * @param context the room, while it handles the message
     * @param sender the occupant who sent it
     * @param message the message as sent, not yet re-addressed
     * @return empty to let it through, else the error to bounce it with; nothing by default
     */
    default Optional<StanzaError> checkGroupchatReferences(ModuleContext context, Occupant sender, Message message) {
        return Optional.empty();
    }

    /**
     * Checks a whole configuration submission once every field accepted its values: the rules
     * that span several fields. May add to the draft (affiliation changes, settings). Called for
     * every submission, whether or not it has this module's fields.
     *
     * @param draft the staged submission
     * @return empty to accept it, else the error to answer with (nothing of the submission applies);
     *     nothing by default
     */
    default Optional<StanzaError> finishConfiguration(ConfigDraft draft) {
        return Optional.empty();
    }

    /**
     * True if this module handles this message to the room's bare JID (not groupchat: voice
     * requests...). The first module that says so gets it, in {@link #handleMessage}.
     *
     * @param message a message of a type other than groupchat and error, to the room's bare JID
     * @return whether this module handles it; false by default
     */
    default boolean handlesMessage(Message message) {
        return false;
    }

    /**
     * An answer of the room's own to an iq request addressed to an occupant JID, which the room
     * otherwise relays to that occupant (XEP-0045 §7.5): a module may answer instead (XEP-0410 §3.3,
     * self-ping). The first module that answers decides.
     *
     * @param room the room
     * @param request the iq get or set, to {@code room@service/nick}
     * @param sender the requester's full JID (occupant or not)
     * @param nick the nickname addressed, as sent; no occupant need have it
     * @return the reply (result or error) to send back, or empty to let the room relay it; empty by
     *     default
     */
    default Optional<Iq> answerOccupantIq(RoomView room, Iq request, EntityFullJid sender, Resourcepart nick) {
        return Optional.empty();
    }

    // ----- decorations

    /**
     * A message the room sends on an occupant's behalf (a groupchat message, a subject, a private
     * message), as every recipient will get it; return it changed or as is. Called once per
     * message, not per recipient; modules decorate in turn, in module order. A decoration only
     * changes the message: it must not send or change anything through {@code context} (it may
     * take ids from it).
     *
     * @param context the room, while it handles the message
     * @param sender the occupant on whose behalf it is sent
     * @param message the message, from the sender's occupant JID, to the room's JID (groupchat and
     *     subject, re-addressed per recipient afterwards) or to the recipient (private message)
     * @return the message to send; {@code message} by default
     */
    default Message decorateMessage(ModuleContext context, Occupant sender, Message message) {
        return message;
    }

    /**
     * Elements to add to every presence the room sends on an occupant's behalf. They go after the
     * occupant's own payload and before the muc#user element; an element of the same name in the
     * occupant's own payload is dropped, so that no client can pass off its own as the room's
     * (XEP-0421 §4).
     *
     * @param room the room
     * @param occupant the occupant the presence is about
     * @return the elements; none by default
     */
    default List<Node> presenceExtensions(RoomView room, Occupant occupant) {
        return List.of();
    }

    // ----- actions

    /**
     * An occupant entered (or re-sent its join presence): its own presence has been sent; what
     * this module sends now comes before the subject, which is always last (XEP-0045 §7.2.15).
     *
     * @param context the room, while it handles the join presence
     * @param occupant the occupant who entered
     * @param joinPresence the presence that asked to enter, with its MUC payload
     */
    default void entered(ModuleContext context, Occupant occupant, Presence joinPresence) {
    }

    /**
     * A groupchat message was sent to every occupant, as {@code reflected}. Not called for subject
     * changes.
     *
     * @param context the room, while it handles the message
     * @param sender the occupant who sent it
     * @param reflected the message as broadcast (decorated, from the occupant JID, with an id)
     */
    default void groupchatSent(ModuleContext context, Occupant sender, Message reflected) {
    }

    /**
     * An occupant changed the subject (XEP-0045 §8.1): every occupant got {@code reflected}.
     *
     * @param context the room, while it handles the change
     * @param sender the occupant who changed it
     * @param reflected the subject message as broadcast (decorated, from the occupant JID)
     */
    default void subjectChanged(ModuleContext context, Occupant sender, Message reflected) {
    }

    /**
     * An archived message was retracted ({@link ModuleContext#retract}): what this module keeps of
     * it must go too, so that nothing shows its text again (discussion history on entry).
     *
     * @param context the room, while it handles the retraction
     * @param id the stanza id of the retracted message
     */
    default void messageRetracted(ModuleContext context, String id) {
    }

    /**
     * Answers an iq get or set to the room's bare JID in one of {@link #iqNamespaces()}: must send
     * exactly one reply, a result or an error.
     *
     * @param context the room, while it handles the iq
     * @param iq the request
     * @param sender the requester's full JID (occupant or not)
     * @param query the iq's payload
     */
    default void handleIq(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
    }

    /**
     * Handles a message for which {@link #handlesMessage} is true.
     *
     * @param context the room, while it handles the message
     * @param sender the occupant who sent it, or empty if the sender is not in the room
     * @param message the message
     */
    default void handleMessage(ModuleContext context, Optional<Occupant> sender, Message message) {
    }

    /**
     * The room's configuration changed: called after the owner got its answer and the occupants
     * the 104 notice (XEP-0045 §10.2.1).
     *
     * @param context the room, while it handles the owner's submission
     * @param before the configuration before the change
     * @param after the configuration now in force
     */
    default void configured(ModuleContext context, RoomConfig before, RoomConfig after) {
    }
}
