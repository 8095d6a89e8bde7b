package dev.mucengine.store.sql;

import static dev.mucengine.store.sql.StoreFixtures.OTHER;
import static dev.mucengine.store.sql.StoreFixtures.ROOM;
import static dev.mucengine.store.sql.StoreFixtures.archived;
import static dev.mucengine.store.sql.StoreFixtures.execute;
import static dev.mucengine.store.sql.StoreFixtures.rows;
import static dev.mucengine.store.sql.StoreFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.core.muc.Role;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.JDBC;

/** What is particular to a SQLite file: its creation, its settings, its health after use, locks and faults. */
class SqliteStoreTest {

    @TempDir
    Path dir;

    private Connection raw(Path file) throws SQLException {
        return new JDBC().connect(JDBC.PREFIX + file, new java.util.Properties());
    }

    @Test
    void theFileAndItsMissingDirectoriesAreCreated() {
        Path file = dir.resolve("a").resolve("b").resolve("rooms.db");
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            store.apply(List.of(stored(ROOM, "council")));
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void aNewFileIsReadableByItsOwnerOnlyForItHoldsRoomPasswords() throws Exception {
        Path file = dir.resolve("rooms.db");
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            store.apply(List.of(stored(ROOM, "council")));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("rooms.db-wal"))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void afterUseTheFileIsInWriteAheadLogModeAndPassesTheIntegrityCheck() throws SQLException {
        Path file = dir.resolve("rooms.db");
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            store.apply(List.of(stored(ROOM, "council"), stored(OTHER, "lobby")));
            for (int i = 0; i < 300; i++) {
                store.apply(List.of(archived(i % 2 == 0 ? ROOM : OTHER, "m" + i),
                        new DurableChange.ArchiveTrimmed(ROOM, Optional.empty(), OptionalInt.of(50))));
            }
            store.apply(List.of(new DurableChange.RoomRemoved(OTHER)));
        }
        try (Connection c = raw(file)) {
            assertThat(rows(c, "PRAGMA integrity_check")).containsExactly(List.of("ok"));
            assertThat(rows(c, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(rows(c, "PRAGMA journal_mode")).containsExactly(List.of("wal"));
            assertThat(rows(c, "SELECT COUNT(*) FROM archive")).containsExactly(List.of("50"));
        }
    }

    @Test
    void aWriteBlockedByAnotherConnectionFailsAfterTheBusyTimeoutAndSucceedsOnceTheLockIsGone() throws SQLException {
        Path file = dir.resolve("rooms.db");
        try (SqlRoomStore store = SqlRoomStore.sqlite(file, new SqliteOptions(Duration.ofMillis(200)));
                Connection other = raw(file)) {
            store.apply(List.of(stored(ROOM, "council")));
            execute(other, "BEGIN EXCLUSIVE");

            List<DurableChange> batch = List.of(stored(OTHER, "lobby"), archived(ROOM, "m1"));
            assertThatThrownBy(() -> store.apply(batch)).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("lock");
            // Readers are not blocked by a writer in write-ahead-log mode.
            assertThat(store.load(ROOM)).isPresent();

            execute(other, "ROLLBACK");
            store.apply(batch);
            assertThat(store.load(OTHER)).isPresent();
            assertThat(store.queryArchive(ROOM, ArchiveQuery.newest(10)).orElseThrow().messages()).hasSize(1);
        }
    }

    @Test
    void aBatchThatFailsHalfwayCommitsNothingAndTheStoreGoesOn() {
        try (SqlRoomStore store = SqlRoomStore.sqlite(dir.resolve("rooms.db"))) {
            store.apply(List.of(stored(ROOM, "council"), archived(ROOM, "m1")));
            // The engine never reuses an id; the database refuses a duplicate, which fails the batch in its middle.
            List<DurableChange> batch = List.of(stored(OTHER, "lobby"), archived(ROOM, "m2"), archived(ROOM, "m1"),
                    archived(ROOM, "m3"));
            assertThatThrownBy(() -> store.apply(batch)).isInstanceOf(StoreUnavailableException.class);

            assertThat(store.load(OTHER)).isEmpty();
            assertThat(store.queryArchive(ROOM, ArchiveQuery.newest(10)).orElseThrow().messages())
                    .extracting(m -> m.id()).containsExactly("m1");
            store.apply(List.of(stored(OTHER, "lobby")));
            assertThat(store.directory()).hasSize(2);
        }
    }

    @Test
    void aConfigurationWrittenByAnotherVersionOpensWithUnknownFieldsIgnoredAndMissingOnesDefault()
            throws SQLException {
        Path file = dir.resolve("rooms.db");
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            store.apply(List.of(stored(ROOM, "council")));
        }
        try (Connection c = raw(file)) {
            execute(c, "UPDATE rooms SET config = '<config xmlns=''urn:mucengine:store:room-config:1''>"
                    + "<name>Old</name><persistent>true</persistent><future-field a=''1''>x</future-field>"
                    + "<get-member-list><role>participant</role></get-member-list>"
                    + "<other xmlns=''urn:example''/></config>'");
        }
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            assertThat(store.load(ROOM).orElseThrow().config()).isEqualTo(RoomConfig.defaults().toBuilder()
                    .name("Old").persistent(true).getMemberList(EnumSet.of(Role.PARTICIPANT)).build());
        }
    }

    @Test
    void aStoredValueChangedBehindTheStoresBackIsAStoreFault() throws SQLException {
        Path file = dir.resolve("rooms.db");
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            store.apply(List.of(stored(ROOM, "council"), stored(OTHER, "lobby")));
        }
        try (Connection c = raw(file)) {
            execute(c, "UPDATE rooms SET config = '<config xmlns=''urn:mucengine:store:room-config:1''>"
                    + "<members-only>perhaps</members-only></config>' WHERE jid = 'council@muc.example.org'");
            execute(c, "UPDATE rooms SET subject = '<message' WHERE jid = 'lobby@muc.example.org'");
        }
        try (SqlRoomStore store = SqlRoomStore.sqlite(file)) {
            assertThatThrownBy(() -> store.load(ROOM)).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("members-only").hasMessageContaining("council@muc.example.org");
            assertThatThrownBy(() -> store.load(OTHER)).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("subject of lobby@muc.example.org");
        }
    }

    @Test
    void aFileThatCannotBeCreatedIsAStoreFault() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> SqlRoomStore.sqlite(notADirectory.resolve("rooms.db")))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining(notADirectory.toString());
        Path garbage = Files.writeString(dir.resolve("garbage.db"), "this is not a SQLite database, not at all".repeat(20));
        assertThatThrownBy(() -> SqlRoomStore.sqlite(garbage)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(garbage.toString());
    }

    @Test
    void aClosedStoreRefusesCalls() {
        SqlRoomStore store = SqlRoomStore.sqlite(dir.resolve("rooms.db"));
        store.close();
        assertThatThrownBy(store::directory).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.apply(List.of(stored(ROOM, "x")))).isInstanceOf(IllegalStateException.class);
        store.close();
    }

    @Test
    void optionsRefuseANegativeBusyTimeout() {
        assertThat(SqliteOptions.defaults().busyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> new SqliteOptions(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
