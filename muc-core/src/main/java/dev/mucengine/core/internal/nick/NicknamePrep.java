package dev.mucengine.core.internal.nick;

import dev.mucengine.core.internal.config.Invalid;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Strict resourceprep of room nicknames.
 *
 * <p>XEP-0045 §7.2 makes nicknames resourceparts, so they are prepared with the Resourceprep
 * profile of RFC 6122 Appendix B (RFC 3920 Appendix B): map table B.1 to nothing, normalize with
 * NFKC, prohibit tables C.1.2, C.2.1, C.2.2, C.3 to C.9, apply the RFC 3454 §6 bidi rules, and —
 * the strict form — refuse code points unassigned in Unicode 3.2 (table A.1). The result must be
 * non-empty and at most 1023 bytes of UTF-8.
 *
 * <p>Deviation: NFKC is {@link Normalizer}'s, which follows the JDK's Unicode version rather than
 * 3.2. Code points unassigned in 3.2 are refused anyway, and for the assigned ones the two differ
 * (compared code point by code point against Python's Unicode 3.2 data) only for the five CJK
 * compatibility ideographs corrected by Unicode Corrigendum #4 (U+2F868, U+2F874, U+2F91F,
 * U+2F95F, U+2F9BF), which normalize to the corrected ideographs.
 */
public final class NicknamePrep {

    /** RFC 6122 §2.4: a resourcepart is at most 1023 bytes. */
    static final int MAX_UTF8_BYTES = 1023;

    private static final List<StringprepTable> PROHIBITED = List.of(
            StringprepTable.C12, StringprepTable.C21, StringprepTable.C22, StringprepTable.C3,
            StringprepTable.C4, StringprepTable.C5, StringprepTable.C6, StringprepTable.C7,
            StringprepTable.C8, StringprepTable.C9);

    private NicknamePrep() {
    }

    /** Prepares a nickname; never throws for bad input, which is reported as {@link NickResult.Invalid}. */
    public static NickResult prepare(String nick) {
        Objects.requireNonNull(nick, "nick");
        String mapped = mapToNothing(nick);
        String prepared = Normalizer.normalize(mapped, Normalizer.Form.NFKC);

        if (prepared.isEmpty()) {
            return new NickResult.Invalid(prepared, "nickname is empty");
        }
        // Checked on the mapped input too: modern NFKC could turn a character that is new since
        // Unicode 3.2 into an old one, hiding it from a check on the output alone.
        String unassigned = firstIn(StringprepTable.A1, mapped);
        if (unassigned.isEmpty()) {
            unassigned = firstIn(StringprepTable.A1, prepared);
        }
        String prohibited = prohibited(prepared);
        if (!prohibited.isEmpty()) {
            return new NickResult.Invalid(prepared, prohibited);
        }
        String bidi = bidiViolation(prepared);
        if (!bidi.isEmpty()) {
            return new NickResult.Invalid(prepared, bidi);
        }
        if (!unassigned.isEmpty()) {
            return new NickResult.Invalid(prepared, unassigned);
        }
        int bytes = prepared.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UTF8_BYTES) {
            return new NickResult.Invalid(prepared,
                    "nickname is " + bytes + " bytes of UTF-8, more than " + MAX_UTF8_BYTES);
        }
        return new NickResult.Valid(prepared);
    }

    private static String mapToNothing(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .filter(cp -> !StringprepTable.B1.contains(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The reason for the first prohibited character, or "" if there is none. */
    private static String prohibited(String s) {
        for (StringprepTable table : PROHIBITED) {
            String reason = firstIn(table, s);
            if (!reason.isEmpty()) {
                return reason;
            }
        }
        return "";
    }

    /** A reason naming the first code point of {@code s} in {@code table}, or "" if there is none. */
    private static String firstIn(StringprepTable table, String s) {
        return s.codePoints()
                .filter(table::contains)
                .mapToObj(cp -> "nickname contains " + hex(cp) + ", which is " + table.description()
                        + " (RFC 3454 table " + table.section() + ")")
                .findFirst()
                .orElse("");
    }

    /** RFC 3454 §6 rules 2 and 3; rule 1 (table C.8) is among the prohibitions. */
    private static String bidiViolation(String s) {
        boolean hasRandAL = s.codePoints().anyMatch(StringprepTable.D1::contains);
        if (!hasRandAL) {
            return "";
        }
        if (s.codePoints().anyMatch(StringprepTable.D2::contains)) {
            return "nickname mixes right-to-left and left-to-right characters (RFC 3454 section 6)";
        }
        int first = s.codePointAt(0);
        int last = s.codePointBefore(s.length());
        if (!StringprepTable.D1.contains(first) || !StringprepTable.D1.contains(last)) {
            return "nickname with right-to-left characters must start and end with one"
                    + " (RFC 3454 section 6)";
        }
        return "";
    }

    private static String hex(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}
