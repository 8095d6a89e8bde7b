/** Compares an expected stanza from a script with a stanza the engine actually sent. */
@NullMarked
package dev.mucengine.testkit.match;

import org.jspecify.annotations.NullMarked;
