package dev.mucengine.core.xml;

import java.util.Objects;

/** Character data. The value is the unescaped text exactly as the document meant it. */
public record Text(String value) implements Node {

    public Text {
        Objects.requireNonNull(value, "value");
    }

    /** True if this text is only XML white space (space, tab, CR, LF). */
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
