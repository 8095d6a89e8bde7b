package dev.mucengine.core.internal.config;

import dev.mucengine.core.muc.Affiliation;
import dev.mucengine.core.room.AffiliationEntry;
import dev.mucengine.core.room.AffiliationRequest;
import dev.mucengine.core.service.Limits;
import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.room.RoomConfig;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jxmpp.jid.Jid;

/**
 * The staging area of one submission: fields write here, nothing reaches the room until every
 * field has been accepted and {@link #finish()} has checked the rules that span several fields
 * (password protection against the secret, the owner and admin lists against each other).
 */
public final class ConfigDraft {

    private final Room room;
    private final Limits limits;
    private final RoomConfig.Builder config;
    private Optional<Boolean> passwordProtected = Optional.empty();
    private Optional<String> secret = Optional.empty();
    private Optional<Set<Jid>> owners = Optional.empty();
    private Optional<Set<Jid>> admins = Optional.empty();

    public ConfigDraft(Room room, Limits limits) {
        this.room = room;
        this.limits = limits;
        this.config = room.config().toBuilder();
    }

    /** The room being configured (read only: fields must not change it). */
    public Room room() {
        return room;
    }

    public Limits limits() {
        return limits;
    }

    /** The configuration being built, starting from the room's current one. */
    public RoomConfig.Builder config() {
        return config;
    }

    /** Records muc#roomconfig_passwordprotectedroom. */
    public void passwordProtected(boolean value) {
        passwordProtected = Optional.of(value);
    }

    /** Records muc#roomconfig_roomsecret; the empty string asks to remove the password. */
    public void secret(String value) {
        secret = Optional.of(value);
    }

    /** Records the full list of owners the submission asks for. */
    public void owners(Set<Jid> bareJids) {
        owners = Optional.of(Collections.unmodifiableSet(new LinkedHashSet<>(bareJids)));
    }

    /** Records the full list of admins the submission asks for. */
    public void admins(Set<Jid> bareJids) {
        admins = Optional.of(Collections.unmodifiableSet(new LinkedHashSet<>(bareJids)));
    }

    /** The outcome of a whole submission. */
    public sealed interface Outcome permits Accepted, Rejected {
    }

    /**
     * @param config the new configuration
     * @param affiliationChanges owner/admin list changes, for the {@link dev.mucengine.core.internal.room.AffiliationChanger}
     */
    public record Accepted(RoomConfig config, List<AffiliationRequest> affiliationChanges) implements Outcome {
        public Accepted {
            affiliationChanges = List.copyOf(affiliationChanges);
        }
    }

    public record Rejected(StanzaError error) implements Outcome {
    }

    /** Checks the rules spanning several fields and returns the resulting configuration. */
    public Outcome finish() {
        String effectiveSecret = secret.orElse(room.config().password().orElse(""));
        boolean protect = passwordProtected.orElse(!effectiveSecret.isEmpty());
        if (protect && effectiveSecret.isEmpty()) {
            return new Rejected(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("a password-protected room needs muc#roomconfig_roomsecret"));
        }
        config.password(protect ? Optional.of(effectiveSecret) : Optional.empty());

        Map<Jid, Affiliation> wanted = new LinkedHashMap<>();
        if (owners.isPresent() && admins.isPresent()) {
            Set<Jid> both = new LinkedHashSet<>(owners.get());
            both.retainAll(admins.get());
            if (!both.isEmpty()) {
                return new Rejected(StanzaError.of(Condition.NOT_ACCEPTABLE)
                        .withText("listed both as owner and as admin: " + both.iterator().next()));
            }
        }
        owners.ifPresent(list -> revokeAndGrant(Affiliation.OWNER, list, wanted));
        admins.ifPresent(list -> revokeAndGrant(Affiliation.ADMIN, list, wanted));
        List<AffiliationRequest> changes = new ArrayList<>();
        for (Map.Entry<Jid, Affiliation> e : wanted.entrySet()) {
            Affiliation current = room.affiliationEntry(e.getKey()).map(AffiliationEntry::affiliation)
                    .orElse(Affiliation.NONE);
            if (current != e.getValue()) {
                Optional<AffiliationEntry> entry = room.affiliationEntry(e.getKey());
                changes.add(new AffiliationRequest(e.getKey(), e.getValue(),
                        entry.flatMap(AffiliationEntry::reservedNick), Optional.empty()));
            }
        }
        return new Accepted(config.build(), changes);
    }

    /**
     * Those holding {@code affiliation} but missing from {@code list} fall back to none (unless
     * the other list grants them something); those in the list get the affiliation.
     */
    private void revokeAndGrant(Affiliation affiliation, Set<Jid> list, Map<Jid, Affiliation> wanted) {
        for (AffiliationEntry e : room.withAffiliation(affiliation)) {
            Jid jid = e.jid().asBareJid();
            if (!list.contains(jid)) {
                wanted.putIfAbsent(jid, Affiliation.NONE);
            }
        }
        for (Jid jid : list) {
            wanted.put(jid, affiliation);
        }
    }
}
