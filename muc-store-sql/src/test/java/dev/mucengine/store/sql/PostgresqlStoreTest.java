package dev.mucengine.store.sql;

import static dev.mucengine.store.sql.StoreFixtures.OTHER;
import static dev.mucengine.store.sql.StoreFixtures.ROOM;
import static dev.mucengine.store.sql.StoreFixtures.archived;
import static dev.mucengine.store.sql.StoreFixtures.execute;
import static dev.mucengine.store.sql.StoreFixtures.rows;
import static dev.mucengine.store.sql.StoreFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mucengine.core.store.ArchiveQuery;
import dev.mucengine.core.store.DurableChange;
import dev.mucengine.core.store.StoreUnavailableException;
import dev.mucengine.store.sql.internal.SchemaMigrations;
import dev.mucengine.store.sql.testing.PostgresServer;
import dev.mucengine.store.sql.testing.PostgresServers;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What is particular to PostgreSQL: migrations per database, credentials, faults and recovery
 * when the server goes away and comes back. One server for the class; each test its own database.
 */
class PostgresqlStoreTest {

    @RegisterExtension
    static final PostgresServers POSTGRES = new PostgresServers();

    private PostgresServer server;
    private String database;

    @BeforeEach
    void newDatabase() throws Exception {
        server = POSTGRES.server();
        String url = server.newDatabase();
        database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    private String url() {
        return server.urlWithCredentials(database);
    }

    @Test
    void aNewDatabaseGetsTheLatestVersionAndReopeningRunsNoMigrationAgain() throws Exception {
        try (SqlRoomStore store = SqlRoomStore.postgresql(url())) {
            store.apply(List.of(stored(ROOM, "council")));
        }
        List<List<String>> versions;
        try (Connection c = server.connect(database)) {
            versions = rows(c, "SELECT version, name, applied_at FROM schema_version ORDER BY version");
        }
        assertThat(versions).extracting(r -> r.get(1)).isEqualTo(SchemaMigrations.MIGRATIONS);
        try (SqlRoomStore store = SqlRoomStore.postgresql(url())) {
            assertThat(store.load(ROOM)).isPresent();
        }
        try (Connection c = server.connect(database)) {
            assertThat(rows(c, "SELECT version, name, applied_at FROM schema_version ORDER BY version"))
                    .isEqualTo(versions);
        }
    }

    @Test
    void aDatabaseFromANewerVersionIsRefused() throws Exception {
        SqlRoomStore.postgresql(url()).close();
        int newer = SchemaMigrations.latest() + 1;
        try (Connection c = server.connect(database)) {
            execute(c, "INSERT INTO schema_version (version, name, applied_at) VALUES (" + newer + ", 'future', 0)");
        }
        assertThatThrownBy(() -> SqlRoomStore.postgresql(url())).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("schema version " + newer).hasMessageContaining(server.url(database));
    }

    @Test
    void credentialsMayComeFromPgUserAndPgPassword() {
        Map<String, String> environment = Map.of("PGUSER", "postgres", "PGPASSWORD", server.password());
        try (SqlRoomStore store = SqlRoomStore.postgresql(server.url(database), environment)) {
            store.apply(List.of(stored(ROOM, "council")));
            assertThat(store.directory()).hasSize(1);
        }
        // The URL's own parameters win over the environment.
        Map<String, String> wrong = Map.of("PGUSER", "postgres", "PGPASSWORD", "not-the-password");
        try (SqlRoomStore store = SqlRoomStore.postgresql(url(), wrong)) {
            assertThat(store.directory()).hasSize(1);
        }
    }

    @Test
    void aRefusedLoginIsAStoreFaultThatShowsNoCredentials() {
        String secret = "Wr0ngSecret-" + System.nanoTime();
        String url = server.url(database) + "?user=postgres&password=" + secret;
        assertThatThrownBy(() -> SqlRoomStore.postgresql(url)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(server.url(database))
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
                    }
                });
        assertThatThrownBy(() -> SqlRoomStore.postgresql(server.url(database), Map.of("PGPASSWORD", secret)))
                .isInstanceOf(StoreUnavailableException.class).hasMessageNotContaining(secret);
        assertThatThrownBy(() -> SqlRoomStore.postgresql("jdbc:mysql://db/x?password=" + secret))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(secret);
    }

    @Test
    void aBatchThatFailsHalfwayCommitsNothing() {
        try (SqlRoomStore store = SqlRoomStore.postgresql(url())) {
            store.apply(List.of(stored(ROOM, "council"), archived(ROOM, "m1")));
            List<DurableChange> batch = List.of(stored(OTHER, "lobby"), archived(ROOM, "m2"), archived(ROOM, "m1"));
            assertThatThrownBy(() -> store.apply(batch)).isInstanceOf(StoreUnavailableException.class);
            assertThat(store.load(OTHER)).isEmpty();
            assertThat(store.queryArchive(ROOM, ArchiveQuery.newest(10)).orElseThrow().messages()).hasSize(1);
            store.apply(List.of(stored(OTHER, "lobby")));
            assertThat(store.directory()).hasSize(2);
        }
    }

    @Test
    void theStoreRecoversByItselfWhenTheServerComesBack() throws Exception {
        try (SqlRoomStore store = SqlRoomStore.postgresql(url())) {
            store.apply(List.of(stored(ROOM, "council")));

            server.stop();
            assertThatThrownBy(() -> store.load(ROOM)).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(server.url(database));
            assertThatThrownBy(() -> store.apply(List.of(stored(OTHER, "lobby"))))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("cannot connect");

            server.restart();
            assertThat(store.load(ROOM)).isPresent();
            assertThat(store.load(OTHER)).as("the batch that failed was not committed").isEmpty();
            store.apply(List.of(stored(OTHER, "lobby")));
            assertThat(store.directory()).hasSize(2);
        }
    }

    @Test
    void aServerRestartBetweenCallsCostsNoRequest() throws Exception {
        try (SqlRoomStore store = SqlRoomStore.postgresql(url())) {
            store.apply(List.of(stored(ROOM, "council")));

            server.stop();
            server.restart(); // the store's connection is dead, and nobody has called since

            assertThat(store.load(ROOM)).as("read on a new connection at once").isPresent();
            server.stop();
            server.restart();
            store.apply(List.of(stored(OTHER, "lobby")));
            assertThat(store.directory()).hasSize(2);
        }
    }
}
