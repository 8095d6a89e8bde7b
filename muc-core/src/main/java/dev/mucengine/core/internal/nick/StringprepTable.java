package dev.mucengine.core.internal.nick;

/** The RFC 3454 tables Resourceprep uses, with membership tests over the generated ranges. */
enum StringprepTable {
    A1("A.1", "unassigned in Unicode 3.2", StringprepTables.A1),
    B1("B.1", "commonly mapped to nothing", StringprepTables.B1),
    C12("C.1.2", "a non-ASCII space", StringprepTables.C12),
    C21("C.2.1", "an ASCII control character", StringprepTables.C21),
    C22("C.2.2", "a non-ASCII control character", StringprepTables.C22),
    C3("C.3", "a private use character", StringprepTables.C3),
    C4("C.4", "a non-character code point", StringprepTables.C4),
    C5("C.5", "a surrogate code", StringprepTables.C5),
    C6("C.6", "inappropriate for plain text", StringprepTables.C6),
    C7("C.7", "inappropriate for canonical representation", StringprepTables.C7),
    C8("C.8", "a display-changing or deprecated character", StringprepTables.C8),
    C9("C.9", "a tagging character", StringprepTables.C9),
    D1("D.1", "a right-to-left character (bidi R or AL)", StringprepTables.D1),
    D2("D.2", "a left-to-right character (bidi L)", StringprepTables.D2);

    private final String section;
    private final String description;
    private final int[] ranges;

    StringprepTable(String section, String description, int[] ranges) {
        this.section = section;
        this.description = description;
        this.ranges = ranges;
    }

    /** The RFC 3454 appendix section, e.g. {@code "C.8"}. */
    String section() {
        return section;
    }

    /** What the table's characters are, phrased to follow "is". */
    String description() {
        return description;
    }

    /** Whether the code point is in this table. */
    boolean contains(int codePoint) {
        // Binary search for the last range starting at or before the code point.
        int low = 0;
        int high = ranges.length / 2 - 1;
        int candidate = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (ranges[2 * mid] <= codePoint) {
                candidate = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return candidate >= 0 && codePoint <= ranges[2 * candidate + 1];
    }

    /** The start/end pairs; for invariant tests only, so callers must not modify it. */
    int[] ranges() {
        return ranges;
    }
}
