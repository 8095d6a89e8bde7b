/** Parsing and serialization of XMPP stanzas and streams, hardened against hostile XML. */
@NullMarked
package dev.mucengine.xml;

import org.jspecify.annotations.NullMarked;
