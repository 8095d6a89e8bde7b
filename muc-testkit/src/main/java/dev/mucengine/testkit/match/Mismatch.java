package dev.mucengine.testkit.match;

import java.util.Objects;

/**
 * Why an actual element does not match the expected one.
 *
 * @param path where in the expected element the difference is, e.g. {@code /presence/x/item}
 * @param reason what differs, in a sentence
 */
public record Mismatch(String path, String reason) {

    /**
     * Checks the mismatch.
     *
     * @param path where the difference is
     * @param reason what differs
     * @throws NullPointerException if an argument is null
     */
    public Mismatch {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
