/**
 * The test suite every {@link dev.mucengine.core.store.RoomStore} should pass:
 * {@link dev.mucengine.testkit.store.RoomStoreContract}, to extend with a store of one's own.
 */
@NullMarked
package dev.mucengine.testkit.store;

import org.jspecify.annotations.NullMarked;
