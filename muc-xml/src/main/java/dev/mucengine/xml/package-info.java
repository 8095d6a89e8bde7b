/**
 * Parsing and serialization of XMPP stanzas and streams, hardened against hostile XML.
 *
 * <ul>
 *   <li>{@link dev.mucengine.xml.XmlParser}: one stanza (String or bytes) to a
 *       {@link dev.mucengine.xml.ParseResult}.</li>
 *   <li>{@link dev.mucengine.xml.XmppStreamReader}: an XMPP stream from an InputStream, one
 *       {@link dev.mucengine.xml.StreamEvent} at a time, incrementally.</li>
 *   <li>{@link dev.mucengine.xml.XmlSerializer}: the model back to XML, standalone or in a
 *       stream, plus stream headers.</li>
 *   <li>{@link dev.mucengine.xml.StanzaTemplate}: a fan-out's stanza serialized once, each
 *       recipient's copy spliced from it as {@link dev.mucengine.xml.SplicedBytes}.</li>
 *   <li>{@link dev.mucengine.xml.StreamError} / {@link dev.mucengine.xml.StreamErrorCondition}:
 *       every failure, as a value carrying the RFC 6120 stream error to send.</li>
 *   <li>{@link dev.mucengine.xml.XmlLimits}: size limits; exceeding one is
 *       {@code policy-violation}.</li>
 * </ul>
 *
 * <p>Restricted XML (RFC 6120 §11.1): DTDs, entity declarations and references other than the
 * five predefined entities and character references, processing instructions and comments are
 * rejected with {@code restricted-xml}; an XML declaration is accepted only before a stream
 * header (or at the start of a standalone stanza). Only UTF-8 is accepted.
 */
@NullMarked
package dev.mucengine.xml;

import org.jspecify.annotations.NullMarked;

