package dev.mucengine.store.sql;

import static dev.mucengine.store.sql.StoreFixtures.ROOM;
import static dev.mucengine.store.sql.StoreFixtures.archived;
import static dev.mucengine.store.sql.StoreFixtures.execute;
import static dev.mucengine.store.sql.StoreFixtures.rows;
import static dev.mucengine.store.sql.StoreFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.core.stanza.XmppNamespaces;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.ArchivedMessage;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.core.xml.Element;
import dev.mucengine.store.sql.internal.Dialect;
import dev.mucengine.store.sql.internal.SchemaMigrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.JDBC;

/** The schema is versioned: migrated once, at start; a database from a newer version is refused. */
class SqliteMigrationTest {

    @TempDir
    Path dir;

    private Connection raw(Path file) throws SQLException {
        return new JDBC().connect(JDBC.PREFIX + file, new Properties());
    }

    @Test
    void aNewDatabaseGetsTheLatestVersionOneMigrationAtATime() throws SQLException {
        Path file = dir.resolve("rooms.db");
        SqlRoomStore.sqlite(file).close();
        try (Connection c = raw(file)) {
            List<List<String>> versions = rows(c, "SELECT version, name FROM schema_version ORDER BY version");
            assertThat(versions).hasSize(SchemaMigrations.latest());
            for (int v = 1; v <= SchemaMigrations.latest(); v++) {
                assertThat(versions.get(v - 1)).containsExactly(Integer.toString(v), SchemaMigrations.MIGRATIONS.get(v - 1));
            }
            assertThat(rows(c, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).extracting(r -> r.get(0))
                    .contains("affiliations", "archive", "rooms", "schema_version");
        }
    }

    @Test
    void reopeningRunsNoMigrationAgainAndKeepsTheData() throws SQLException {
        Path file = dir.resolve("rooms.db");
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            store.apply(List.of(stored(ROOM, "council")));
        }
        List<List<String>> before;
        try (Connection c = raw(file)) {
            before = rows(c, "SELECT version, name, applied_at FROM schema_version ORDER BY version");
        }
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            assertThat(store.load(ROOM)).isPresent();
        }
        try (Connection c = raw(file)) {
            assertThat(rows(c, "SELECT version, name, applied_at FROM schema_version ORDER BY version"))
                    .isEqualTo(before);
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftAlone() throws SQLException {
        Path file = dir.resolve("rooms.db");
        SqlRoomStore.sqlite(file).close();
        int newer = SchemaMigrations.latest() + 1;
        try (Connection c = raw(file)) {
            execute(c, "INSERT INTO schema_version (version, name, applied_at) VALUES (" + newer + ", 'V" + newer
                    + "__future', 0)");
        }
        assertThatThrownBy(() -> SqlRoomStore.sqlite(file)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("schema version " + newer)
                .hasMessageContaining("newer than this muc-store-sql knows (" + SchemaMigrations.latest() + ")")
                .hasMessageContaining(file.toString());
        try (Connection c = raw(file)) {
            assertThat(rows(c, "SELECT MAX(version) FROM schema_version")).containsExactly(List.of(Integer.toString(newer)));
        }
    }

    @Test
    void anEmptyExistingFileBecomesAStore() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.db"));
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            store.apply(List.of(stored(ROOM, "council")));
            assertThat(store.directory()).hasSize(1);
        }
    }

    @Test
    void everyMigrationExistsForEveryDialect() {
        for (Dialect d : Dialect.values()) {
            for (String name : SchemaMigrations.MIGRATIONS) {
                assertThat(SchemaMigrations.class.getResource(d.migration(name))).as(d + " " + name).isNotNull();
            }
        }
    }

    @Test
    void versionTwoCountsTheArchiveOfADatabaseWrittenByVersionOne() throws SQLException {
        Path file = dir.resolve("rooms.db");
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            store.apply(List.of(stored(ROOM, "council"), archived(ROOM, "m1"), archived(ROOM, "m2"),
                    archived(ROOM, "m3"), archived(ROOM, "m4"), archived(ROOM, "m5")));
        }
        try (Connection c = raw(file)) { // back to what version 1 wrote
            execute(c, "ALTER TABLE rooms DROP COLUMN vcard");
            execute(c, "DROP TABLE service_secret");
            execute(c, "ALTER TABLE rooms DROP COLUMN archived");
            execute(c, "DELETE FROM schema_version WHERE version >= 2");
        }

        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            store.apply(List.of(new DurableChange.ArchiveTrimmed(ROOM, Optional.empty(), OptionalInt.of(3))));
            assertThat(store.queryArchive(ROOM, ArchiveQuery.newest(10)).orElseThrow().messages())
                    .extracting(ArchivedMessage::id).containsExactly("m3", "m4", "m5");
        }
        try (Connection c = raw(file)) {
            assertThat(rows(c, "SELECT archived FROM rooms")).containsExactly(List.of("3"));
        }
    }

    @Test
    void versionThreeAddsTheServiceSecretToADatabaseWrittenByVersionTwo() throws SQLException {
        Path file = dir.resolve("rooms.db");
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            store.apply(List.of(stored(ROOM, "council")));
        }
        try (Connection c = raw(file)) { // back to what version 2 wrote
            execute(c, "ALTER TABLE rooms DROP COLUMN vcard");
            execute(c, "DROP TABLE service_secret");
            execute(c, "DELETE FROM schema_version WHERE version >= 3");
        }

        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            assertThat(store.serviceSecret()).isEmpty();
            assertThat(store.load(ROOM)).isPresent();
            store.apply(List.of(new DurableChange.ServiceSecretCreated("kept")));
        }
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            assertThat(store.serviceSecret()).contains("kept");
        }
    }

    @Test
    void versionFourGivesRoomsOfVersionThreeNoVcardAndStoresOne() throws SQLException {
        Path file = dir.resolve("rooms.db");
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            store.apply(List.of(stored(ROOM, "council")));
        }
        try (Connection c = raw(file)) { // back to what version 3 wrote
            execute(c, "ALTER TABLE rooms DROP COLUMN vcard");
            execute(c, "DELETE FROM schema_version WHERE version = 4");
        }
        Element vcard = Element.builder(XmppNamespaces.VCARD, "vCard")
                .textChild(XmppNamespaces.VCARD, "FN", "Council").build();
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            assertThat(store.load(ROOM).orElseThrow().vcard()).isEmpty();
            store.apply(List.of(new DurableChange.RoomVcardChanged(ROOM, Optional.of(vcard))));
        }
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            assertThat(store.load(ROOM).orElseThrow().vcard()).contains(vcard);
        }
    }
}
