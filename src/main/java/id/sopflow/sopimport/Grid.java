package id.sopflow.sopimport;

import java.util.List;

/**
 * One table of the document (a Word table or an Excel sheet) as rows of cell texts. A cell spanning several grid
 * columns is repeated in each; a merged cell's other parts are blank. Texts keep their line breaks.
 *
 * @param source how the table is named in messages, e.g. {@code tabel 2} or {@code lembar 'SOP'}
 */
record Grid(String source, List<List<String>> rows) {

    Grid {
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** The text of a cell, "" outside the row. */
    String cell(int row, int column) {
        List<String> cells = rows.get(row);
        return column < cells.size() ? cells.get(column) : "";
    }

    int width() {
        return rows.stream().mapToInt(List::size).max().orElse(0);
    }
}
