/** Messages sent to a room or an occupant: groupchat, subject, private messages, invitations. */
@NullMarked
package dev.mucengine.core.internal.message;

import org.jspecify.annotations.NullMarked;

