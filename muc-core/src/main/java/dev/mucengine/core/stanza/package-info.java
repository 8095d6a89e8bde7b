/** Typed stanza views (message, presence, iq) over the XML model, and stanza errors as values. */
@NullMarked
package dev.mucengine.core.stanza;

import org.jspecify.annotations.NullMarked;

