package id.sopflow.sopimport;

import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.SopStep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static id.sopflow.sopimport.OfficeFiles.SPAN;

/**
 * Two seed tables as the rows of a Word or Excel SOP AP table, built from their landed transcriptions: Ajibarang's
 * DPA (seed 000, headers as the seed writes them: "NO.", "AKTIVITAS", "PENGADMINIS TRASI", a row of column numbers)
 * and Arut Selatan's Renja (seed 003: "KEGIATAN", "Secam", "Jafung/ Pelaksana"). A mark is put in the column of each
 * step's acting role unless {@code mark} says otherwise.
 */
public final class SeedTables {

    private SeedTables() {
    }

    public static SopDefinition landed(String folder, String kode) {
        return SopCatalog.load(Path.of("config/sop"), SopCatalog.STANDARD_ROLES).definitions().stream()
                .filter(d -> d.folder().equals(folder) && d.kode().equals(kode)).findFirst().orElseThrow();
    }

    /** Ajibarang's DPA: columns Camat, Sekcam, Kasi Perencanaan Keuangan, Pengadministrasi. */
    public static List<List<String>> dpa(Function<SopStep, List<String>> marks, Function<SopStep, String> waktu) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NO.", "AKTIVITAS", "PELAKSANA", SPAN, SPAN, SPAN, "MUTU BAKU", SPAN, SPAN, "KETERANGAN"));
        rows.add(List.of("", "", "CAMAT", "SEKCAM", "KASI PERENCANAAN KEUANGAN", "PENGADMINIS TRASI", "KELENGKAPAN", "WAKTU", "OUTPUT", ""));
        rows.add(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"));
        steps(rows, landed("ajibarang", "dpa"), List.of("camat", "sekcam", "kasubbag", "pengadministrasi"), marks, waktu);
        return rows;
    }

    /** Ajibarang's DPA identity sheet (seed 000), upper half label and value, lower half titles over their lists. */
    public static List<List<String>> dpaIdentity() {
        return List.of(
                List.of("PEMERINTAH KABUPATEN BANYUMAS KECAMATAN AJIBARANG", "Nomor SOP", ""),
                List.of("", "Tanggal Pembuatan", ": 4 Januari 2021"),
                List.of("", "Tanggal Revisi", ""),
                List.of("", "Tanggal Efektif", ""),
                List.of("", "Disahkan oleh", "Camat Ajibarang, PARSONO, S.Sos., M.Si., NIP. 19670701 199209 1 001"),
                List.of("", "Nama SOP", "Penyusunan Dokumen Pelaksanaan Anggaran"),
                List.of("DASAR HUKUM", SPAN, "KUALIFIKASI PELAKSANA"),
                List.of("1. Permendagri Nomor 77 Tahun 2020;\n2. Perbup Banyumas Nomor 1 Tahun 2021", SPAN, "1. Memahami penganggaran 2. Menguasai komputer"),
                List.of("KETERKAITAN", SPAN, "PERALATAN/PERLENGKAPAN"),
                List.of("SOP Pengarsipan dokumen", SPAN, "Komputer\nPrinter"),
                List.of("PERINGATAN", SPAN, "PENCATATAN DAN PENDATAAN"),
                List.of("", SPAN, ""));
    }

    /** Arut Selatan's Renja: columns Camat, Sekcam, Kasubbag, Jafung/Pelaksana, and a column "Sekda" no SOP role has. */
    public static List<List<String>> renja(Function<SopStep, List<String>> marks, Function<SopStep, String> waktu) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("No.", "KEGIATAN", "PELAKSANA", SPAN, SPAN, SPAN, SPAN, "MUTU BAKU", SPAN, SPAN, "Keterangan"));
        rows.add(List.of("", "", "Camat", "Secam", "Kasubbag", "Jafung/ Pelaksana", "Sekda", "Kelengkapan", "Waktu", "Output", ""));
        steps(rows, landed("arut-selatan", "renja"), List.of("camat", "sekcam", "kasubbag", "pelaksana", "sekda"), marks, waktu);
        return rows;
    }

    private static void steps(List<List<String>> rows, SopDefinition sop, List<String> columns, Function<SopStep, List<String>> marks,
                              Function<SopStep, String> waktu) {
        for (SopStep step : sop.steps()) {
            List<String> row = new ArrayList<>();
            row.add(step.number() + ".");
            row.add(step.activity());
            List<String> marked = marks.apply(step);
            columns.forEach(c -> row.add(marked.contains(c) ? "√" : ""));
            row.add(String.join("\n", step.kelengkapan()));
            row.add(waktu.apply(step));
            row.add(step.output());
            row.add(step.keterangan());
            rows.add(row);
        }
    }

    /** The acting role's column, as the paper form marks it. */
    public static List<String> acting(SopStep step) {
        return List.of(step.roleId());
    }

}
