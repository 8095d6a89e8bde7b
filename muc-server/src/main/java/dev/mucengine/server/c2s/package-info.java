/**
 * {@code serve}: a small RFC 6120/6121 client-to-server TCP server around the engine, so real
 * XMPP clients (and Smack's integration tests) can use it. Internal: used by the {@code serve}
 * command.
 */
@NullMarked
package dev.mucengine.server.c2s;

import org.jspecify.annotations.NullMarked;
