/**
 * The load generator: real XMPP clients over non-blocking sockets that log in, join rooms, send
 * numbered groupchat messages and check every delivery, run against {@code serve} and against a
 * throwaway Prosody side by side ({@link dev.mucengine.bench.load.Compare}; docs/performance.md).
 */
@NullMarked
package dev.mucengine.bench.load;

import org.jspecify.annotations.NullMarked;
