package dev.mucengine.core.module;

import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.room.RoomConfig;
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
        public Key {
            Objects.requireNonNull(name, "name");
        }
    }

    private final RoomView room;
    private final Limits limits;
    private final RoomConfig.Builder config;
    private final Map<Key<?>, Object> notes = new HashMap<>();
    private final List<AffiliationRequest> affiliationChanges = new ArrayList<>();

    /** A draft starting from the room's current configuration. */
    public ConfigDraft(RoomView room, Limits limits) {
        this.room = room;
        this.limits = limits;
        this.config = room.config().toBuilder();
    }

    /** The room being configured, as it is now. */
    public RoomView room() {
        return room;
    }

    /** The service's limits, which bound what a field may accept. */
    public Limits limits() {
        return limits;
    }

    /** The configuration being built, starting from the room's current one. */
    public RoomConfig.Builder config() {
        return config;
    }

    /** Notes a value for a later check of the same submission. */
    public <T> void note(Key<T> key, T value) {
        notes.put(key, Objects.requireNonNull(value, "value"));
    }

    /** A value noted earlier in this submission. */
    @SuppressWarnings("unchecked") // note() only stores a T under a Key<T>
    public <T> Optional<T> noted(Key<T> key) {
        return Optional.ofNullable((T) notes.get(key));
    }

    /**
     * Affiliation changes the submission asks for (the owner and admin lists, §10.5, §10.8). They
     * are made with the same rules as a muc#admin request by the submitting owner, and if one is
     * refused the whole submission is.
     */
    public void changeAffiliations(List<AffiliationRequest> changes) {
        affiliationChanges.addAll(changes);
    }

    /** The outcome of a whole submission. */
    public sealed interface Outcome permits Accepted, Rejected {
    }

    /**
     * A submission every field and module accepted.
     *
     * @param config the new configuration
     * @param affiliationChanges the affiliation changes it asks for, in order
     */
    public record Accepted(RoomConfig config, List<AffiliationRequest> affiliationChanges) implements Outcome {
        public Accepted {
            Objects.requireNonNull(config, "config");
            affiliationChanges = List.copyOf(affiliationChanges);
        }
    }

    /** A submission refused with {@code error}; nothing of it applies. */
    public record Rejected(StanzaError error) implements Outcome {
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }

    /** The accepted submission: the configuration built so far and the affiliation changes. */
    public Accepted accepted() {
        return new Accepted(config.build(), affiliationChanges);
    }
}
