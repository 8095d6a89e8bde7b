package dev.mucengine.testkit.script;

import dev.mucengine.core.xml.Element;

/** Turns the XML of one step into an element, unprefixed names in {@code jabber:client}. */
@FunctionalInterface
interface XmlFragmentReader {

    /**
     * Parses one stanza.
     *
     * @throws IllegalArgumentException with a one-line message if the XML is not well-formed
     */
    Element read(String xml);
}
