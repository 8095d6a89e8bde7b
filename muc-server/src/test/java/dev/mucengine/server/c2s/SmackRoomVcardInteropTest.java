package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.server.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Interop: Smack 4.5.0-beta5's vcard-temp client against {@code serve} with its SQLite store. The
 * owner sets the room's vCard (XEP-0486) with an avatar; another user, in the room or not, loads
 * it with {@code VCardManager}; disco#info lists {@code vcard-temp} and the avatar's hash, the one
 * Smack computes itself; a non-owner's set is forbidden; the vCard survives a restart. A vCard
 * request to an occupant JID is answered (here: the server keeps no user vCards, so an error from
 * the occupant JID) instead of timing out.
 */
class SmackRoomVcardInteropTest {

    private static final String PASSWORD = "secret";
    private static final long REPLY_TIMEOUT_MS = Duration.ofSeconds(10).toMillis();

    @TempDir
    Path dir;

    private XMPPTCPConnection connect(String user, int port) throws Exception {
        XMPPTCPConnection c = SmackClients.client(port, user, PASSWORD, "vcard");
        c.setReplyTimeout(REPLY_TIMEOUT_MS);
        c.connect().login();
        return c;
    }

    private Server start(Path accounts) throws Exception {
        return Server.start(new ServeOptions("localhost", 0, "127.0.0.1", List.of(), Optional.of(accounts), false,
                new StoreLocation.Directory(dir.resolve("data")), ServeLimits.DEFAULTS));
    }

    /** The room's vCard set as an owner does it: VCardManager.saveVCard only writes one's own. */
    private static void saveRoomVcard(XMPPTCPConnection c, EntityBareJid room, VCard vcard) throws Exception {
        vcard.setTo(room);
        vcard.setType(IQ.Type.set);
        c.sendIqRequestAndWaitForResponse(vcard);
    }

    private static List<String> avatarHashes(XMPPTCPConnection c, EntityBareJid room) throws Exception {
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(c).discoverInfo(room);
        assertThat(info.containsFeature("vcard-temp")).isTrue();
        FormField field = DataForm.from(info, "http://jabber.org/protocol/muc#roominfo")
                .getField("muc#roominfo_avatarhash");
        return field == null ? List.of() : field.getValuesAsString();
    }

    @Test
    void smacksVcardClientSetsAndLoadsTheRoomAvatar() throws Exception {
        // See SmackMucInteropTest: Smack's StAX parser asserts on default-namespace extensions.
        getClass().getClassLoader().setPackageAssertionStatus("org.jivesoftware.smack.parsing", false);
        Path accounts = Files.writeString(dir.resolve("accounts"),
                "alice:" + PASSWORD + "\nbob:" + PASSWORD + "\ncarol:" + PASSWORD + "\n");
        EntityBareJid roomJid = JidCreate.entityBareFrom("gallery@conference.localhost");
        byte[] image = "not really a png, but bytes all the same".getBytes(StandardCharsets.UTF_8);
        String expectedHash;
        try (Server server = start(accounts)) {
            XMPPTCPConnection alice = connect("alice", server.port());
            XMPPTCPConnection bob = connect("bob", server.port());
            XMPPTCPConnection carol = connect("carol", server.port());
            try {
                MultiUserChat aliceRoom = SmackClients.createPersistentRoom(alice, roomJid, "Alice");
                MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(roomJid);
                bobRoom.join(Resourcepart.from("Bob"));

                assertThat(VCardManager.getInstanceFor(carol).isSupported(roomJid)).isTrue();
                assertThat(avatarHashes(carol, roomJid)).isEmpty();

                VCard card = new VCard();
                card.setAvatar(image, "image/png");
                card.setField("DESC", "The gallery's avatar");
                expectedHash = card.getAvatarHash();
                saveRoomVcard(alice, roomJid, card);

                // Bob (an occupant) and Carol (not one) load it with VCardManager.
                VCard bobs = VCardManager.getInstanceFor(bob).loadVCard(roomJid);
                assertThat(bobs.getAvatar()).isEqualTo(image);
                assertThat(bobs.getAvatarMimeType()).isEqualTo("image/png");
                VCard carols = VCardManager.getInstanceFor(carol).loadVCard(roomJid);
                assertThat(carols.getAvatarHash()).isEqualTo(expectedHash);
                assertThat(carols.getField("DESC")).isEqualTo("The gallery's avatar");
                assertThat(avatarHashes(carol, roomJid)).containsExactly(expectedHash);

                // A non-owner may not set it.
                VCard bobsAttempt = new VCard();
                bobsAttempt.setAvatar(new byte[] {1, 2, 3}, "image/png");
                assertThatThrownBy(() -> saveRoomVcard(bob, roomJid, bobsAttempt))
                        .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(
                                e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));
                assertThat(VCardManager.getInstanceFor(carol).loadVCard(roomJid).getAvatarHash())
                        .isEqualTo(expectedHash);

                // A vCard request to an occupant JID gets an answer from that occupant JID.
                VCard toOccupant = new VCard();
                toOccupant.setTo(JidCreate.entityFullFrom(roomJid, Resourcepart.from("Bob")));
                assertThatThrownBy(() -> alice.sendIqRequestAndWaitForResponse(toOccupant))
                        .isInstanceOfSatisfying(XMPPErrorException.class, e -> {
                            assertThat(e.getStanzaError().getCondition())
                                    .isEqualTo(StanzaError.Condition.service_unavailable);
                            assertThat(e.getStanza().getFrom().toString()).isEqualTo(roomJid + "/Bob");
                        });
            } finally {
                alice.disconnect();
                bob.disconnect();
                carol.disconnect();
            }
        }
        // The room's vCard is durable: after a restart it is still there.
        try (Server server = start(accounts)) {
            XMPPTCPConnection carol = connect("carol", server.port());
            try {
                assertThat(VCardManager.getInstanceFor(carol).loadVCard(roomJid).getAvatar()).isEqualTo(image);
                assertThat(avatarHashes(carol, roomJid)).containsExactly(expectedHash);
            } finally {
                carol.disconnect();
            }
        }
    }
}
