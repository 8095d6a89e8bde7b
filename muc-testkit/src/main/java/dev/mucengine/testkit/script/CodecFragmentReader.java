package dev.mucengine.testkit.script;

import dev.mucengine.core.stanza.Stanza;
import dev.mucengine.core.xml.Element;
import dev.mucengine.xml.ParseResult;
import dev.mucengine.xml.XmlParser;

/** Reads a step's XML with muc-xml's parser, as if inside a {@code jabber:client} stream. */
final class CodecFragmentReader implements XmlFragmentReader {

    private static final XmlParser PARSER = new XmlParser();

    @Override
    public Element read(String xml) {
        ParseResult result = PARSER.parseFragment(xml, Stanza.CLIENT_NAMESPACE);
        if (result instanceof ParseResult.Parsed parsed) {
            return parsed.element();
        }
        ParseResult.Failed failed = (ParseResult.Failed) result;
        throw new IllegalArgumentException(failed.error().text()
                .orElse(failed.error().condition().toString()));
    }
}
