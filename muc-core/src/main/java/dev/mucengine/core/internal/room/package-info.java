/**
 * One room's state and behaviour. The room is a state machine confined to one thread: each
 * handler takes one stanza, updates the room and appends the stanzas to send to an
 * {@link dev.mucengine.core.internal.room.Outbox}. Each room feature lives in its own small class.
 */
@NullMarked
package dev.mucengine.core.internal.room;

import org.jspecify.annotations.NullMarked;

