package id.sopflow.sopimport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The flowchart table of an SOP AP: found among the document's tables by its column titles, read row by row.
 *
 * <p>Header: the first row with an Aktivitas column (also written "Kegiatan", "AKTIFITAS", "Uraian Kegiatan"), with
 * the rows below it that have no activity (the second header row with the role names and Kelengkapan / Waktu /
 * Output under "PELAKSANA" and "MUTU BAKU"). Titles are compared in lower case without spaces and punctuation, so
 * "KETE RANGAN" is Keterangan and "No." is No. A row of column numbers under the header (1 2 3 ...) is skipped.
 * Role columns are the columns between Aktivitas and the first mutu baku column (Kelengkapan, Waktu, Output or
 * Keterangan); a column's title is its lowest header text that is not a group title ("Pelaksana", "Mutu Baku").
 *
 * <p>Rows: every row with an activity is a step. A mark is any text in a role column (√, v, x, ✓, a number, ...);
 * "YA" or "TIDAK" alone marks a decision, not who acts.
 */
final class StepTable {

    enum Kind { NO, AKTIVITAS, KELENGKAPAN, WAKTU, OUTPUT, KETERANGAN }

    /** A role column: its place in the grid and its title as written. */
    record RoleColumn(int index, String title) {
    }

    /**
     * One activity row.
     *
     * @param line      the row's number in the table (1 = its first row), for messages
     * @param no        the No cell as written
     * @param marked    titles of the role columns with a mark
     * @param decisions titles of the role columns with YA or TIDAK
     */
    record Row(int line, String no, String aktivitas, List<String> marked, List<String> decisions, String kelengkapan,
               String waktu, String output, String keterangan) {
        Row {
            marked = List.copyOf(marked);
            decisions = List.copyOf(decisions);
        }
    }

    /**
     * @param missing the mutu baku columns the table does not have (Kelengkapan, Waktu, Output, Keterangan)
     * @param skipped rows below the header that have content but no activity, by their line
     */
    record Table(String source, List<RoleColumn> roles, List<Row> rows, List<String> missing, List<String> skipped) {
        Table {
            roles = List.copyOf(roles);
            rows = List.copyOf(rows);
            missing = List.copyOf(missing);
            skipped = List.copyOf(skipped);
        }
    }

    private static final Set<String> ACTIVITY = Set.of("aktivitas", "aktifitas", "kegiatan", "uraiankegiatan",
            "uraianaktivitas", "aktivitaskegiatan", "uraian", "langkahkegiatan");
    private static final Set<String> GROUPS = Set.of("pelaksana", "mutubaku", "mutubakuwaktu");

    private StepTable() {
    }

    /** The first grid with an Aktivitas column, read; the error says which tables were looked at. */
    static Table find(String fileName, List<Grid> grids) {
        if (grids.isEmpty()) {
            throw unreadable("'" + fileName + "' tidak memuat tabel; tabel SOP harus berupa tabel dengan kolom No, Aktivitas, "
                    + "kolom pelaksana, Kelengkapan, Waktu, Output dan Keterangan");
        }
        for (Grid grid : grids) {
            for (int r = 0; r < grid.rows().size(); r++) {
                for (int c = 0; c < grid.rows().get(r).size(); c++) {
                    if (kind(grid.cell(r, c)).filter(k -> k == Kind.AKTIVITAS).isPresent()) {
                        return read(fileName, grid, r, c);
                    }
                }
            }
        }
        List<String> names = grids.stream().map(Grid::source).toList();
        throw unreadable("'" + fileName + "': tidak ada tabel dengan kolom Aktivitas (atau Kegiatan) di " + String.join(", ", names)
                + "; baris judul tabel SOP harus memuat No, Aktivitas, kolom pelaksana, Kelengkapan, Waktu, Output, Keterangan");
    }

    private static Table read(String fileName, Grid grid, int headerRow, int activityColumn) {
        int width = grid.width();
        int end = headerRow + 1;
        while (end < grid.rows().size() && end <= headerRow + 3 && grid.cell(end, activityColumn).isBlank()
                && !columnNumbers(grid, end) && !blank(grid, end)) {
            end++;
        }
        List<List<String>> titles = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            Set<String> texts = new LinkedHashSet<>();
            for (int r = headerRow; r < end; r++) {
                String text = oneLine(grid.cell(r, c));
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
            titles.add(List.copyOf(texts));
        }
        Integer noColumn = null;
        Integer[] mutuBaku = new Integer[Kind.values().length];
        for (int c = 0; c < width; c++) {
            for (String title : titles.get(c)) {
                Optional<Kind> kind = kind(title);
                if (kind.isPresent() && mutuBaku[kind.get().ordinal()] == null && (kind.get() != Kind.AKTIVITAS || c == activityColumn)) {
                    mutuBaku[kind.get().ordinal()] = c;
                }
            }
        }
        noColumn = mutuBaku[Kind.NO.ordinal()];
        int firstMutuBaku = width;
        for (Kind k : List.of(Kind.KELENGKAPAN, Kind.WAKTU, Kind.OUTPUT, Kind.KETERANGAN)) {
            Integer c = mutuBaku[k.ordinal()];
            if (c != null && c > activityColumn) {
                firstMutuBaku = Math.min(firstMutuBaku, c);
            }
        }
        List<RoleColumn> roles = new ArrayList<>();
        for (int c = activityColumn + 1; c < firstMutuBaku; c++) {
            List<String> texts = titles.get(c).stream().filter(t -> !GROUPS.contains(compact(t))).toList();
            String title = texts.isEmpty() ? (titles.get(c).isEmpty() ? "" : titles.get(c).get(titles.get(c).size() - 1))
                    : texts.get(texts.size() - 1);
            if (!title.isEmpty() && (roles.isEmpty() || !roles.get(roles.size() - 1).title().equals(title)
                    || !sameSpan(grid, headerRow, end, c))) {
                roles.add(new RoleColumn(c, title));
            }
        }
        if (roles.isEmpty()) {
            throw unreadable("'" + fileName + "', " + grid.source() + ": tidak ada kolom pelaksana antara kolom Aktivitas dan "
                    + "kolom Kelengkapan/Mutu Baku; tiap pelaksana (Camat, Sekcam, ...) harus punya kolomnya sendiri");
        }
        List<String> missing = new ArrayList<>();
        for (Kind k : List.of(Kind.KELENGKAPAN, Kind.WAKTU, Kind.OUTPUT, Kind.KETERANGAN)) {
            if (mutuBaku[k.ordinal()] == null) {
                missing.add(label(k));
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int r = end; r < grid.rows().size(); r++) {
            if (blank(grid, r) || columnNumbers(grid, r)) {
                continue;
            }
            String activity = oneLine(grid.cell(r, activityColumn));
            if (activity.isEmpty() || kind(activity).filter(k -> k == Kind.AKTIVITAS).isPresent()) {
                if (!repeatsHeader(grid, r, titles)) {
                    skipped.add("baris " + (r + 1));
                }
                continue;
            }
            List<String> marked = new ArrayList<>();
            List<String> decisions = new ArrayList<>();
            for (RoleColumn role : roles) {
                String mark = compact(grid.cell(r, role.index()));
                if (mark.equals("ya") || mark.equals("tidak") || mark.equals("yatidak")) {
                    decisions.add(role.title());
                } else if (!grid.cell(r, role.index()).isBlank()) {
                    marked.add(role.title());
                }
            }
            rows.add(new Row(r + 1, noColumn == null ? "" : oneLine(grid.cell(r, noColumn)), activity, marked, decisions,
                    text(grid, r, mutuBaku[Kind.KELENGKAPAN.ordinal()]), oneLine(text(grid, r, mutuBaku[Kind.WAKTU.ordinal()])),
                    oneLine(text(grid, r, mutuBaku[Kind.OUTPUT.ordinal()])), oneLine(text(grid, r, mutuBaku[Kind.KETERANGAN.ordinal()]))));
        }
        if (rows.isEmpty()) {
            throw unreadable("'" + fileName + "', " + grid.source() + ": tabel SOP tanpa baris aktivitas di bawah judulnya");
        }
        return new Table(grid.source(), roles, rows, missing, skipped);
    }

    /** Whether a column repeats the previous one because one header cell spans both (Word gridSpan). */
    private static boolean sameSpan(Grid grid, int from, int to, int column) {
        for (int r = from; r < to; r++) {
            if (!grid.cell(r, column).equals(grid.cell(r, column - 1))) {
                return false;
            }
        }
        return true;
    }

    static Optional<Kind> kind(String title) {
        String t = compact(title);
        if (t.equals("no") || t.equals("nomor") || t.equals("nomer") || t.equals("nourut")) {
            return Optional.of(Kind.NO);
        }
        if (ACTIVITY.contains(t)) {
            return Optional.of(Kind.AKTIVITAS);
        }
        if (t.contains("kelengkapan") || t.startsWith("persyaratan")) {
            return Optional.of(Kind.KELENGKAPAN);
        }
        if (t.startsWith("waktu")) {
            return Optional.of(Kind.WAKTU);
        }
        if (t.startsWith("output") || t.equals("keluaran") || t.equals("hasil")) {
            return Optional.of(Kind.OUTPUT);
        }
        if (t.startsWith("keterangan") || t.equals("ket")) {
            return Optional.of(Kind.KETERANGAN);
        }
        return Optional.empty();
    }

    private static String label(Kind kind) {
        return switch (kind) {
            case NO -> "No";
            case AKTIVITAS -> "Aktivitas";
            case KELENGKAPAN -> "Kelengkapan";
            case WAKTU -> "Waktu";
            case OUTPUT -> "Output";
            case KETERANGAN -> "Keterangan";
        };
    }

    /** A row whose texts are the header's own (a header repeated on the next page). */
    private static boolean repeatsHeader(Grid grid, int row, List<List<String>> titles) {
        for (int c = 0; c < grid.rows().get(row).size(); c++) {
            String text = oneLine(grid.cell(row, c));
            if (!text.isEmpty() && (c >= titles.size() || !titles.get(c).contains(text)) && !GROUPS.contains(compact(text))) {
                return false;
            }
        }
        return true;
    }

    /** A row of column numbers (1 2 3 ... under the header): every text is a number. */
    private static boolean columnNumbers(Grid grid, int row) {
        List<String> cells = grid.rows().get(row);
        int numbers = 0;
        for (String cell : cells) {
            String text = cell.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!text.matches("\\(?\\d{1,2}\\)?")) {
                return false;
            }
            numbers++;
        }
        return numbers >= 3;
    }

    private static boolean blank(Grid grid, int row) {
        return grid.rows().get(row).stream().allMatch(String::isBlank);
    }

    private static String text(Grid grid, int row, Integer column) {
        return column == null ? "" : grid.cell(row, column).strip();
    }

    /** The text on one line: line breaks and runs of spaces become one space. */
    static String oneLine(String text) {
        return text.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    static String compact(String text) {
        return RoleNames.spaced(text).replace(" ", "");
    }

    private static ImportRefused unreadable(String message) {
        return new ImportRefused(ImportRefused.Reason.UNREADABLE_DOCUMENT, message);
    }
}
