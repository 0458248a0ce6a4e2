package id.sopflow.sopimport;

import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.SopStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Importing SOP AP tables built from two seed tables (Ajibarang's DPA as Word, Arut Selatan's Renja as Excel): the
 * draft holds the steps, roles and waktu as the table has them, and its report names what a person must finish; a
 * file that is not an SOP table is refused with a clear message and nothing is written.
 */
class SopImportTest {

    @TempDir
    Path sopDir;

    private SopImport importer() {
        return new SopImport(sopDir, SopCatalog.STANDARD_ROLES);
    }

    @Test
    void aWordTableWithEveryMarkBecomesADraftThatValidatesAsTheLandedDpa() throws IOException {
        byte[] docx = OfficeFiles.docx(SeedTables.dpaIdentity(), SeedTables.dpa(SeedTables::acting, SopStep::waktuText));

        SopImport.Draft draft = importer().importTable("SOP DPA Ajibarang.docx", docx, "ajibarang", "dpa", false);

        assertThat(draft.draft()).isEqualTo(sopDir.resolve("ajibarang/dpa.yaml.draf")).exists();
        assertThat(Files.readString(draft.draft())).isEqualTo(draft.yaml());
        assertThat(draft.problems()).isEmpty();
        assertThat(draft.valid()).isTrue();
        assertThat(draft.roles()).containsExactly("camat (CAMAT)", "sekcam (SEKCAM)", "kasubbag (KASI PERENCANAAN KEUANGAN)",
                "pengadministrasi (PENGADMINIS TRASI)");

        SopDefinition imported = finished(draft, "ajibarang", "dpa");
        SopDefinition landed = SeedTables.landed("ajibarang", "dpa");
        assertThat(imported.nama()).isEqualTo("Penyusunan Dokumen Pelaksanaan Anggaran");
        assertThat(imported.kecamatan()).isEqualTo("Ajibarang");
        assertThat(imported.kecamatanOnly()).isTrue();
        assertThat(imported.steps()).hasSize(6);
        for (SopStep step : landed.steps()) {
            SopStep read = imported.step(step.number());
            assertThat(read.activity()).as("aktivitas %d", step.number()).isEqualTo(step.activity());
            assertThat(read.roleId()).as("pelaksana %d", step.number()).isEqualTo(step.roleId());
            assertThat(read.kelengkapan()).as("kelengkapan %d", step.number()).isEqualTo(step.kelengkapan());
            assertThat(read.waktuText()).as("waktu %d", step.number()).isEqualTo(step.waktuText());
            assertThat(read.waktu()).as("waktu %d", step.number()).isEqualTo(step.waktu());
            assertThat(read.output()).as("output %d", step.number()).isEqualTo(step.output());
            assertThat(read.keterangan()).as("keterangan %d", step.number()).isEqualTo(step.keterangan());
            assertThat(read.note()).contains("Tanda di kolom");
        }
        assertThat(imported.identitas().tanggalPembuatan()).isEqualTo("4 Januari 2021");
        assertThat(imported.identitas().disahkanOleh()).startsWith("Camat Ajibarang, PARSONO");
        assertThat(imported.identitas().nomor()).isEmpty();
        assertThat(imported.identitas().dasarHukum()).containsExactly("Permendagri Nomor 77 Tahun 2020", "Perbup Banyumas Nomor 1 Tahun 2021");
        assertThat(imported.identitas().kualifikasiPelaksana()).containsExactly("Memahami penganggaran", "Menguasai komputer");
        assertThat(imported.identitas().keterkaitan()).containsExactly("SOP Pengarsipan dokumen");
        assertThat(imported.identitas().peralatan()).containsExactly("Komputer", "Printer");
    }

    @Test
    void aWordRowWithoutAMarkIsNamedInTheReport() {
        // step 4 of the seed lost its symbol: the draft leaves the step's pelaksana to a person
        byte[] docx = OfficeFiles.docx(SeedTables.dpaIdentity(),
                SeedTables.dpa(step -> step.number() == 4 ? List.of() : SeedTables.acting(step), SopStep::waktuText));

        SopImport.Draft draft = importer().importTable("dpa.docx", docx, "ajibarang", "dpa", false);

        assertThat(draft.valid()).isFalse();
        assertThat(draft.problems()).containsExactly(draft.sopFile() + " baris " + line(draft.yaml(), "- no: 4", "pelaksana:")
                + ", langkah 4, isian 'pelaksana': wajib diisi");
        assertThat(draft.notes()).containsExactly("langkah 4 (tabel 2 baris 7): tidak ada tanda di kolom pelaksana; isi 'pelaksana'");
        assertThat(draft.yaml()).contains("  # PERLU DIISI: tidak ada tanda di kolom pelaksana; baca pelaksana dari kalimat aktivitas");
        assertThat(draft.sopFile()).isEqualTo(sopDir.resolve("ajibarang/dpa.yaml").toString());
        // the unfinished draft does not stop the SOP folder from loading
        assertThat(SopCatalog.load(sopDir, SopCatalog.STANDARD_ROLES).definitions()).isEmpty();
        assertThat(SopImport.report(draft)).contains("Harus diselesaikan sebelum SOP dapat dipakai (1)", "langkah 4, isian 'pelaksana'",
                "Belum dapat dibaca dari tabel (1)", "6 langkah");
    }

    @Test
    void anExcelTableWithADamagedWaktuTwoMarksAndAnUnknownColumnIsReportedStepByStep() {
        byte[] xlsx = OfficeFiles.xlsx(SeedTables.renja(
                step -> step.number() == 3 ? List.of("kasubbag", "pelaksana") : SeedTables.acting(step),
                step -> step.number() == 1 ? "S menit" : step.number() == 2 ? "" : step.waktuText()));

        SopImport.Draft draft = importer().importTable("renja-arut-selatan.xlsx", xlsx, "arut-selatan", "renja", false);

        assertThat(draft.steps()).isEqualTo(12);
        assertThat(draft.roles()).containsExactly("camat (Camat)", "sekcam (Secam)", "kasubbag (Kasubbag)",
                "pelaksana (Jafung/ Pelaksana)", "? (Sekda)");
        assertThat(draft.problems()).anySatisfy(p -> assertThat(p).contains("isian 'id': peran 'sekda' tidak dikenal"))
                .anySatisfy(p -> assertThat(p).contains("langkah 1, isian 'waktu':", "S menit"))
                .anySatisfy(p -> assertThat(p).contains("langkah 3, isian 'pelaksana': wajib diisi"))
                .noneSatisfy(p -> assertThat(p).contains("langkah 2,"));
        assertThat(draft.warnings()).contains(draft.sopFile() + ", langkah 2: waktu belum ditetapkan");
        assertThat(draft.notes()).contains(
                "langkah 3 (lembar 'Tabel 1' baris 5): tanda di beberapa kolom pelaksana (Kasubbag, Jafung/ Pelaksana); isi 'pelaksana'",
                "lembar identitas tidak ditemukan: nomor, tanggal, disahkan oleh, dasar hukum dan lainnya kosong",
                "nama SOP tidak terbaca dari lembar identitas: isi 'nama'");
        assertThat(draft.yaml()).contains("    waktu: S menit", "  - id: sekda", "    nama: Jafung/ Pelaksana",
                "    aktivitas: Pelaksana Subbag Keuangan,Perencanaan dan Pengendalian Program menerima disposisi surat dari pimpinan",
                "    waktu: 4 hari", "    pelaksana: kasubbag");
    }

    @Test
    void theDocumentsNameIsShownWithoutFoldersOrControlCharacters() {
        byte[] docx = OfficeFiles.docx(SeedTables.dpa(SeedTables::acting, SopStep::waktuText));
        SopImport.Draft draft = importer().importTable("C:\\Users\\camat/../sop\u0000 dpa.docx", docx, "ajibarang", "dpa", false);
        assertThat(draft.yaml()).startsWith("# DRAF hasil impor dari sop dpa.docx (tabel 1)");
        assertThat(draft.draft()).isEqualTo(sopDir.resolve("ajibarang/dpa.yaml.draf"));
    }

    @Test
    void anExistingDraftOrSopIsReplacedOnlyWhenAsked() throws IOException {
        byte[] docx = OfficeFiles.docx(SeedTables.dpa(SeedTables::acting, SopStep::waktuText));
        importer().importTable("dpa.docx", docx, "ajibarang", "dpa", false);

        assertThatThrownBy(() -> importer().importTable("dpa.docx", docx, "ajibarang", "dpa", false))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.reason()).isEqualTo(ImportRefused.Reason.ALREADY_EXISTS))
                .hasMessageContaining("ajibarang/dpa.yaml.draf sudah ada");
        assertThat(importer().importTable("dpa.docx", docx, "ajibarang", "dpa", true).steps()).isEqualTo(6);

        Files.writeString(sopDir.resolve("ajibarang/rka.yaml"), "kode: rka\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importer().importTable("dpa.docx", docx, "ajibarang", "rka", false))
                .hasMessageContaining("ajibarang/rka.yaml sudah ada");
        assertThat(sopDir.resolve("ajibarang/rka.yaml.draf")).doesNotExist();
        assertThat(Files.readString(sopDir.resolve("ajibarang/rka.yaml"))).isEqualTo("kode: rka\n");
    }

    @Test
    void aFileThatIsNotAnSopTableIsRefusedAndNothingIsWritten() {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
        refused("dpa.docx", pdf, ImportRefused.Reason.UNREADABLE_DOCUMENT, "'dpa.docx' bukan dokumen Word .docx");
        refused("dpa.xlsx", pdf, ImportRefused.Reason.UNREADABLE_DOCUMENT, "'dpa.xlsx' bukan buku kerja Excel .xlsx");
        refused("dpa.pdf", pdf, ImportRefused.Reason.UNREADABLE_DOCUMENT, "hanya tabel SOP dalam .docx (Word) atau .xlsx (Excel)");
        refused("dpa.docx", new byte[0], ImportRefused.Reason.UNREADABLE_DOCUMENT, "'dpa.docx' kosong");
        byte[] workbook = OfficeFiles.xlsx(List.of(List.of("a")));
        refused("dpa.docx", workbook, ImportRefused.Reason.UNREADABLE_DOCUMENT, "'dpa.docx' tidak dapat dibaca sebagai dokumen Word .docx");
        refused("dpa.docx", OfficeFiles.docx(), ImportRefused.Reason.UNREADABLE_DOCUMENT, "'dpa.docx' tidak memuat tabel");
        byte[] noActivity = OfficeFiles.docx(List.of(
                List.of("No", "Tahapan", "Camat", "Sekcam", "Waktu"),
                List.of("1", "Menginstruksikan penyusunan", "√", "", "5 menit")));
        refused("dpa.docx", noActivity, ImportRefused.Reason.UNREADABLE_DOCUMENT,
                "'dpa.docx': tidak ada tabel dengan kolom Aktivitas (atau Kegiatan) di tabel 1");
        byte[] noRoles = OfficeFiles.xlsx(List.of(
                List.of("No", "Aktivitas", "Kelengkapan", "Waktu", "Output"),
                List.of("1", "Menginstruksikan penyusunan", "Surat", "5 menit", "Disposisi")));
        refused("dpa.xlsx", noRoles, ImportRefused.Reason.UNREADABLE_DOCUMENT, "tidak ada kolom pelaksana antara kolom Aktivitas");
        byte[] headerOnly = OfficeFiles.docx(List.of(List.of("NO", "AKTIVITAS", "CAMAT", "KELENGKAPAN", "WAKTU", "OUTPUT")));
        refused("dpa.docx", headerOnly, ImportRefused.Reason.UNREADABLE_DOCUMENT, "tabel SOP tanpa baris aktivitas");
        byte[] good = OfficeFiles.docx(SeedTables.dpa(SeedTables::acting, SopStep::waktuText));
        refused("dpa.docx", good, "../etc", "dpa", ImportRefused.Reason.INVALID_NAME, "kecamatan '../etc' tidak valid");
        refused("dpa.docx", good, "ajibarang", "DPA 2", ImportRefused.Reason.INVALID_NAME, "kode 'DPA 2' tidak valid");
        refused("dpa.docx", good, "ajibarang", "", ImportRefused.Reason.INVALID_NAME, "kode wajib diisi");
    }

    private void refused(String file, byte[] content, ImportRefused.Reason reason, String message) {
        refused(file, content, "wangon", "dpa", reason, message);
    }

    private void refused(String file, byte[] content, String kecamatan, String kode, ImportRefused.Reason reason, String message) {
        assertThatThrownBy(() -> importer().importTable(file, content, kecamatan, kode, false))
                .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(message);
        try (Stream<Path> written = Files.walk(sopDir)) {
            assertThat(written.filter(p -> !p.equals(sopDir)).toList()).as("nothing written for " + message).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The draft, renamed as the person would when it is finished, read by the SOP catalog. */
    private static SopDefinition finished(SopImport.Draft draft, String folder, String kode) throws IOException {
        Path catalog = Files.createTempDirectory("sop-katalog");
        Files.createDirectories(catalog.resolve(folder));
        Files.copy(draft.draft(), catalog.resolve(folder + "/" + kode + ".yaml"));
        return SopCatalog.load(catalog, SopCatalog.STANDARD_ROLES).definitions().get(0);
    }

    /** The line number of the first line starting with {@code field} after the line {@code after}. */
    private static int line(String yaml, String after, String field) {
        List<String> lines = yaml.lines().toList();
        int from = lines.indexOf("  " + after);
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(field)) {
                return i + 1;
            }
        }
        throw new AssertionError(field + " not after " + after);
    }
}
