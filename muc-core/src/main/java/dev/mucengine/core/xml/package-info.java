/** Immutable XML infoset values: elements, text, qualified names. Shared freely, never copied. */
@NullMarked
package dev.mucengine.core.xml;

import org.jspecify.annotations.NullMarked;

