package dev.mucengine.core.xml;

import java.util.Objects;

/**
 * Character data. The value is the unescaped text exactly as the document meant it.
 *
 * @param value the text, unescaped
 */
public record Text(String value) implements Node {

    /**
     * Checks the text.
     *
     * @param value the text
     * @throws NullPointerException if {@code value} is null
     */
    public Text {
        Objects.requireNonNull(value, "value");
    }

    /**
     * True if this text is only XML white space (space, tab, CR, LF).
     *
     * @return whether the text is white space only (true for the empty text)
     */
    public boolean isWhitespace() {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
