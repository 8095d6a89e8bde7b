package dev.mucengine.core.internal.modules;

import dev.mucengine.core.form.FieldType;
import dev.mucengine.core.form.FormField;
import dev.mucengine.core.module.ModuleContext;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.muc.MucCodec;
import dev.mucengine.core.muc.MucUser;
import dev.mucengine.core.muc.StatusCode;
import dev.mucengine.core.room.Occupant;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Checked;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.Iq;
import dev.mucengine.core.stanza.IqType;
import dev.mucengine.core.stanza.Message;
import dev.mucengine.core.stanza.MessageType;
import dev.mucengine.core.stanza.Presence;
import dev.mucengine.core.stanza.PresenceType;
import dev.mucengine.core.stanza.StanzaError;
import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.xml.Element;
import dev.mucengine.core.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.EntityFullJid;

/**
 * The room's vCard and its avatar (XEP-0486, over vcard-temp, XEP-0054).
 *
 * <p>Owners (and service administrators, who act as owners) set it with an iq set of a
 * {@code <vCard xmlns='vcard-temp'/>} to the room's bare JID; anyone else gets forbidden
 * (XEP-0486 §3.2, §6). An empty vCard removes it (§3.2). A vCard larger than
 * {@link dev.mucengine.core.service.Limits#maxRoomVcardBytes()} is not-acceptable: a persistent
 * room stores it, and every reader gets it whole.
 *
 * <p>Anyone may get it, occupant or not, as anyone may get the room's disco#info, which already
 * carries its hash: XEP-0486 §1 wants users to see a room's avatar before entering it (a room list).
 * Two exceptions: a room still locked is item-not-found to all but its owners, as its disco#info is
 * (XEP-0045 §10.1.1); an outcast is forbidden, the room wants nothing to do with them (§9.1). A
 * room without a vCard answers an empty one (XEP-0054 §3.1 allows either that or item-not-found;
 * clients take the empty one as "no avatar" without an error path).
 *
 * <p>After a change the owner gets its result, then every occupant a status 104 message (the
 * room's information changed, XEP-0486 §3.2) and a presence from the room's bare JID with
 * {@code vcard-temp:x:update} carrying the new hash (XEP-0153; empty {@code <photo/>} for no
 * avatar). XEP-0486 §5.2 calls that presence non-standard, but clients that predate it (Gajim,
 * Conversations) refresh a room avatar only on it. Occupants entering later learn the hash from
 * disco#info, so no presence is sent on entry.
 *
 * <p>The room's disco#info lists {@code vcard-temp} and, when the vCard has a photo, the
 * {@code muc#roominfo_avatarhash} field with one hash per photo (XEP-0486 §3.3, §5.1).
 */
final class RoomVcardModule implements RoomModule {

    /** The muc#roominfo field of the avatar hashes (XEP-0486 §8.1). */
    static final String AVATAR_HASH_FIELD = "muc#roominfo_avatarhash";
    /** XEP-0153's presence payload namespace. */
    static final String VCARD_UPDATE = "vcard-temp:x:update";

    @Override
    public String name() {
        return "vcard";
    }

    @Override
    public List<String> protocolFeatures(RoomView room) {
        return List.of(XmppNamespaces.VCARD);
    }

    @Override
    public List<FormField> roomInfo(RoomView room) {
        List<String> hashes = room.vcard().map(AvatarHashes::ofStored).orElse(List.of());
        if (hashes.isEmpty()) {
            return List.of(); // XEP-0486 §4: no field when there is no avatar
        }
        return List.of(FormField.of(AVATAR_HASH_FIELD, FieldType.TEXT_MULTI, "Avatar hash", hashes));
    }

    @Override
    public Set<String> iqNamespaces() {
        return Set.of(XmppNamespaces.VCARD);
    }

    @Override
    public void handleIq(ModuleContext context, Iq iq, EntityFullJid sender, Element query) {
        if (!query.is(XmppNamespaces.VCARD, "vCard")) {
            context.send(iq.errorReply(StanzaError.of(Condition.BAD_REQUEST).withText("Expected a vCard")));
        } else if (iq.type() == IqType.GET) {
            context.send(get(context, iq, sender));
        } else {
            set(context, iq, sender, query);
        }
    }

    private static Iq get(ModuleContext context, Iq iq, EntityFullJid sender) {
        Affiliation privilege = context.privilege(sender);
        if (context.room().locked() && privilege != Affiliation.OWNER) {
            return iq.errorReply(StanzaError.of(Condition.ITEM_NOT_FOUND));
        }
        if (privilege == Affiliation.OUTCAST) {
            return iq.errorReply(StanzaError.of(Condition.FORBIDDEN).withText("You are banned from this room"));
        }
        return iq.resultReply(context.room().vcard().orElse(Element.empty(XmppNamespaces.VCARD, "vCard")));
    }

    private static void set(ModuleContext context, Iq iq, EntityFullJid sender, Element vcard) {
        if (context.privilege(sender) != Affiliation.OWNER) {
            context.send(iq.errorReply(StanzaError.of(Condition.FORBIDDEN)
                    .withText("Only owners may set the room's vCard")));
            return;
        }
        int bytes = XmlWriter.write(vcard).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > context.limits().maxRoomVcardBytes()) {
            context.send(iq.errorReply(StanzaError.of(Condition.NOT_ACCEPTABLE).withText("The vCard is "
                    + bytes + " bytes; this service takes at most " + context.limits().maxRoomVcardBytes())));
            return;
        }
        Checked<List<String>> hashes = AvatarHashes.of(vcard);
        if (hashes instanceof Checked.Refused<List<String>> refused) {
            context.send(iq.errorReply(refused.error()));
            return;
        }
        Optional<Element> stored = vcard.elements().isEmpty() ? Optional.empty() : Optional.of(vcard);
        boolean changed = !stored.equals(context.room().vcard());
        if (changed) {
            context.setVcard(stored);
        }
        context.send(iq.resultReply());
        if (changed) {
            notifyOccupants(context, ((Checked.Accepted<List<String>>) hashes).value());
        }
    }

    /** The 104 notice, then the XEP-0153 presence, to every occupant in join order. */
    private static void notifyOccupants(ModuleContext context, List<String> hashes) {
        RoomView room = context.room();
        if (room.occupantCount() == 0) {
            return;
        }
        Element notice = MucCodec.encode(MucUser.of(Set.of(StatusCode.CONFIG_CHANGED)));
        String noticeId = context.nextId();
        for (Occupant o : room.occupants()) {
            context.send(Message.builder(MessageType.GROUPCHAT).from(room.jid()).to(o.realJid()).id(noticeId)
                    .child(notice).build());
        }
        Element photo = Element.builder(VCARD_UPDATE, "photo").text(hashes.isEmpty() ? "" : hashes.get(0)).build();
        Element update = Element.builder(VCARD_UPDATE, "x").child(photo).build();
        String presenceId = context.nextId();
        for (Occupant o : room.occupants()) {
            context.send(Presence.builder(PresenceType.AVAILABLE).from(room.jid()).to(o.realJid()).id(presenceId)
                    .child(update).build());
        }
    }
}
