package dev.mucengine.core.internal.nick;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mucengine.core.internal.config.Invalid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NicknamePrepTest {

    private static NickResult.Invalid invalid(String nick) {
        NickResult result = NicknamePrep.prepare(nick);
        assertThat(result).isInstanceOf(NickResult.Invalid.class);
        return (NickResult.Invalid) result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Romeo", "Juliet2", "Juliet de Capulet", "Ünïcødé", "ROMEO", "\u0627\u0628",
        "\u0627 \u0628"})
    void ordinaryNicknamesAreKeptAsTheyAre(String nick) {
        assertThat(NicknamePrep.prepare(nick)).isEqualTo(new NickResult.Valid(nick));
    }

    @Test
    void combiningSequencesAreComposed() {
        assertThat(NicknamePrep.prepare("Jose\u0301")).isEqualTo(new NickResult.Valid("Jos\u00E9"));
        assertThat(NicknamePrep.prepare("Jos\u00E9")).isEqualTo(new NickResult.Valid("Jos\u00E9"));
    }

    @Test
    void compatibilityCharactersAreFolded() {
        assertThat(NicknamePrep.prepare("ｆｕｌｌｗｉｄｔｈ")).isEqualTo(new NickResult.Valid("fullwidth"));
        // U+00A0 is in C.1.2, but NFKC turns it into an ordinary space before the check.
        assertThat(NicknamePrep.prepare("Juliet\u00A0de")).isEqualTo(new NickResult.Valid("Juliet de"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ro\u00ADmeo", "Ro\u200Bmeo", "Ro\uFE0Fmeo", "\uFEFFRomeo", "Rom\u180Beo"})
    void invisibleCharactersAreMappedToNothing(String nick) {
        assertThat(NicknamePrep.prepare(nick)).isEqualTo(new NickResult.Valid("Romeo"));
    }

    @Test
    void emojiNewerThanUnicode32IsRefusedButTheMappedFormIsReported() {
        NickResult.Invalid result = invalid("\uD83E\uDD16\uFE0F");

        assertThat(result.prepared()).isEqualTo("\uD83E\uDD16");
        assertThat(result.reason()).contains("U+1F916").contains("A.1");
    }

    @Test
    void codePointUnassignedInUnicode32IsRefused() {
        assertThat(invalid("a\u0221").reason()).contains("U+0221").contains("unassigned");
    }

    @Test
    void newCharacterIsRefusedEvenIfNfkcWouldTurnItIntoAnOldOne() {
        // U+1F100 DIGIT ZERO FULL STOP (Unicode 5.2) normalizes to "0." under modern NFKC.
        NickResult.Invalid result = invalid("\uD83C\uDD00");

        assertThat(result.prepared()).isEqualTo("0.");
        assertThat(result.reason()).contains("U+1F100");
    }

    @ParameterizedTest
    @CsvSource({
        "a\u1680b, C.1.2",
        "'\u0000x', C.2.1",
        "a\u007Fb, C.2.1",
        "a\u0085b, C.2.2",
        "a\u2028b, C.2.2",
        "a\uE000b, C.3",
        "a\uDB80\uDC00b, C.3",
        "a\uFDD0b, C.4",
        "a\uFFFFb, C.4",
        "'\uD83D', C.5",
        "a\uDC00b, C.5",
        "a\uFFFDb, C.6",
        "a\u2FF0b, C.7",
        "a\u200Eb, C.8",
        "a\u202Ab, C.8",
        "a\uDB40\uDC01b, C.9",
    })
    void prohibitedCharactersAreRefused(String nick, String table) {
        NickResult.Invalid result = invalid(nick);

        assertThat(result.reason()).contains("table " + table + ")");
        assertThat(result.prepared()).isEqualTo(nick);
    }

    @Test
    void asciiSpaceIsAllowedInResourceparts() {
        assertThat(NicknamePrep.prepare(" Romeo ")).isEqualTo(new NickResult.Valid(" Romeo "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0627a\u0628", "a\u0627"})
    void rightToLeftMixedWithLeftToRightIsRefused(String nick) {
        assertThat(invalid(nick).reason()).contains("mixes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u06271", "1\u0627", "\u0627 "})
    void rightToLeftNicknameMustStartAndEndRightToLeft(String nick) {
        assertThat(invalid(nick).reason()).contains("start and end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\u00AD", "\u200B\uFE0F"})
    void emptyNicknameIsRefused(String nick) {
        assertThat(NicknamePrep.prepare(nick)).isEqualTo(new NickResult.Invalid("", "nickname is empty"));
    }

    @Test
    void nicknameMayBeUpTo1023BytesOfUtf8() {
        String longest = "a".repeat(1023);

        assertThat(NicknamePrep.prepare(longest)).isEqualTo(new NickResult.Valid(longest));
        assertThat(invalid(longest + "a").reason()).contains("1024 bytes");
        // Two-byte characters: 512 of them are 1024 bytes although only 512 chars.
        assertThat(invalid("\u00E9".repeat(512)).reason()).contains("1024 bytes");
    }

    @Test
    void lengthIsMeasuredAfterPreparation() {
        String nick = "a".repeat(1023) + "\u00AD".repeat(10);

        assertThat(NicknamePrep.prepare(nick)).isEqualTo(new NickResult.Valid("a".repeat(1023)));
    }
}
