package dev.mucengine.xml;

import dev.mucengine.core.xml.Element;
import java.util.Objects;

/**
 * The outcome of parsing one stanza: the element ({@link Parsed}), or the stream error it
 * deserves ({@link Failed}).
 */
public sealed interface ParseResult {

    /**
     * The input was one well-formed, allowed element.
     *
     * @param element the element read
     */
    record Parsed(Element element) implements ParseResult {
        /**
         * Checks the result.
         *
         * @param element the element read
         * @throws NullPointerException if {@code element} is null
         */
        public Parsed {
            Objects.requireNonNull(element, "element");
        }
    }

    /**
     * The input was refused.
     *
     * @param error the stream error it deserves, with a text saying why
     */
    record Failed(StreamError error) implements ParseResult {
        /**
         * Checks the result.
         *
         * @param error the stream error
         * @throws NullPointerException if {@code error} is null
         */
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
