package dev.mucengine.core.internal.join;

import dev.mucengine.core.internal.room.Room;
import dev.mucengine.core.internal.room.RoomContext;
import dev.mucengine.core.stanza.Condition;
import dev.mucengine.core.stanza.StanzaError;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Password-protected rooms (XEP-0045 §7.2.6: not-authorized without the right password). */
final class PasswordRule implements JoinRule {
    @Override
    public Optional<StanzaError> check(Room room, JoinRequest request, RoomContext context) {
        Optional<String> required = room.config().password();
        if (required.isEmpty()) {
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
}
