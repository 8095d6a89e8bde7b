/**
 * What both transports share: the engine confined to one thread ({@link ConfinedEngine}), the
 * one router for everything it sends ({@link StanzaRouter}), the selector threads that own the
 * connections ({@link SelectorLoop}), each connection's way into the engine ({@link EngineInbox})
 * and its bounded output ({@link ChannelOutput}) with its {@link OverflowPolicy}. Internal: not
 * exported.
 */
@NullMarked
package dev.mucengine.server;

import org.jspecify.annotations.NullMarked;
