package id.sopflow.sopimport;

import id.sopflow.organisation.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes the YAML draft of an imported table in the format of {@code config/sop} (see
 * {@code config/sop/arut-selatan/renja.yaml}): the identity sheet, a role per Pelaksana column, a step per activity
 * row with its text verbatim. The acting role is the column with the one mark of the row; where there is no mark or
 * more than one, {@code pelaksana} stays empty with a comment "PERLU DIISI" saying what to decide, and the validation
 * reports the step. Every decision of the reading is written in the step's {@code catatan}. Review routes
 * ({@code kembaliKe}), the dossier ({@code berkas}, {@code kelengkapanWajib}, {@code hasilWajib}) and sending to Bappeda
 * are left to the person who finishes the draft.
 */
final class DraftWriter {

    /** The mark in the draft where a person must decide. */
    static final String TO_DO = "PERLU DIISI";
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ,./()&'-]*");
    private static final Pattern RESERVED = Pattern.compile("(?i)(y|n|yes|no|true|false|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*)");

    /** What was read and what it became. */
    record Result(String yaml, List<String> notes) {
    }

    private final StringBuilder out = new StringBuilder();
    private final List<String> notes = new ArrayList<>();

    private DraftWriter() {
    }

    /**
     * @param file          the imported file's name, for the header comment and the notes
     * @param folder        the kecamatan folder ({@code config/sop/<folder>})
     * @param kecamatanName the kecamatan as the SOP names it
     */
    static Result write(String file, String folder, String kecamatanName, String kode, StepTable.Table table,
                        Optional<IdentitySheet> identity) {
        DraftWriter writer = new DraftWriter();
        writer.draft(file, folder, kecamatanName, kode, table, identity);
        return new Result(writer.out.toString(), List.copyOf(writer.notes));
    }

    private void draft(String file, String folder, String kecamatanName, String kode, StepTable.Table table,
                       Optional<IdentitySheet> identity) {
        line("# DRAF hasil impor dari " + oneLine(file) + " (" + table.source() + "): periksa terhadap dokumen aslinya.");
        line("# Setiap '" + TO_DO + "' menandai yang harus diputuskan orang; laporan validasi impor mendaftar semuanya.");
        line("# Tambahkan bila perlu: kembaliKe (langkah pemeriksaan), berkas / kelengkapanWajib / hasilWajib (berkas dokumen),");
        line("# kirimKe: bappeda dan jikaDikembalikanKe (langkah pengiriman). Lihat README, \"The SOPs\".");
        line("# Selesai: ganti nama berkas menjadi " + kode + ".yaml, jalankan mvn -q compile exec:java@bpmn, commit keduanya.");
        line("kode: " + scalar(kode));
        String nama = identity.map(i -> i.text("nama")).orElse("");
        if (nama.isEmpty()) {
            line("# " + TO_DO + ": nama SOP (tidak ada 'Nama SOP' di lembar identitas)");
            notes.add("nama SOP tidak terbaca dari lembar identitas: isi 'nama'");
        }
        line("nama: " + scalar(nama));
        line("# nama kecamatan dari folder " + folder + "; periksa ejaannya");
        line("kecamatan: " + scalar(kecamatanName));
        line("dokumen: \"\"");
        line("# varian milik kecamatan ini: berlaku untuk " + folder + " saja");
        line("berlaku: kecamatan");
        identity(identity);
        Map<String, String> roleIds = roles(table);
        line("langkah:");
        int number = 0;
        for (StepTable.Row row : table.rows()) {
            number++;
            step(number, row, roleIds, table.source());
        }
        if (!table.missing().isEmpty()) {
            notes.add(table.source() + ": kolom " + String.join(", ", table.missing()) + " tidak ditemukan; isiannya dibiarkan kosong");
        }
        if (!table.skipped().isEmpty()) {
            notes.add(table.source() + ": " + String.join(", ", table.skipped()) + " berisi teks tanpa aktivitas dan dilewati; "
                    + "periksa apakah itu bagian langkah sebelumnya");
        }
    }

    private void identity(Optional<IdentitySheet> sheet) {
        line("identitas:");
        if (sheet.isEmpty()) {
            line("  # tidak ada lembar identitas di dokumen: isi dari SOP kertasnya bila ada");
            notes.add("lembar identitas tidak ditemukan: nomor, tanggal, disahkan oleh, dasar hukum dan lainnya kosong");
        } else {
            line("  sumber: " + scalar("diimpor dari lembar identitas (" + sheet.get().source() + ")"));
        }
        IdentitySheet identity = sheet.orElse(new IdentitySheet("", Map.of()));
        for (String field : List.of("nomor", "tanggalPembuatan", "tanggalRevisi", "tanggalEfektif", "disahkanOleh")) {
            line("  " + field + ": " + scalar(identity.text(field)));
        }
        for (String field : IdentitySheet.LIST_FIELDS) {
            list("  ", field, identity.list(field));
        }
        line("  peringatan: " + scalar(identity.text("peringatan")));
        line("  pencatatan: " + scalar(identity.text("pencatatan")));
    }

    /** A role per Pelaksana column; a title with no role, or a second column of the same role, gets an id to decide. */
    private Map<String, String> roles(StepTable.Table table) {
        Map<String, String> ids = new LinkedHashMap<>();
        line("peran:");
        for (StepTable.RoleColumn column : table.roles()) {
            Optional<Role> role = RoleNames.of(column.title());
            String id = role.map(Role::id).orElse(RoleNames.slug(column.title()));
            if (ids.containsValue(id)) {
                String other = ids.entrySet().stream().filter(e -> e.getValue().equals(id)).findFirst().orElseThrow().getKey();
                String distinct = id + "-" + (ids.size() + 1);
                line("  # " + TO_DO + ": kolom '" + oneLine(column.title()) + "' dan kolom '" + oneLine(other) + "' sama-sama dibaca '" + id
                        + "'; satukan atau pilih peran lain");
                notes.add("kolom pelaksana '" + oneLine(column.title()) + "' dibaca peran '" + id + "' seperti kolom '" + oneLine(other)
                        + "': ditulis '" + distinct + "', pilih perannya");
                ids.put(column.title(), distinct);
            } else {
                if (role.isEmpty()) {
                    line("  # " + TO_DO + ": kolom '" + oneLine(column.title()) + "' bukan peran yang dikenal; ganti id dengan salah satu dari "
                            + String.join(", ", Role.stepRoleIds().stream().sorted().toList()));
                }
                ids.put(column.title(), id);
            }
            line("  - id: " + scalar(ids.get(column.title())));
            line("    nama: " + scalar(oneLine(column.title())));
        }
        return ids;
    }

    private void step(int number, StepTable.Row row, Map<String, String> roleIds, String source) {
        String where = "langkah " + number + " (" + source + " baris " + row.line() + ")";
        List<String> reading = new ArrayList<>();
        String pelaksana = "";
        if (row.marked().size() == 1) {
            pelaksana = roleIds.get(row.marked().get(0));
            reading.add("Tanda di kolom " + oneLine(row.marked().get(0)) + ".");
        } else if (row.marked().isEmpty()) {
            line("  # " + TO_DO + ": tidak ada tanda di kolom pelaksana; baca pelaksana dari kalimat aktivitas dan tulis alasannya di catatan");
            notes.add(where + ": tidak ada tanda di kolom pelaksana; isi 'pelaksana'");
            reading.add("Tidak ada tanda di kolom pelaksana.");
        } else {
            String columns = String.join(", ", row.marked().stream().map(DraftWriter::oneLine).toList());
            line("  # " + TO_DO + ": tanda di beberapa kolom (" + columns + "); pilih yang bertindak di langkah ini");
            notes.add(where + ": tanda di beberapa kolom pelaksana (" + columns + "); isi 'pelaksana'");
            reading.add("Tanda di kolom " + columns + ".");
        }
        if (!row.decisions().isEmpty()) {
            line("  # " + TO_DO + ": YA/TIDAK di kolom " + String.join(", ", row.decisions()) + ": langkah keputusan; tulis kembaliKe bila perlu");
            notes.add(where + ": YA/TIDAK di kolom pelaksana: tentukan ke langkah mana pekerjaan kembali (kembaliKe)");
            reading.add("YA/TIDAK di kolom " + String.join(", ", row.decisions()) + ".");
        }
        String no = row.no().replaceAll("[.)\\s]", "");
        if (!no.equals(String.valueOf(number))) {
            reading.add(no.isEmpty() ? "Kolom No kosong; dinomori " + number + "." : "Di tabel bernomor '" + row.no() + "'; dinomori " + number + ".");
            notes.add(where + ": nomor di tabel '" + row.no() + "', di draf " + number);
        }
        if (row.output().isEmpty()) {
            line("  # " + TO_DO + ": output kosong di tabel");
        }
        reading.add("Diimpor dari " + source + " baris " + row.line() + ".");
        line("  - no: " + number);
        line("    aktivitas: " + scalar(row.aktivitas().replaceFirst(";$", "").strip()));
        line("    pelaksana: " + scalar(pelaksana));
        list("    ", "kelengkapan", IdentitySheet.items(row.kelengkapan()));
        line("    waktu: " + scalar(row.waktu()));
        line("    output: " + scalar(row.output()));
        line("    keterangan: " + scalar(row.keterangan()));
        line("    catatan: " + scalar(String.join(" ", reading)));
    }

    private void list(String indent, String field, List<String> items) {
        if (items.isEmpty()) {
            line(indent + field + ": []");
            return;
        }
        line(indent + field + ":");
        items.forEach(item -> line(indent + "  - " + scalar(item)));
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    /** A YAML scalar: plain when that reads back as the same text, else double-quoted with escapes. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.matcher(text).matches() && !text.endsWith(" ")) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** Text for a comment or a note: one line. */
    private static String oneLine(String text) {
        return StepTable.oneLine(text);
    }
}
