package dev.mucengine.core.service;

/**
 * Service-wide limits, with safe defaults ({@link #DEFAULTS}). Every refusal they cause uses the
 * error XEP-0045 names for it (a full room: service-unavailable; too many rooms:
 * resource-constraint or not-allowed; too long a text: not-acceptable).
 *
 * <p>Lengths of texts are counted in UTF-16 {@code char}s ({@link String#length()}), except
 * nicknames, which are counted in code points after Resourceprep.
 *
 * @param maxOccupantsPerRoom the most occupants any room may hold, even one whose configuration sets no
 *     maximum; nobody is exempt (owners and admins are exempt only from the room's own
 *     {@code muc#roomconfig_maxusers}); the room's own maximum may not exceed it
 * @param maxRooms rooms one service may host, live or stored; creating one more is refused with
 *     resource-constraint
 * @param maxRoomsPerUser rooms one bare JID may have created and that still exist (live or stored, whoever
 *     owns them now); creating one more is
 *     refused with not-allowed; service administrators are exempt
 * @param historySize messages of discussion history kept per room (0 keeps none)
 * @param maxSubjectLength the longest room subject; also the longest value of a text field of the room
 *     configuration form (name, description, language, password)
 * @param maxNickLength the longest nickname, in code points
 * @param maxReasonLength the longest {@code <reason/>} in a muc#admin item or a room destruction
 * @param maxMessageLength the longest {@code <body/>} of a groupchat message
 * @param roomCreationsPerMinute rooms one bare JID may create in any sixty seconds; one more is
 *     refused with resource-constraint (type wait); service administrators are exempt
 * @param maxRoomVcardBytes the largest room vCard (XEP-0486, the room's avatar), in UTF-8 bytes of
 *     the {@code <vCard/>} element as serialized; a larger one is refused with not-acceptable. A
 *     persistent room stores it, so this bounds what one owner can make the store hold.
 */
public record Limits(
        int maxOccupantsPerRoom,
        int maxRooms,
        int maxRoomsPerUser,
        int historySize,
        int maxSubjectLength,
        int maxNickLength,
        int maxReasonLength,
        int maxMessageLength,
        int roomCreationsPerMinute,
        int maxRoomVcardBytes) {

    /** The default {@link #maxRoomVcardBytes()}: 128 KiB, room for an avatar of about 90 KiB in base64. */
    public static final int DEFAULT_MAX_ROOM_VCARD_BYTES = 131_072;

    /**
     * The defaults: 1000 occupants per room, 10,000 rooms, 100 rooms per user, 20 messages of
     * history, subjects and configuration texts of 1024, nicknames of 64, reasons of 1024,
     * messages of 65,536, 30 rooms created per user per minute and room vCards of 128 KiB.
     */
    public static final Limits DEFAULTS = new Limits(1000, 10_000, 100, 20, 1024, 64, 1024, 65_536, 30,
            DEFAULT_MAX_ROOM_VCARD_BYTES);

    /**
     * Checks the limits.
     *
     * @param maxOccupantsPerRoom the most occupants any room may hold
     * @param maxRooms the most rooms the service may host
     * @param maxRoomsPerUser the most existing rooms one user may have created
     * @param historySize messages of discussion history kept per room
     * @param maxSubjectLength the longest subject or configuration text
     * @param maxNickLength the longest nickname, in code points
     * @param maxReasonLength the longest reason
     * @param maxMessageLength the longest groupchat message body
     * @param roomCreationsPerMinute the most rooms one user may create in a minute
     * @param maxRoomVcardBytes the largest room vCard, in UTF-8 bytes
     * @throws IllegalArgumentException if a limit is less than 1, or {@code historySize} is negative
     */
    public Limits {
        if (maxOccupantsPerRoom < 1 || maxRooms < 1 || maxRoomsPerUser < 1 || historySize < 0
                || maxSubjectLength < 1 || maxNickLength < 1 || maxReasonLength < 1 || maxMessageLength < 1
                || roomCreationsPerMinute < 1 || maxRoomVcardBytes < 1) {
            throw new IllegalArgumentException("limits must be positive (history may be 0)");
        }
    }

    /**
     * Limits with the default room vCard size ({@link #DEFAULT_MAX_ROOM_VCARD_BYTES}).
     *
     * @param maxOccupantsPerRoom the most occupants any room may hold
     * @param maxRooms the most rooms the service may host
     * @param maxRoomsPerUser the most existing rooms one user may have created
     * @param historySize messages of discussion history kept per room
     * @param maxSubjectLength the longest subject or configuration text
     * @param maxNickLength the longest nickname, in code points
     * @param maxReasonLength the longest reason
     * @param maxMessageLength the longest groupchat message body
     * @param roomCreationsPerMinute the most rooms one user may create in a minute
     * @throws IllegalArgumentException if a limit is less than 1, or {@code historySize} is negative
     */
    public Limits(int maxOccupantsPerRoom, int maxRooms, int maxRoomsPerUser, int historySize, int maxSubjectLength,
            int maxNickLength, int maxReasonLength, int maxMessageLength, int roomCreationsPerMinute) {
        this(maxOccupantsPerRoom, maxRooms, maxRoomsPerUser, historySize, maxSubjectLength, maxNickLength,
                maxReasonLength, maxMessageLength, roomCreationsPerMinute, DEFAULT_MAX_ROOM_VCARD_BYTES);
    }

    /**
     * These limits with another rate of room creation.
     *
     * @param perMinute rooms one user may create in a minute
     * @return a copy
     */
    public Limits withRoomCreationsPerMinute(int perMinute) {
        return new Limits(maxOccupantsPerRoom, maxRooms, maxRoomsPerUser, historySize, maxSubjectLength, maxNickLength,
                maxReasonLength, maxMessageLength, perMinute, maxRoomVcardBytes);
    }

    /**
     * These limits with another number of rooms per user.
     *
     * @param perUser rooms one user may have created and not destroyed
     * @return a copy
     */
    public Limits withMaxRoomsPerUser(int perUser) {
        return new Limits(maxOccupantsPerRoom, maxRooms, perUser, historySize, maxSubjectLength, maxNickLength,
                maxReasonLength, maxMessageLength, roomCreationsPerMinute, maxRoomVcardBytes);
    }

    /**
     * These limits with another largest room vCard.
     *
     * @param bytes the largest room vCard, in UTF-8 bytes
     * @return a copy
     */
    public Limits withMaxRoomVcardBytes(int bytes) {
        return new Limits(maxOccupantsPerRoom, maxRooms, maxRoomsPerUser, historySize, maxSubjectLength, maxNickLength,
                maxReasonLength, maxMessageLength, roomCreationsPerMinute, bytes);
    }
}
