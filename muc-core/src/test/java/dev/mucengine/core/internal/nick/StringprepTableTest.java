package dev.mucengine.core.internal.nick;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Spot checks of the generated tables against code points listed in RFC 3454. */
class StringprepTableTest {

    @ParameterizedTest
    @CsvSource({
        "A1, 0221", "A1, 0234", "A1, 024F", "A1, 1F916", "A1, E0000", "A1, 2FFFD",
        "B1, 00AD", "B1, 180B", "B1, 200B", "B1, FEFF", "B1, FE00", "B1, FE0F",
        "C12, 00A0", "C12, 1680", "C12, 3000",
        "C21, 0000", "C21, 001F", "C21, 007F",
        "C22, 0080", "C22, 009F", "C22, 06DD", "C22, 1D173",
        "C3, E000", "C3, F8FF", "C3, F0000", "C3, 10FFFD",
        "C4, FDD0", "C4, FDEF", "C4, FFFE", "C4, 10FFFF",
        "C5, D800", "C5, DFFF",
        "C6, FFF9", "C6, FFFD",
        "C7, 2FF0", "C7, 2FFB",
        "C8, 0340", "C8, 200E", "C8, 202A", "C8, 206F",
        "C9, E0001", "C9, E0020", "C9, E007F",
        "D1, 05BE", "D1, 0627", "D1, FEFC",
        "D2, 0041", "D2, 00AA", "D2, 10FFFD",
    })
    void containsCodePointsListedInTheRfc(StringprepTable table, String hex) {
        assertThat(table.contains(Integer.parseInt(hex, 16))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "A1, 0220", "A1, 0041", "A1, 0250", "A1, FDD0", "A1, FFFF",
        "B1, 00AC", "B1, 00AE", "B1, FE10",
        "C12, 0020",
        "C21, 0020", "C21, 0080",
        "C3, DFFF", "C3, F900",
        "C5, E000",
        "C6, FFF8", "C6, FFFE",
        "C8, 200D",
        "C9, E0002", "C9, E0080",
        "D1, 0041", "D1, 0030",
        "D2, 0020", "D2, 0627", "D2, 0030", "D2, 0000",
    })
    void leavesOutNeighbouringCodePoints(StringprepTable table, String hex) {
        assertThat(table.contains(Integer.parseInt(hex, 16))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(StringprepTable.class)
    void rangesAreSortedAndDisjointAsBinarySearchNeeds(StringprepTable table) {
        int[] ranges = table.ranges();

        assertThat(ranges.length % 2).isZero();
        for (int i = 0; i < ranges.length; i += 2) {
            assertThat(ranges[i]).isLessThanOrEqualTo(ranges[i + 1]);
            if (i > 0) {
                assertThat(ranges[i]).isGreaterThan(ranges[i - 1] + 1);
            }
        }
        assertThat(ranges[ranges.length - 1]).isLessThanOrEqualTo(Character.MAX_CODE_POINT);
    }

    @Test
    void tablesHaveTheSizesOfRfc3454() {
        assertThat(size(StringprepTable.C3)).isEqualTo(6400 + 65534 + 65534);
        assertThat(size(StringprepTable.C5)).isEqualTo(2048);
        assertThat(size(StringprepTable.B1)).isEqualTo(27);
    }

    private static int size(StringprepTable table) {
        int[] ranges = table.ranges();
        int size = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            size += ranges[i + 1] - ranges[i] + 1;
        }
        return size;
    }
}
