package dev.mucengine.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The bounds of a room's archive (XEP-0313 archive metadata): its oldest and newest messages.
 *
 * @param firstId the id of the oldest message
 * @param firstAt when the oldest message was received
 * @param lastId the id of the newest message
 * @param lastAt when the newest message was received
 */
public record ArchiveSummary(String firstId, Instant firstAt, String lastId, Instant lastAt) {

    /**
     * Checks that nothing is missing.
     *
     * @param firstId the id of the oldest message
     * @param firstAt when the oldest message was received
     * @param lastId the id of the newest message
     * @param lastAt when the newest message was received
     */
    public ArchiveSummary {
        Objects.requireNonNull(firstId, "firstId");
        Objects.requireNonNull(firstAt, "firstAt");
        Objects.requireNonNull(lastId, "lastId");
        Objects.requireNonNull(lastAt, "lastAt");
    }
}
