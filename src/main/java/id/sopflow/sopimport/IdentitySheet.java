package id.sopflow.sopimport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity sheet of an SOP AP (Nomor SOP, Tanggal Pembuatan / Revisi / Efektif, Disahkan oleh, Nama SOP, Dasar
 * Hukum, Kualifikasi Pelaksana, Keterkaitan, Peralatan/Perlengkapan, Peringatan, Pencatatan dan Pendataan), read from
 * the tables that are not the step table. A label's value is what follows its ':' in the same cell, else the next
 * cell to its right, else the cell below it (the lower half of the sheet puts "Dasar Hukum" above its list). Lists
 * are split at line breaks and at the numbers "1." "2." of a numbered list.
 *
 * @param fields the values found, by the field name of the SOP file ({@code nomor}, {@code nama}, {@code dasarHukum}, ...)
 */
record IdentitySheet(String source, Map<String, String> fields) {

    /** Field name of the SOP file and the labels of the paper form (compared without case, spaces and punctuation). */
    private static final Map<String, List<String>> LABELS = labels();
    static final List<String> LIST_FIELDS = List.of("dasarHukum", "kualifikasiPelaksana", "keterkaitan", "peralatan");

    IdentitySheet {
        fields = Map.copyOf(fields);
    }

    private static Map<String, List<String>> labels() {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        labels.put("nomor", List.of("nomorsop", "nosop", "nomor"));
        labels.put("tanggalPembuatan", List.of("tanggalpembuatan", "tglpembuatan", "tanggaldibuat"));
        labels.put("tanggalRevisi", List.of("tanggalrevisi", "tglrevisi"));
        labels.put("tanggalEfektif", List.of("tanggalefektif", "tglefektif", "tanggalberlaku"));
        labels.put("disahkanOleh", List.of("disahkanoleh", "disahkan"));
        labels.put("nama", List.of("namasop", "judulsop"));
        labels.put("dasarHukum", List.of("dasarhukum"));
        labels.put("kualifikasiPelaksana", List.of("kualifikasipelaksana"));
        labels.put("keterkaitan", List.of("keterkaitansop", "keterkaitan"));
        labels.put("peralatan", List.of("peralatanperlengkapan", "peralatandanperlengkapan", "peralatan", "perlengkapan"));
        labels.put("peringatan", List.of("peringatan"));
        labels.put("pencatatan", List.of("pencatatandanpendataan", "pencatatanpendataan", "pencatatan"));
        return labels;
    }

    /** The identity sheet among the grids other than {@code stepTable}, if one has at least two of its labels. */
    static Optional<IdentitySheet> find(List<Grid> grids, String stepTable) {
        for (Grid grid : grids) {
            if (grid.source().equals(stepTable)) {
                continue;
            }
            Map<String, String> fields = read(grid);
            if (fields.size() >= 2) {
                return Optional.of(new IdentitySheet(grid.source(), fields));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> read(Grid grid) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int r = 0; r < grid.rows().size(); r++) {
            List<String> row = grid.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c).strip();
                String[] parts = cell.split(":", 2);
                Optional<String> field = field(parts[0]);
                if (field.isEmpty() || fields.containsKey(field.get())) {
                    continue;
                }
                String value = parts.length == 2 ? parts[1].strip() : "";
                if (value.isEmpty()) {
                    value = right(row, c, cell);
                }
                if (value.isEmpty() && parts.length == 1 && r + 1 < grid.rows().size()) {
                    String below = grid.cell(r + 1, c).strip();
                    if (field(below.split(":", 2)[0]).isEmpty()) {
                        value = below;
                    }
                }
                fields.put(field.get(), value);
            }
        }
        fields.values().removeIf(String::isEmpty);
        return fields;
    }

    /** The next cell to the right with another text (a spanned label repeats itself), without a leading ':'. */
    private static String right(List<String> row, int column, String label) {
        for (int c = column + 1; c < row.size(); c++) {
            String text = row.get(c).strip();
            if (text.isEmpty() || text.equals(label) || text.equals(":")) {
                continue;
            }
            if (field(text.split(":", 2)[0]).isPresent()) {
                return "";
            }
            return text.startsWith(":") ? text.substring(1).strip() : text;
        }
        return "";
    }

    private static Optional<String> field(String label) {
        String compact = StepTable.compact(label);
        if (compact.isEmpty() || compact.length() > 30) {
            return Optional.empty();
        }
        return LABELS.entrySet().stream().filter(e -> e.getValue().contains(compact)).map(Map.Entry::getKey).findFirst();
    }

    /** A text field on one line. */
    String text(String field) {
        return StepTable.oneLine(fields.getOrDefault(field, ""));
    }

    /** A list field: one item per line or per number of a numbered list, without bullets and a closing ';'. */
    List<String> list(String field) {
        return items(fields.getOrDefault(field, ""));
    }

    static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        for (String line : text.split("\\R|(?<=^|\\s)(?=\\d{1,2}[.)]\\s)")) {
            String item = StepTable.oneLine(line).replaceFirst("^(\\d{1,2}[.)]|[-•·*])\\s*", "").replaceFirst("[;,]$", "").strip();
            if (!item.isEmpty() && !item.equals("-")) {
                items.add(item);
            }
        }
        return items;
    }
}
