package dev.mucengine.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mucengine.core.xml.Element;
import dev.mucengine.server.StoreLocation;
import dev.mucengine.store.sql.testing.PostgresServer;
import dev.mucengine.store.sql.testing.PostgresServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} on a real store that fails under it: PostgreSQL stopped and started again, a
 * SQLite file whose disk fills up, or that can no longer be written. The requests that need the store get resource-constraint
 * (type wait) and nothing that would acknowledge them; the server goes on serving what it can
 * and recovers, by itself, when the database does.
 */
class StoreFaultsTest {

    private static final String ROOM = "kept@conference.localhost";
    private static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    @TempDir
    Path dir;

    private Path accounts() throws IOException {
        return Files.writeString(dir.resolve("accounts"), "owner:pw\nguest:pw\n");
    }

    private static RawClient owner(int port) throws IOException {
        RawClient c = RawClient.loggedIn(port, "owner", "pw", "desk");
        c.send("<presence/>");
        return c;
    }

    /** Enters the room; creates it persistent if it is new. */
    private static void enter(RawClient c, boolean create) throws IOException {
        c.send("<presence to='" + ROOM + "/Owner'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        c.nextMatching(e -> e.localName().equals("presence") && e.attribute("from").orElse("").equals(ROOM + "/Owner"));
        if (create) {
            assertThat(configure(c, "persist", "muc#roomconfig_persistentroom", "1").attribute("type"))
                    .contains("result");
        }
    }

    private static Element configure(RawClient c, String id, String var, String value) throws IOException {
        c.send("<iq type='set' id='" + id + "' to='" + ROOM + "'><query xmlns='http://jabber.org/protocol/muc#owner'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'><value>"
                + "http://jabber.org/protocol/muc#roomconfig</value></field><field var='" + var + "'><value>" + value
                + "</value></field></x></query></iq>");
        return c.nextMatching(e -> e.localName().equals("iq") && e.attribute("id").orElse("").equals(id));
    }

    private static Element say(RawClient c, String id, String body) throws IOException {
        c.send("<message type='groupchat' id='" + id + "' to='" + ROOM + "'><body>" + body + "</body></message>");
        return c.nextMatching(e -> e.localName().equals("message") && e.attribute("id").orElse("").equals(id));
    }

    private static void assertWaitConstraint(Element reply) {
        assertThat(reply.attribute("type")).contains("error");
        Element error = reply.child("jabber:client", "error").orElseThrow();
        assertThat(error.attribute("type")).contains("wait");
        assertThat(error.child(STANZAS, "resource-constraint")).isPresent();
        assertThat(error.childText(STANZAS, "text")).isPresent();
    }

    @RegisterExtension
    static final PostgresServers POSTGRES = new PostgresServers();

    @Test
    void postgresqlStoppedAndStartedAgain() throws Exception {
        PostgresServer pg = POSTGRES.server();
        String url = pg.newDatabase();
        try (Server server = Server.start(new ServeOptions("localhost", 0, "127.0.0.1", List.of(),
                Optional.of(accounts()), false, new StoreLocation.Database(url), ServeLimits.DEFAULTS));
                RawClient owner = owner(server.port())) {
            enter(owner, true);
            assertThat(say(owner, "m1", "stored").attribute("type")).contains("groupchat");

            pg.stop();
            assertWaitConstraint(configure(owner, "rename", "muc#roomconfig_roomname", "Lost"));
            Element shutdown = owner.nextMatching(e -> e.localName().equals("presence"));
            assertThat(shutdown.attribute("type")).as("the room starts again from what is stored").contains(
                    "unavailable");
            try (RawClient guest = RawClient.loggedIn(server.port(), "guest", "pw", "phone")) {
                guest.send("<presence to='temporary@conference.localhost/Guest'/>");
                Element entered = guest.nextMatching(e -> e.localName().equals("presence"));
                assertThat(entered.attribute("type")).as("a temporary room needs no store").isEmpty();
                guest.send("<presence to='" + ROOM + "/Guest'/>");
                assertWaitConstraint(guest.nextMatching(e -> e.localName().equals("presence")
                        && e.attribute("from").orElse("").startsWith(ROOM)));
            }

            pg.restart();
            enter(owner, false);
            assertThat(configure(owner, "rename-again", "muc#roomconfig_roomname", "Back").attribute("type"))
                    .contains("result");
            assertThat(say(owner, "m2", "stored again").attribute("type")).contains("groupchat");
        }
    }

    @Test
    void sqliteOnAFullDisk() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("small-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()),
                "needs to mount a small tmpfs (root with CAP_SYS_ADMIN, as on CI)");
        try {
            try (Server server = Server.start(new ServeOptions("localhost", 0, "127.0.0.1", List.of(),
                    Optional.of(accounts()), false, new StoreLocation.Directory(disk), ServeLimits.DEFAULTS));
                    RawClient owner = owner(server.port())) {
                enter(owner, true);
                Path filler = disk.resolve("filler");
                run("dd", "if=/dev/zero", "of=" + filler, "bs=64k", "count=1000"); // fills the disk: dd stops there
                String big = "x".repeat(20_000);
                Element reply = null;
                for (int i = 0; i < 200; i++) {
                    reply = say(owner, "full-" + i, big);
                    if (reply.attribute("type").filter("error"::equals).isPresent()) {
                        break;
                    }
                }
                assertWaitConstraint(reply);

                Files.delete(filler);
                owner.nextMatching(e -> e.localName().equals("presence")); // 332: the room starts again
                enter(owner, false);
                assertThat(say(owner, "after", "there is room again").attribute("type")).contains("groupchat");
            }
        } finally {
            run("umount", disk.toString());
        }
    }

    @Test
    void sqliteFilesMadeReadOnly() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (Server server = Server.start(new ServeOptions("localhost", 0, "127.0.0.1", List.of(),
                Optional.of(accounts()), false, new StoreLocation.Directory(data), ServeLimits.DEFAULTS));
                RawClient owner = owner(server.port())) {
            enter(owner, true);
            assertThat(say(owner, "before", "writable").attribute("type")).contains("groupchat");
            List<String> files = List.of(data.resolve("muc.db").toString(), data.resolve("muc.db-wal").toString());

            // Immutable: no one may write them, root included, not even through open files.
            List<String> immutable = new ArrayList<>(List.of("chattr", "+i"));
            immutable.addAll(files);
            assumeTrue(run(immutable.toArray(String[]::new)), "needs chattr on a file system with attributes (root)");
            try {
                assertWaitConstraint(say(owner, "during", "read-only"));
            } finally {
                List<String> writable = new ArrayList<>(List.of("chattr", "-i"));
                writable.addAll(files);
                assertThat(run(writable.toArray(String[]::new))).isTrue();
            }
            owner.nextMatching(e -> e.localName().equals("presence")); // 332: the room starts again
            enter(owner, false);
            assertThat(say(owner, "after", "writable again").attribute("type")).contains("groupchat");
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
