/**
 * What both transports share: the engine confined to one thread ({@link ConfinedEngine}), the
 * one router for everything it sends ({@link StanzaRouter}), and the one bounded writer per
 * connection ({@link OutboundWriter}) with its {@link OverflowPolicy}. Internal: not exported.
 */
@NullMarked
package dev.mucengine.server;

import org.jspecify.annotations.NullMarked;
