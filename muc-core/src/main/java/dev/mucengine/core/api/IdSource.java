package dev.mucengine.core.api;

/**
 * Supplies the ids of stanzas the engine originates (and stable message ids). Injected so that
 * replaying the same inputs reproduces the same outputs.
 */
@FunctionalInterface
public interface IdSource {

    /** A fresh id, unique among those this source has returned. */
    String nextId();

    /** A deterministic source: {@code prefix1}, {@code prefix2}, ... */
    static IdSource sequential(String prefix) {
        long[] counter = {0};
        return () -> prefix + (++counter[0]);
    }
}
