package dev.mucengine.core.internal.nick;

import java.util.Objects;

/** The outcome of preparing a room nickname: the nickname to use, or why it is refused. */
public sealed interface NickResult permits NickResult.Valid, NickResult.Invalid {

    /** The nickname passed Resourceprep; {@code nickname} is the prepared form to store and compare. */
    record Valid(String nickname) implements NickResult {
        public Valid {
            Objects.requireNonNull(nickname, "nickname");
        }
    }

    /**
     * The nickname was refused (answer {@code jid-malformed}).
     *
     * @param prepared the string after mapping and normalization, to address the error reply from
     *     {@code room@service/<prepared>}; it may itself be empty or hold the offending characters
     * @param reason a short English explanation
     */
    record Invalid(String prepared, String reason) implements NickResult {
        public Invalid {
            Objects.requireNonNull(prepared, "prepared");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
