package id.sopflow.compliance;

import id.sopflow.api.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A catatan or tindakan as the Sekcam types it and as it is stored. */
class ComplianceTextTest {

    @Test
    void aControlCharacterIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Compliance.text("catatan", "baik\u0000")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("'catatan'").hasMessageContaining("U+0000");
        assertThatThrownBy(() -> Compliance.text("tindakan", "a\u0007b")).isInstanceOf(InvalidInput.class).hasMessageContaining("'tindakan'");
        assertThatThrownBy(() -> Compliance.text("catatan", "a\u202Eb")).as("an invisible direction override").isInstanceOf(InvalidInput.class);
        assertThat(Compliance.text("catatan", "baris\tsatu\nbaris dua")).isEqualTo("baris\tsatu\nbaris dua");
    }

    @Test
    void lineBreaksCountAsOneCharacterAsInTheBrowser() {
        String typed = ("x".repeat(99) + "\r\n").repeat(20); // 2000 in the browser's count, 2040 as sent
        assertThat(Compliance.text("catatan", typed)).hasSize(1999).doesNotContain("\r"); // the last line break is trimmed
        assertThat(Compliance.text("catatan", "a\rb")).isEqualTo("a\nb");
        assertThatThrownBy(() -> Compliance.text("catatan", "x".repeat(2001))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("terlalu panjang");
    }
}
