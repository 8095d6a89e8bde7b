/** Presence sent to a room: entering, leaving, nickname and status changes, probes. One concern per class. */
@NullMarked
package dev.mucengine.core.internal.presence;

import org.jspecify.annotations.NullMarked;

