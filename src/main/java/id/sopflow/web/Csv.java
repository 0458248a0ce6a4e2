package id.sopflow.web;

import java.util.List;

/**
 * The CSV downloads (compliance report, record of movement), written for a spreadsheet in an Indonesian office: fields
 * separated by ';' (Excel in the Indonesian locale separates lists with ';' and writes decimals with ','), UTF-8 with a
 * byte order mark (so Excel reads "Januari–Juni" right), CRLF line ends, a field quoted when it holds ';', '"' or a line
 * break. A field that a spreadsheet would run as a formula (starting with '=', '+', '-', '@', also after leading
 * whitespace, or with a tab or a line break) gets a leading apostrophe, so a catatan such as "=HYPERLINK(...)" stays text (a lone "-" stays as it is).
 */
final class Csv {

    private static final String BOM = "\uFEFF";

    private Csv() {
    }

    static String of(List<List<String>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(';');
                }
                out.append(field(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String field(String value) {
        String text = value == null ? "" : value;
        int first = 0;
        while (first < text.length() && (Character.isWhitespace(text.charAt(first)) || Character.isSpaceChar(text.charAt(first)))) {
            first++;
        }
        boolean formula = first < text.length() && "=+-@".indexOf(text.charAt(first)) >= 0;
        if (!text.equals("-") && (formula || !text.isEmpty() && "\t\r\n".indexOf(text.charAt(0)) >= 0)) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
