/**
 * The engine as the MUC service of an existing XMPP server, over the Jabber Component Protocol
 * (XEP-0114): {@code ExternalComponent} connects, authenticates with the handshake, feeds the
 * confined engine and reconnects with exponential backoff. Internal: used by the
 * {@code component} command.
 */
@NullMarked
package dev.mucengine.server.component;

import org.jspecify.annotations.NullMarked;
