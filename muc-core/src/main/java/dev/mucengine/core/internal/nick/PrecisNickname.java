package dev.mucengine.core.internal.nick;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The PRECIS Nickname profile's rules that strict Resourceprep does not already apply (RFC 8266
 * §2.2, §2.3): spaces are ASCII spaces, none leads or trails, none follows another; and nicknames
 * compare after case mapping, so {@code "Bob"} and {@code "bob"} are the same nickname. Without
 * them {@code " bob"} or {@code "bob "} could sit next to {@code "bob"} and pass for him.
 */
public final class PrecisNickname {

    private PrecisNickname() {
    }

    /**
     * The nickname after the additional mapping rule (RFC 8266 §2.2, step 1): every space
     * character mapped to U+0020, leading and trailing ones removed, runs of them made one.
     *
     * @param nick a nickname after Resourceprep
     * @return the enforced form; empty if the nickname was only spaces
     */
    public static String enforce(String nick) {
        StringBuilder out = new StringBuilder(nick.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nick.length(); ) {
            int cp = nick.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.SPACE_SEPARATOR) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /**
     * What nicknames are compared by (RFC 8266 §2.3): the enforced form, case-mapped with
     * Unicode toLowerCase, then NFKC-normalized. Two nicknames with the same key are one.
     *
     * @param nick a valid nickname
     * @return its comparison key
     */
    public static String comparisonKey(String nick) {
        return Normalizer.normalize(enforce(nick).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
