/** Service discovery on a room (XEP-0045 §6.4-§6.7): disco#info with muc#roominfo, reserved nick, disco#items. */
@NullMarked
package dev.mucengine.core.internal.disco;

import org.jspecify.annotations.NullMarked;
