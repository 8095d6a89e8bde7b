package dev.mucengine.core.internal.modules;

import dev.mucengine.core.module.ConfigDraft;
import dev.mucengine.core.module.ConfigField;
import dev.mucengine.core.module.JoinRequest;
import dev.mucengine.core.module.JoinStage;
import dev.mucengine.core.module.RoomModule;
import dev.mucengine.core.room.RoomView;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Password-protected rooms (XEP-0045 §7.2.5): entering needs the password (else not-authorized);
 * configured by two fields that must agree, a room cannot be protected without a secret.
 */
final class PasswordModule implements RoomModule {

    static final ConfigDraft.Key<Boolean> PROTECTED = new ConfigDraft.Key<>("password-protected");
    static final ConfigDraft.Key<String> SECRET = new ConfigDraft.Key<>("password");

    @Override
    public String name() {
        return "password";
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(new PasswordProtectedField(), new RoomSecretField());
    }

    @Override
    public List<String> roomTypes(RoomView room) {
        return List.of(room.config().passwordProtected() ? "muc_passwordprotected" : "muc_unsecured");
    }

    @Override
    public Optional<StanzaError> checkJoin(JoinStage stage, RoomView room, JoinRequest request) {
        Optional<String> required = room.config().password();
        if (stage != JoinStage.ACCESS || required.isEmpty()) {
            return Optional.empty();
        }
        // Constant-time comparison: the password must not leak through response timing.
        byte[] expected = required.get().getBytes(StandardCharsets.UTF_8);
        byte[] given = request.password().orElse("").getBytes(StandardCharsets.UTF_8);
        if (request.password().isPresent() && MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        return Optional.of(StanzaError.of(Condition.NOT_AUTHORIZED).withText("A password is required to enter"));
    }

    /**
     * The secret submitted (or the current one) decides, unless protection is switched explicitly:
     * switched off, the password goes; switched on, a secret is required.
     */
    @Override
    public Optional<StanzaError> finishConfiguration(ConfigDraft draft) {
        String secret = draft.noted(SECRET).orElse(draft.room().config().password().orElse(""));
        boolean protect = draft.noted(PROTECTED).orElse(!secret.isEmpty());
        if (protect && secret.isEmpty()) {
            return Optional.of(StanzaError.of(Condition.NOT_ACCEPTABLE)
                    .withText("a password-protected room needs muc#roomconfig_roomsecret"));
        }
        draft.config().password(protect ? Optional.of(secret) : Optional.empty());
        return Optional.empty();
    }
}
