/** The simulated home server of the scripted users: sessions, routing and their queues. */
@NullMarked
package dev.mucengine.testkit.server;

import org.jspecify.annotations.NullMarked;
