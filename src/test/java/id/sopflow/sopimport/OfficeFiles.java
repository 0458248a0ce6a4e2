package id.sopflow.sopimport;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/**
 * Builds Word and Excel files with tables for the import tests. A cell written {@value #SPAN} continues the cell on
 * its left: a horizontal span in Word (gridSpan), a merged region in Excel. A cell may hold several lines ("\n").
 */
public final class OfficeFiles {

    public static final String SPAN = ">";

    private OfficeFiles() {
    }

    /** A .docx with a heading paragraph and the given tables, in order. */
    @SafeVarargs
    public static byte[] docx(List<List<String>>... tables) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("STANDAR OPERASIONAL PROSEDUR");
            for (List<List<String>> rows : tables) {
                XWPFTable table = document.createTable();
                table.removeRow(0);
                for (List<String> cells : rows) {
                    XWPFTableRow row = table.createRow();
                    while (!row.getTableCells().isEmpty()) {
                        row.removeCell(0);
                    }
                    XWPFTableCell last = null;
                    int span = 1;
                    for (String text : cells) {
                        if (text.equals(SPAN) && last != null) {
                            span++;
                            CTTcPr properties = last.getCTTc().isSetTcPr() ? last.getCTTc().getTcPr() : last.getCTTc().addNewTcPr();
                            (properties.isSetGridSpan() ? properties.getGridSpan() : properties.addNewGridSpan()).setVal(BigInteger.valueOf(span));
                            continue;
                        }
                        span = 1;
                        last = row.addNewTableCell();
                        String[] lines = text.split("\n", -1);
                        last.getParagraphs().get(0).createRun().setText(lines[0]);
                        for (int i = 1; i < lines.length; i++) {
                            last.addParagraph().createRun().setText(lines[i]);
                        }
                    }
                }
                document.createParagraph();
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A .xlsx with one sheet per table, in order. */
    @SafeVarargs
    public static byte[] xlsx(List<List<String>>... tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int number = 1;
            for (List<List<String>> rows : tables) {
                Sheet sheet = workbook.createSheet("Tabel " + number++);
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    int start = -1;
                    List<String> cells = rows.get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        String text = cells.get(c);
                        if (text.equals(SPAN)) {
                            row.createCell(c);
                            if (c + 1 == cells.size() || !cells.get(c + 1).equals(SPAN)) {
                                sheet.addMergedRegion(new CellRangeAddress(r, r, start, c));
                            }
                            continue;
                        }
                        start = c;
                        if (text.matches("\\d{1,3}")) {
                            row.createCell(c).setCellValue(Integer.parseInt(text)); // numbers as Excel numbers, like a typed table
                        } else {
                            row.createCell(c).setCellValue(text);
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
