/**
 * What both transports share: the engine confined to one thread ({@link ConfinedEngine}), the
 * one router for everything it sends ({@link StanzaRouter}), and each connection's bounded output
 * ({@link ChannelOutput} on selector threads, {@link OutboundWriter} with a thread of its own)
 * with its {@link OverflowPolicy}. Internal: not exported.
 */
@NullMarked
package dev.mucengine.server;

import org.jspecify.annotations.NullMarked;
