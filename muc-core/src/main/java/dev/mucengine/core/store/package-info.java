/** Persistence of rooms: a snapshot record and the store interface a host implements. */
@NullMarked
package dev.mucengine.core.store;

import org.jspecify.annotations.NullMarked;

