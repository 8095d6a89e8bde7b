package dev.mucengine.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * Builds the Woodstox factory used for every parse. {@link ElementFramer} already rejects
 * DTDs, entities, comments and PIs before Woodstox sees a byte; this configuration is the second
 * line of defence should a byte sequence ever slip past the scanner.
 */
final class HardenedInputFactory {

    private HardenedInputFactory() {
    }

    static XMLInputFactory2 create(XmlLimits limits) {
        // Instantiate Woodstox directly: XMLInputFactory.newFactory() could pick another
        // provider from the class path, one we have not hardened.
        XMLInputFactory2 f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        XMLResolver refuse = (publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resolution refused: " + systemId);
        };
        f.setProperty(XMLInputFactory.RESOLVER, refuse);
        f.setProperty(WstxInputProperties.P_DTD_RESOLVER, refuse);
        f.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, refuse);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        // +2: the synthetic context element wrapping each stanza, and slack so our own check
        // (which produces a precise message) normally fires first.
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth() + 2);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT,
                Math.max(limits.maxAttributes() + 1, 32));
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxAttributeLength() + 1);
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxTextLength() + 1);
        f.setProperty(WstxInputProperties.P_MAX_CHARACTERS, (long) limits.maxStanzaBytes() * 2 + 65_536);
        return f;
    }
}
