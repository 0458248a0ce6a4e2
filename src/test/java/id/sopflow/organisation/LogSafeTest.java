package id.sopflow.organisation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTest {

    @Test
    void anOrdinaryUserIdIsLoggedAsItIs() {
        assertThat(LogSafe.name("pelaksana.arut-selatan")).isEqualTo("pelaksana.arut-selatan");
        assertThat(LogSafe.name("")).isEmpty();
        assertThat(LogSafe.name(null)).isEmpty();
    }

    @Test
    void lineBreaksCannotForgeALogLine() {
        String forged = LogSafe.name("admin\r\n2026-03-02 INFO Pengguna 'admin' masuk");

        assertThat(forged).isEqualTo("admin??2026-03-02 INFO Pengguna 'admin' masuk").doesNotContain("\r", "\n");
    }

    @Test
    void everyControlOrInvisibleFormattingCharacterIsReplaced() {
        String controls = "a\tb\u001B[31mc\u0000d\u0085e\u2028f\u2029g\u202Eh\u200Bi\u007F";

        assertThat(LogSafe.name(controls)).isEqualTo("a?b?[31mc?d?e?f?g?h?i?");
    }

    @Test
    void longNamesAreCutAtSixtyFourCharacters() {
        assertThat(LogSafe.name("x".repeat(64))).isEqualTo("x".repeat(64));
        assertThat(LogSafe.name("x".repeat(65))).isEqualTo("x".repeat(64) + "…");
        assertThat(LogSafe.name("y".repeat(1_000_000))).hasSize(65);
    }

    @Test
    void lettersOutsideAsciiAndSurrogatePairsStayWhole() {
        assertThat(LogSafe.name("camat.ñgawi-😀")).isEqualTo("camat.ñgawi-😀");
        String emojis = "😀".repeat(70);
        assertThat(LogSafe.name(emojis)).isEqualTo("😀".repeat(64) + "…");
    }
}
