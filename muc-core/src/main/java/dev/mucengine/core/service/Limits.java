package dev.mucengine.core.service;

/**
 * Service-wide limits, with safe defaults. Every refusal they cause uses the error XEP-0045
 * names for it (a full room: service-unavailable; too long a text: not-acceptable/bad-request).
 *
 * @param maxOccupantsPerRoom applies even when the room sets no maximum, and to everyone (a room's own
 *     maximum, muc#roomconfig_maxusers, lets owners and admins in beyond it)
 * @param maxRooms rooms one service may host
 * @param maxRoomsPerUser rooms one bare JID may have created that still exist (live or stored), whoever
 *     owns them now; service administrators are exempt
 * @param historySize messages of discussion history kept per room
 */
public record Limits(
        int maxOccupantsPerRoom,
        int maxRooms,
        int maxRoomsPerUser,
        int historySize,
        int maxSubjectLength,
        int maxNickLength,
        int maxReasonLength,
        int maxMessageLength) {

    public static final Limits DEFAULTS = new Limits(1000, 10_000, 100, 20, 1024, 64, 1024, 65_536);

    public Limits {
        if (maxOccupantsPerRoom < 1 || maxRooms < 1 || maxRoomsPerUser < 1 || historySize < 0
                || maxSubjectLength < 1 || maxNickLength < 1 || maxReasonLength < 1 || maxMessageLength < 1) {
            throw new IllegalArgumentException("limits must be positive (history may be 0)");
        }
    }
}
