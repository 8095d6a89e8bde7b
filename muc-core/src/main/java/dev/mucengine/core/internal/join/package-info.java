/** The checks a user passes to enter a room, one rule per class, applied in a fixed order. */
@NullMarked
package dev.mucengine.core.internal.join;

import org.jspecify.annotations.NullMarked;
