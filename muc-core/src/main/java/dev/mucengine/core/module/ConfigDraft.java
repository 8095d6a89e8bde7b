package dev.mucengine.core.module;

import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.room.RoomConfigBuilder;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.stanza.StanzaError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The staging area of one configuration submission (XEP-0045 §10.2). Fields write here; nothing
 * reaches the room until every field has been accepted and every module's
 * {@link RoomModule#finishConfiguration} has checked the rules that span several fields. Then the
 * whole draft is applied at once, or nothing is.
 */
public final class ConfigDraft {

    /**
     * A value a module notes while its fields are parsed, for its
     * {@link RoomModule#finishConfiguration} to read (the password and its secret, for one).
     *
     * @param name unique among the keys of one module
     * @param <T> the type of the value
     */
    public record Key<T>(String name) {
        /**
         * Checks the key.
         *
         * @param name unique among the keys of one module
         * @throws NullPointerException if {@code name} is null
         */
        public Key {
            Objects.requireNonNull(name, "name");
        }
    }

    private final RoomView room;
    private final Limits limits;
    private final RoomConfigBuilder config;
    private final Map<Key<?>, Object> notes = new HashMap<>();
    private final List<AffiliationRequest> affiliationChanges = new ArrayList<>();

    /**
     * A draft starting from the room's current configuration. The engine makes one per submission
     * and hands it to every field and module; a module has no need to make its own.
     *
     * @param room the room being configured
     * @param limits the service's limits
     */
    public ConfigDraft(RoomView room, Limits limits) {
        this.room = room;
        this.limits = limits;
        this.config = room.config().toBuilder();
    }

    /**
     * The room being configured, as it is now (the draft is not applied to it yet).
     *
     * @return the room
     */
    public RoomView room() {
        return room;
    }

    /**
     * The service's limits, which bound what a field may accept.
     *
     * @return the limits
     */
    public Limits limits() {
        return limits;
    }

    /**
     * The configuration being built, starting from the room's current one. Fields and modules set
     * their values on it.
     *
     * @return the builder shared by every field of the submission
     */
    public RoomConfigBuilder config() {
        return config;
    }

    /**
     * Notes a value for a later check of the same submission, replacing what was noted under
     * {@code key} before.
     *
     * @param <T> the type of the value
     * @param key the key to note it under
     * @param value the value
     * @throws NullPointerException if {@code value} is null
     */
    public <T> void note(Key<T> key, T value) {
        notes.put(key, Objects.requireNonNull(value, "value"));
    }

    /**
     * A value noted earlier in this submission.
     *
     * @param <T> the type of the value
     * @param key the key it was noted under
     * @return the value, or empty if nothing was noted under {@code key} (the field was not submitted)
     */
    @SuppressWarnings("unchecked") // note() only stores a T under a Key<T>
    public <T> Optional<T> noted(Key<T> key) {
        return Optional.ofNullable((T) notes.get(key));
    }

    /**
     * Affiliation changes the submission asks for (the owner and admin lists, §10.5, §10.8). They
     * are made with the same rules as a muc#admin request by the submitting owner, and if one is
     * refused the whole submission is.
     *
     * @param changes the changes, appended to those asked for so far
     */
    public void changeAffiliations(List<AffiliationRequest> changes) {
        affiliationChanges.addAll(changes);
    }

    /** The outcome of a whole submission: {@link Accepted} or {@link Rejected}. */
    public sealed interface Outcome permits Accepted, Rejected {
    }

    /**
     * A submission every field and module accepted.
     *
     * @param config the new configuration
     * @param affiliationChanges the affiliation changes it asks for, in order
     */
    public record Accepted(RoomConfig config, List<AffiliationRequest> affiliationChanges) implements Outcome {
        /**
         * Checks the outcome and copies the changes.
         *
         * @param config the new configuration
         * @param affiliationChanges the affiliation changes it asks for, in order
         * @throws NullPointerException if an argument, or a change, is null
         */
        public Accepted {
            Objects.requireNonNull(config, "config");
            affiliationChanges = List.copyOf(affiliationChanges);
        }
    }

    /**
     * A submission refused with {@code error}; nothing of it applies.
     *
     * @param error the error to answer the submission with
     */
    public record Rejected(StanzaError error) implements Outcome {
        /**
         * Checks the outcome.
         *
         * @param error the error to answer with
         * @throws NullPointerException if {@code error} is null
         */
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * The accepted submission: the configuration built so far and the affiliation changes.
     *
     * @return the outcome as it stands
     */
    public Accepted accepted() {
        return new Accepted(config.build(), affiliationChanges);
    }
}
