package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.server.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jivesoftware.smackx.xdata.FormField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Interop: Smack's MAM client ({@code MamManager} for a MUC, Smack 4.5.0-beta5) reads a room's
 * archive on {@code serve} with its SQLite store ({@code --data}): it finds the archive, lists the query fields, and pages through it
 * backwards from the newest page and forwards from the oldest, getting every message once, in
 * order, under the stanza id the occupants saw live.
 */
class SmackMamInteropTest {

    private static final int MESSAGES = 30;
    private static final String PASSWORD = "secret";

    @TempDir
    Path dir;

    private XMPPTCPConnection connect(String user, int port) throws Exception {
        return SmackClients.loggedIn(port, user, PASSWORD, "mam");
    }

    @Test
    void smacksMamClientPagesThroughARoomArchiveBothWays() throws Exception {
        // See SmackMucInteropTest: Smack's StAX parser asserts on default-namespace extensions.
        getClass().getClassLoader().setPackageAssertionStatus("org.jivesoftware.smack.parsing", false);
        Path accounts = Files.writeString(dir.resolve("accounts"), "alice:" + PASSWORD + "\nbob:" + PASSWORD + "\n");
        try (Server server = Server.start(new ServeOptions("localhost", 0, "127.0.0.1", List.of(),
                Optional.of(accounts), false, new StoreLocation.Directory(dir.resolve("data")), ServeLimits.DEFAULTS))) {
            XMPPTCPConnection alice = connect("alice", server.port());
            XMPPTCPConnection bob = connect("bob", server.port());
            try {
                EntityBareJid roomJid = JidCreate.entityBareFrom("annals@conference.localhost");
                MultiUserChat aliceRoom = SmackClients.createPersistentRoom(alice, roomJid, "Alice");

                MultiUserChat bobRoom = MultiUserChatManager.getInstanceFor(bob).getMultiUserChat(roomJid);
                List<String> seenLive = new CopyOnWriteArrayList<>(); // "body stanza-id", as Bob got them
                CountDownLatch allSeen = new CountDownLatch(MESSAGES + 2);
                bobRoom.addMessageListener(m -> {
                    if (m.getBody() != null) {
                        seenLive.add(m.getBody() + " " + StanzaIdElement.getStanzaId(m).getId());
                        allSeen.countDown();
                    }
                });
                bobRoom.join(Resourcepart.from("Bob"));
                for (int i = 1; i <= MESSAGES; i++) {
                    aliceRoom.sendMessage("m" + i);
                }
                bobRoom.sendMessage("b1");
                bobRoom.sendMessage("b2");
                assertThat(allSeen.await(20, TimeUnit.SECONDS)).as("Bob got every message live").isTrue();

                MamManager mam = MamManager.getInstanceFor(bobRoom);
                assertThat((Object) mam.getArchiveAddress()).isEqualTo(roomJid);
                assertThat(mam.isSupported()).isTrue();
                assertThat(mam.retrieveFormFields()).extracting(FormField::getFieldName)
                        .contains("with", "start", "end", "before-id", "after-id", "ids");

                // Backwards from the newest page, eight at a time.
                MamManager.MamQuery backwards = mam.queryArchive(MamManager.MamQueryArgs.builder()
                        .setResultPageSizeTo(8).queryLastPage().build());
                List<List<String>> pages = new ArrayList<>();
                pages.add(entries(backwards.getPage().getMamResultExtensions()));
                int guard = 0;
                while (!backwards.isComplete() && guard++ < 20) {
                    backwards.pagePrevious(8);
                    pages.add(entries(backwards.getPage().getMamResultExtensions()));
                }
                Collections.reverse(pages);
                assertThat(pages.stream().flatMap(List::stream).toList()).as("every message once, in order")
                        .isEqualTo(seenLive);

                // Forwards from the oldest, seven at a time.
                MamManager.MamQuery forwards = mam.queryArchive(MamManager.MamQueryArgs.builder()
                        .setResultPageSizeTo(7).build());
                List<String> all = new ArrayList<>(entries(forwards.getPage().getMamResultExtensions()));
                guard = 0;
                while (!forwards.isComplete() && guard++ < 20) {
                    forwards.pageNext(7);
                    all.addAll(entries(forwards.getPage().getMamResultExtensions()));
                }
                assertThat(all).isEqualTo(seenLive);

                // Filtered by occupant: Bob's two.
                MamManager.MamQuery bobs = mam.queryArchive(MamManager.MamQueryArgs.builder()
                        .limitResultsToJid(JidCreate.from(roomJid + "/Bob")).build());
                assertThat(bobs.getMessages()).extracting(Message::getBody).containsExactly("b1", "b2");
                assertThat(bobs.isComplete()).isTrue();
            } finally {
                alice.disconnect();
                bob.disconnect();
            }
        }
    }

    /** "body id" of each result, the id being the archive's (the result's id attribute). */
    private static List<String> entries(List<MamElements.MamResultExtension> results) {
        return results.stream()
                .map(r -> r.getForwarded().getForwardedStanza().getBody() + " " + r.getId())
                .toList();
    }
}
