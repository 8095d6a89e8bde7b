/**
 * Room modules: the seam through which every room feature plugs into the engine. A feature is one
 * {@link dev.mucengine.core.module.RoomModule} listed in the service configuration; its
 * configuration fields, disco features, checks and actions are assembled with the others'.
 * {@link dev.mucengine.core.module.StandardModules} lists the engine's own.
 */
@NullMarked
package dev.mucengine.core.module;

import org.jspecify.annotations.NullMarked;

