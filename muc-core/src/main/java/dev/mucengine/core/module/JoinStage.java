package dev.mucengine.core.module;

/**
 * The stages of the checks on entering a room, in the order they run. Within a stage the
 * engine's own check comes first, then the modules' in the order they are configured; the first
 * refusal decides the error (XEP-0045 §7.2 lists the cases).
 */
public enum JoinStage {
    /**
     * Whether this user may enter at all: the engine refuses a locked room to all but owners (§7.2.10);
     * modules check bans, members-only and passwords.
     */
    ACCESS,
    /**
     * Whether the nickname is acceptable: the engine refuses one in use or reserved by someone else
     * (§7.2.8).
     */
    NICKNAME,
    /**
     * Whether there is room: the engine applies the service's limit of occupants per room; modules the
     * room's own maximum (§7.2.9).
     */
    CAPACITY
}
