package dev.mucengine.server.cli;

import dev.mucengine.server.StoreLocation;
import java.nio.file.Path;
import java.util.Optional;

/** The store options both commands take: {@code --data DIR} or {@code --database URL}, not both. */
final class StoreOptions {

    static final String HELP = """
            Rooms and messages:
            --data DIR       keep them in a SQLite file (DIR/%s), created if missing
            --database URL   keep them in PostgreSQL (jdbc:postgresql://HOST:PORT/DB); credentials
                             in the URL or in $PGUSER and $PGPASSWORD; the URL is never printed
            Without either, they are kept in memory and lost when the process ends.
            """.formatted(StoreLocation.SQLITE_FILE);

    private Optional<StoreLocation> location = Optional.empty();

    /** Whether {@code option} is one of the store options. */
    boolean accepts(String option) {
        return option.equals("--data") || option.equals("--database");
    }

    /** Records {@code --data DIR} or {@code --database URL}. */
    void set(String option, String value) throws UsageException {
        if (location.isPresent()) {
            throw new UsageException("--data and --database are exclusive, and each is given once");
        }
        if (value.isBlank()) {
            throw new UsageException(option + " needs a value");
        }
        if (option.equals("--data")) {
            location = Optional.of(new StoreLocation.Directory(Path.of(value)));
        } else if (value.startsWith("jdbc:postgresql:")) {
            location = Optional.of(new StoreLocation.Database(value));
        } else {
            throw new UsageException("--database needs a jdbc:postgresql:// URL");
        }
    }

    /** What was chosen; in memory if nothing was. */
    StoreLocation location() {
        return location.orElseGet(StoreLocation.InMemory::new);
    }
}
