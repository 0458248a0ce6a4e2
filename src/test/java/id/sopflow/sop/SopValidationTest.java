package id.sopflow.sop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad SOP sources are rejected with a message naming the file, the line, the step and the field. */
class SopValidationTest {

    private static final String HEAD = """
            kode: contoh
            nama: Contoh SOP
            kecamatan: Uji
            peran:
              - {id: camat, nama: Camat}
              - {id: pelaksana, nama: Pelaksana}
            langkah:
            """;
    private static final String STEP_1 = "  - {no: 1, aktivitas: Menyusun draf, pelaksana: pelaksana, waktu: 1 hari, output: draf}\n";
    private static final String STEP_2 = "  - {no: 2, aktivitas: Menandatangani, pelaksana: camat, waktu: 5 menit, output: dokumen, kembaliKe: 1}\n";

    private final SopReader reader = new SopReader(SopCatalog.STANDARD_ROLES);

    private SopDefinition read(String yaml) {
        return reader.read(new StringReader(yaml), "config/sop/uji/contoh.yaml", "uji");
    }

    @Test
    void readsAValidFile() {
        SopDefinition sop = read(HEAD + STEP_1 + STEP_2);
        assertThat(sop.steps()).hasSize(2);
        assertThat(sop.step(2).returnTo()).hasValue(1);
        assertThat(sop.step(1).waktu()).isPresent();
        assertThat(sop.warnings()).isEmpty();
    }

    @Test
    void blankWaktuIsAWarningNotAnError() {
        SopDefinition sop = read(HEAD + STEP_1.replace("waktu: 1 hari", "waktu: ''"));
        assertThat(sop.step(1).waktu()).isEmpty();
        assertThat(sop.warnings()).containsExactly("config/sop/uji/contoh.yaml, langkah 1: waktu belum ditetapkan");
    }

    private static final String KINDS = HEAD.replace("peran:", "berkas:\n  - draf\n  - dokumen ditandatangani\nperan:");

    @Test
    void documentKindsAndWhatEachStepRequiresAreRead() {
        SopDefinition sop = read(KINDS + "  - {no: 1, aktivitas: Menyusun draf, pelaksana: pelaksana, output: draf, hasilWajib: [draf]}\n"
                + "  - {no: 2, aktivitas: Menandatangani, pelaksana: camat, output: dokumen, kembaliKe: 1, kelengkapanWajib: draf, "
                + "hasilWajib: [dokumen ditandatangani]}\n");
        assertThat(sop.documentKinds()).containsExactly("draf", "dokumen ditandatangani");
        assertThat(sop.step(1).requiredOutputs()).containsExactly("draf");
        assertThat(sop.step(2).requiredKelengkapan()).containsExactly("draf");
        assertThat(sop.step(2).requiredOutputs()).containsExactly("dokumen ditandatangani");
    }

    @Test
    void aRequiredDocumentOfAnUnknownKindIsNamedAtItsLine() {
        assertProblem(KINDS + "  - no: 1\n    aktivitas: Menyusun draf\n    pelaksana: pelaksana\n    output: draf\n    hasilWajib:\n"
                        + "      - draf\n      - Draf TTD\n",
                "config/sop/uji/contoh.yaml baris 17, langkah 1, isian 'hasilWajib': 'Draf TTD' bukan jenis dokumen di daftar 'berkas' SOP ini "
                        + "(yang ada: draf; dokumen ditandatangani)");
        assertProblem(HEAD + STEP_1.replace("output: draf}", "output: draf, hasilWajib: [draf]}"),
                "isian 'hasilWajib': 'draf' bukan jenis dokumen di daftar 'berkas' SOP ini (SOP ini belum punya daftar 'berkas')");
    }

    @Test
    void theFirstStepRequiresNoKelengkapanFromTheDossierNorIsAKindListedTwiceOrWithASemicolon() {
        assertProblem(KINDS + STEP_1.replace("output: draf}", "output: draf, kelengkapanWajib: [draf]}"),
                "langkah 1, isian 'kelengkapanWajib': langkah pertama dimulai bersama prosesnya");
        assertProblem(KINDS.replace("  - draf\n", "  - draf\n  - Draf\n") + STEP_1, "baris 6, isian 'berkas': 'Draf' tercantum dua kali");
        assertProblem(KINDS.replace("  - draf\n", "  - draf; lampiran\n") + STEP_1, "isian 'berkas': 'draf; lampiran': nama jenis dokumen tidak boleh memuat ';'");
    }

    @Test
    void unknownRoleInStep() {
        assertProblem(HEAD + STEP_1.replace("pelaksana: pelaksana", "pelaksana: sekcam"),
                "config/sop/uji/contoh.yaml baris 8, langkah 1, isian 'pelaksana': peran 'sekcam' tidak ada di daftar peran SOP ini (camat, pelaksana)");
    }

    @Test
    void unknownRoleInRoleList() {
        assertProblem(HEAD.replace("id: camat", "id: lurah") + STEP_1,
                "config/sop/uji/contoh.yaml baris 5, peran lurah, isian 'id': peran 'lurah' tidak dikenal");
    }

    @Test
    void duplicateStepNumber() {
        assertProblem(HEAD + STEP_1 + STEP_1,
                "baris 9, langkah 1, isian 'no': nomor langkah 1 ganda atau tidak berurutan (diharapkan 2)");
    }

    @Test
    void missingStepNumber() {
        assertProblem(HEAD + STEP_1 + STEP_2.replace("no: 2", "no: 3").replace("kembaliKe: 1", "kembaliKe: 1"),
                "baris 9, langkah 3, isian 'no': nomor langkah 2 tidak ada (langsung 3)");
    }

    @Test
    void returnToAStepThatDoesNotExist() {
        assertProblem(HEAD + STEP_1 + STEP_2.replace("kembaliKe: 1", "kembaliKe: 7"),
                "baris 9, langkah 2, isian 'kembaliKe': langkah 7 tidak ada (SOP ini punya langkah 1 sampai 2)");
    }

    @Test
    void returnForwardIsRejected() {
        assertProblem(HEAD + STEP_1.replace("output: draf}", "output: draf, kembaliKe: 1}") + STEP_2,
                "langkah 1, isian 'kembaliKe': harus kembali ke langkah sebelumnya, bukan 1");
    }

    @Test
    void unreadableWaktu() {
        assertProblem(HEAD + STEP_1.replace("waktu: 1 hari", "waktu: sebentar"),
                "baris 8, langkah 1, isian 'waktu': ");
        assertThatThrownBy(() -> read(HEAD + STEP_1.replace("waktu: 1 hari", "waktu: sebentar")))
                .hasMessageContaining("sebentar");
    }

    @Test
    void missingRequiredFields() {
        SopValidationException e = catchProblems(HEAD.replace("nama: Contoh SOP\n", "")
                + "  - {no: 1, pelaksana: pelaksana, waktu: 1 hari}\n");
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "config/sop/uji/contoh.yaml baris 1, isian 'nama': wajib diisi",
                "config/sop/uji/contoh.yaml baris 7, langkah 1, isian 'aktivitas': wajib diisi");
    }

    @Test
    void aStepWithoutWaktuOrOutputHasNoDeadlineAndIsListedNotGuessed() {
        // tables without mutu baku (Wangon, seed 001): no key and an empty cell mean the same
        SopDefinition sop = read(HEAD + "  - {no: 1, aktivitas: Menyusun draf, pelaksana: pelaksana}\n"
                + "  - {no: 2, aktivitas: Menandatangani, pelaksana: camat, waktu: '', output: '', kembaliKe: 1}\n");
        assertThat(sop.steps()).allSatisfy(s -> {
            assertThat(s.waktu()).isEmpty();
            assertThat(s.waktuText()).isEmpty();
            assertThat(s.output()).isEmpty();
        });
        assertThat(sop.warnings()).containsExactly(
                "config/sop/uji/contoh.yaml, langkah 1: waktu belum ditetapkan", "config/sop/uji/contoh.yaml, langkah 1: output belum ditetapkan",
                "config/sop/uji/contoh.yaml, langkah 2: waktu belum ditetapkan", "config/sop/uji/contoh.yaml, langkah 2: output belum ditetapkan");
    }

    @Test
    void unknownFieldIsATypo() {
        assertProblem(HEAD + STEP_1 + STEP_2.replace("kembaliKe", "kembalike"),
                "baris 9, langkah ke-2, isian 'kembalike': isian tidak dikenal");
    }

    @Test
    void kodeMustMatchTheFileName() {
        assertProblem(HEAD.replace("kode: contoh", "kode: lain") + STEP_1,
                "baris 1, isian 'kode': 'lain' tidak cocok dengan nama berkas; berkas harus bernama lain.yaml");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertProblem(HEAD + STEP_1 + "  - {no: 2, aktivitas: [tidak ditutup\n",
                "config/sop/uji/contoh.yaml baris ");
    }

    @Test
    void allProblemsOfAFileAreReportedTogether() {
        SopValidationException e = catchProblems(HEAD + STEP_1.replace("waktu: 1 hari", "waktu: lama")
                + STEP_2.replace("kembaliKe: 1", "kembaliKe: 9"));
        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).startsWith("SOP tidak valid (2 masalah):");
    }

    @Test
    void oneBadFileStopsTheWholeCatalog(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("uji"));
        Files.createDirectories(dir.resolve("lain"));
        Files.writeString(dir.resolve("uji/contoh.yaml"), HEAD + STEP_1 + STEP_2);
        Files.writeString(dir.resolve("lain/rusak.yaml"), HEAD.replace("kode: contoh", "kode: rusak") + STEP_1.replace("1 hari", "besok"));
        assertThatThrownBy(() -> SopCatalog.load(dir, SopCatalog.STANDARD_ROLES))
                .isInstanceOf(SopValidationException.class)
                .hasMessageContaining("lain/rusak.yaml baris 8, langkah 1, isian 'waktu'");
    }

    @Test
    void duplicateKodeAcrossFolders(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/contoh.yaml"), HEAD + STEP_1);
        Files.writeString(dir.resolve("b/contoh.yaml"), HEAD + STEP_1);
        assertThatThrownBy(() -> SopCatalog.load(dir, SopCatalog.STANDARD_ROLES))
                .hasMessageContaining("b/contoh.yaml, isian 'kode': kode 'contoh' sudah dipakai oleh")
                .hasMessageContaining("a/contoh.yaml");
    }

    @Test
    void aKecamatanVariantMayShareTheKodeOfASharedSop(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/contoh.yaml"), HEAD + STEP_1);
        Files.writeString(dir.resolve("b/contoh.yaml"), HEAD.replace("kecamatan: Uji", "kecamatan: Uji\nberlaku: kecamatan") + STEP_1);
        SopCatalog catalog = SopCatalog.load(dir, SopCatalog.STANDARD_ROLES);
        assertThat(catalog.get("contoh").tenant()).isEmpty();
        assertThat(catalog.get("contoh", "b").tenant()).contains("b");
        assertThat(catalog.get("contoh", "c").folder()).as("no variant: the shared SOP").isEqualTo("a");
        assertThat(catalog.tenantOf()).containsExactly(java.util.Map.entry("b/contoh.bpmn", "b"));
    }

    @Test
    void unknownScope() {
        assertProblem(HEAD.replace("kecamatan: Uji", "kecamatan: Uji\nberlaku: kabupaten") + STEP_1,
                "isian 'berlaku': 'kabupaten' tidak dikenal");
    }

    @Test
    void generatedFilesAreWrittenOnlyWhenChanged(@TempDir Path dir) throws IOException {
        Path sources = dir.resolve("sop");
        Files.createDirectories(sources.resolve("uji"));
        Files.writeString(sources.resolve("uji/contoh.yaml"), HEAD + STEP_1 + STEP_2);
        SopCatalog catalog = SopCatalog.load(sources, SopCatalog.STANDARD_ROLES);
        Path bpmn = dir.resolve("bpmn");
        assertThat(catalog.staleBpmn(bpmn)).containsExactly("uji/contoh.bpmn", "bappeda/penerimaan-dokumen-bappeda.bpmn");
        assertThat(catalog.writeBpmn(bpmn)).containsExactly(bpmn.resolve("uji/contoh.bpmn"),
                bpmn.resolve("bappeda/penerimaan-dokumen-bappeda.bpmn"));
        assertThat(catalog.writeBpmn(bpmn)).isEmpty();
        assertThat(catalog.staleBpmn(bpmn)).isEmpty();
    }

    private void assertProblem(String yaml, String expected) {
        SopValidationException e = catchProblems(yaml);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains(expected));
    }

    private SopValidationException catchProblems(String yaml) {
        try {
            read(yaml);
        } catch (SopValidationException e) {
            return e;
        }
        throw new AssertionError("expected the SOP to be rejected");
    }
}
