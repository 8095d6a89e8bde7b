package dev.mucengine.core.service;

/** Who may create rooms on the service (XEP-0045 §10.1.1: others get not-allowed). */
public enum RoomCreation {
    /** Any user. */
    ANYONE,
    /** Only service administrators. */
    ADMINS_ONLY
}
