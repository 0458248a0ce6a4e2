package id.sopflow.dossier;

import id.sopflow.api.UnacceptableFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file keeps the name it was sent with, cleaned; a name with path parts or hidden characters is refused. */
class FileNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "renja-2027.pdf|renja-2027.pdf",
            "  Renja  Kecamatan   2027.pdf |Renja Kecamatan 2027.pdf",
            "laporan: \"final\"?.docx|laporan_ _final__.docx",
            "...tersembunyi.pdf|tersembunyi.pdf",
            "Lampiran Bab 1 (revisi).xlsx|Lampiran Bab 1 (revisi).xlsx"})
    void aNameIsKeptCleaned(String sent, String kept) {
        assertThat(FileNames.sanitise(sent)).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../renja.pdf", "a/b.pdf", "C:\\Users\\staf\\renja.pdf", "..", "/etc/passwd"})
    void pathPartsAreRefused(String name) {
        assertRefused(name, "bagian jalur");
    }

    @ParameterizedTest
    @ValueSource(strings = {"renja\u0000.pdf", "renja\n.pdf", "renja\u202Efdp.exe", "renja\u200B.pdf", "\u0007.pdf"})
    void controlAndInvisibleCharactersAreRefused(String name) {
        assertRefused(name, "karakter kendali atau tak terlihat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "..."})
    void aNameWithoutANameIsRefused(String name) {
        assertThatThrownBy(() -> FileNames.sanitise(name)).isInstanceOf(UnacceptableFile.class);
    }

    @ParameterizedTest
    @CsvSource({"renja.PDF,pdf", "renja.tar.gz,gz", "renja,''", "renja.,''"})
    void theExtensionIsLowerCase(String name, String extension) {
        assertThat(FileNames.extension(name)).isEqualTo(extension);
    }

    private static void assertRefused(String name, String message) {
        assertThatThrownBy(() -> FileNames.sanitise(name)).isInstanceOfSatisfying(UnacceptableFile.class,
                e -> assertThat(e.reason()).isEqualTo(UnacceptableFile.Reason.INVALID)).hasMessageContaining(message);
    }
}
