/**
 * Message retraction in a room: moderated retraction (XEP-0425) and an occupant's retraction of
 * its own message (XEP-0424), with the archive's tombstones.
 */
@NullMarked
package dev.mucengine.core.internal.moderation;

import org.jspecify.annotations.NullMarked;
