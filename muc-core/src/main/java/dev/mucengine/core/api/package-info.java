/** The engine's entry point for transports, and the services injected into it (ids). */
@NullMarked
package dev.mucengine.core.api;

import org.jspecify.annotations.NullMarked;

