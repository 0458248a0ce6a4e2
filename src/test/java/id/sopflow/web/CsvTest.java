package id.sopflow.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV downloads as a spreadsheet in an Indonesian office reads them. */
class CsvTest {

    @Test
    void semicolonsByteOrderMarkAndCrlf() {
        assertThat(Csv.of(List.of(List.of("No", "Prosedur"), List.of("1", "Januari–Juni")))).isEqualTo("\uFEFFNo;Prosedur\r\n1;Januari–Juni\r\n");
    }

    @Test
    void aFieldWithTheSeparatorAQuoteOrALineBreakIsQuoted() {
        assertThat(Csv.field("a;b")).isEqualTo("\"a;b\"");
        assertThat(Csv.field("kata \"baku\"")).isEqualTo("\"kata \"\"baku\"\"\"");
        assertThat(Csv.field("baris\nkedua")).isEqualTo("\"baris\nkedua\"");
        assertThat(Csv.field("4,5")).isEqualTo("4,5");
        assertThat(Csv.field(null)).isEmpty();
    }

    @Test
    void whatASpreadsheetWouldRunAsAFormulaStaysText() {
        assertThat(Csv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.field("+62 812")).isEqualTo("'+62 812");
        assertThat(Csv.field("-")).isEqualTo("-");
        assertThat(Csv.field("-1")).isEqualTo("'-1");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("Langkah 1-3")).isEqualTo("Langkah 1-3");
    }

    @Test
    void aFormulaAfterLeadingWhitespaceStaysText() {
        assertThat(Csv.field(" =1+1")).isEqualTo("' =1+1");
        assertThat(Csv.field("\u00A0\u2003@SUM(A1)")).isEqualTo("'\u00A0\u2003@SUM(A1)");
        assertThat(Csv.field("\n-2")).isEqualTo("\"'\n-2\"");
        assertThat(Csv.field("  teks biasa")).isEqualTo("  teks biasa");
    }
}
