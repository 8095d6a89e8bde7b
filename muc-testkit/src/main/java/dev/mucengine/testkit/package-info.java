/** Replays scansion scripts against the engine in-process. */
@NullMarked
package dev.mucengine.testkit;

import org.jspecify.annotations.NullMarked;
