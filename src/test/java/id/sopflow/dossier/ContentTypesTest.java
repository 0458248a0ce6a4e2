package id.sopflow.dossier;

import id.sopflow.api.UnacceptableFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accepted types by their bytes (Tika), whatever the name; the name must then agree with the content. */
class ContentTypesTest {

    private final ContentTypes types = new ContentTypes();

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("renja.pdf", TestFiles.pdf("Renja 2027"), "application/pdf"),
                Arguments.of("renja.docx", TestFiles.docx("Renja 2027"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                Arguments.of("rfk.xlsx", TestFiles.xlsx("RFK"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                Arguments.of("rfk.xls", TestFiles.xls("RFK"), "application/vnd.ms-excel"),
                Arguments.of("renja.doc", TestFiles.doc("Renja"), "application/msword"),
                Arguments.of("renja.odt", TestFiles.odt(), "application/vnd.oasis.opendocument.text"),
                Arguments.of("rfk.ods", TestFiles.ods(), "application/vnd.oasis.opendocument.spreadsheet"),
                Arguments.of("scan.jpg", TestFiles.image("jpg"), "image/jpeg"),
                Arguments.of("scan.JPEG", TestFiles.image("jpg"), "image/jpeg"),
                Arguments.of("scan.png", TestFiles.image("png"), "image/png"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void everyAcceptedTypeIsKnownByItsBytes(String name, byte[] content, String type) {
        assertThat(types.detect(new ByteArrayInputStream(content))).isEqualTo(type);
        assertThat(ContentTypes.accept(name, types.detect(new ByteArrayInputStream(content)))).isEqualTo(type);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("renja.pdf", TestFiles.exe(), "bukan jenis yang diterima"),
                Arguments.of("renja.pdf", TestFiles.html(), "text/html"),
                Arguments.of("renja.docx", TestFiles.zip(), "application/zip"),
                Arguments.of("renja.docx", TestFiles.pdf("x"), "adalah PDF, tetapi namanya berakhiran .docx"),
                Arguments.of("renja", TestFiles.pdf("x"), "tanpa akhiran"),
                Arguments.of("catatan.txt", "teks biasa".getBytes(), "text/plain"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("refused")
    void anythingElseIsRefusedWithWhatItIs(String name, byte[] content, String message) {
        String detected = types.detect(new ByteArrayInputStream(content));
        assertThatThrownBy(() -> ContentTypes.accept(name, detected))
                .isInstanceOfSatisfying(UnacceptableFile.class, e -> assertThat(e.reason()).isEqualTo(UnacceptableFile.Reason.UNSUPPORTED_TYPE))
                .hasMessageContaining(message);
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("renja.doc", TestFiles.docWithMacros(), "memuat makro"),
                Arguments.of("rfk.xls", TestFiles.xlsWithMacros(), "memuat makro"),
                Arguments.of("renja.docx", TestFiles.docxWithVbaPart(), "vbaProject.bin"),
                Arguments.of("renja.odt", TestFiles.odtCarryingAProgram(), "setup.exe"),
                Arguments.of("renja.docx", TestFiles.docxMarkerOnly(), "tidak memuat isi dokumennya"),
                Arguments.of("renja.docx", TestFiles.zipBomb(200), "bom zip"));
    }

    /** Files a review found that pass a detector of magic bytes alone: inspected as what they are, and refused. */
    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("hostile")
    void hostileFilesAreRefusedAfterTheDetector(String name, byte[] content, String message) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> types.inspect(name, () -> new ByteArrayInputStream(content)))
                .isInstanceOfSatisfying(UnacceptableFile.class, e -> assertThat(e.reason()).isEqualTo(UnacceptableFile.Reason.UNSUPPORTED_TYPE))
                .hasMessageContaining(message);
        // a bomb is refused while it is read, after a few megabytes, not after inflating all of it
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(2_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void everyAcceptedFilePassesTheWholeInspection(String name, byte[] content, String type) {
        assertThat(types.inspect(name, () -> new ByteArrayInputStream(content))).isEqualTo(type);
    }

    @Test
    void aMacroEnabledWordFileIsNotAWordFile() {
        byte[] docx = TestFiles.docx("makro");
        // the same package with the macro-enabled main part's content type
        byte[] docm = ZipRewrite.replace(docx, "[Content_Types].xml",
                s -> s.replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml"));
        assertThat(types.detect(new ByteArrayInputStream(docm))).isNotIn(ContentTypes.ACCEPTED.keySet());
    }
}
