package dev.mucengine.xml;

import dev.mucengine.core.xml.Element;
import java.util.Objects;

/** The outcome of parsing one stanza: the element, or the stream error it deserves. */
public sealed interface ParseResult {

    record Parsed(Element element) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(element, "element");
        }
    }

    record Failed(StreamError error) implements ParseResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
