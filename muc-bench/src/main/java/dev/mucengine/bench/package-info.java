/** Benchmarks: what one groupchat, one join and one stanza through the codec cost. */
@NullMarked
package dev.mucengine.bench;

import org.jspecify.annotations.NullMarked;
