/**
 * What a room is, as values: its configuration ({@link dev.mucengine.core.room.RoomConfig}),
 * affiliation entries and occupants, and the requests that change them. The room's behaviour
 * lives in the engine, behind {@link dev.mucengine.core.service.MucService}.
 */
@NullMarked
package dev.mucengine.core.room;

import org.jspecify.annotations.NullMarked;

