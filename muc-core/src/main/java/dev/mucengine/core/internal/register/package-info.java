/** Registering with a room (XEP-0045 §7.10, jabber:iq:register): reserving a nickname, becoming a member. */
@NullMarked
package dev.mucengine.core.internal.register;

import org.jspecify.annotations.NullMarked;
