package id.sopflow.sopimport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The tables of a Word (.docx) or Excel (.xlsx) file as {@link Grid}s: every table of the document, every sheet of
 * the workbook, in order. The format is taken from the file's name and checked against its content.
 */
final class OfficeTables {

    /** The most rows and columns read from one table: an SOP table has a few dozen. */
    static final int MAX_ROWS = 2_000;
    static final int MAX_COLUMNS = 60;

    private OfficeTables() {
    }

    static List<Grid> read(String fileName, byte[] content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (content.length == 0) {
            throw unreadable("'" + fileName + "' kosong (0 byte)");
        }
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K';
        if (lower.endsWith(".docx")) {
            if (!zip) {
                throw unreadable("'" + fileName + "' bukan dokumen Word .docx (isinya bukan berkas Office Open XML)");
            }
            return word(fileName, content);
        }
        if (lower.endsWith(".xlsx")) {
            if (!zip) {
                throw unreadable("'" + fileName + "' bukan buku kerja Excel .xlsx (isinya bukan berkas Office Open XML)");
            }
            return excel(fileName, content);
        }
        throw unreadable("'" + fileName + "': hanya tabel SOP dalam .docx (Word) atau .xlsx (Excel) yang dapat diimpor"
                + (lower.endsWith(".doc") || lower.endsWith(".xls") ? "; simpan dulu berkas lama ini sebagai .docx atau .xlsx" : ""));
    }

    private static List<Grid> word(String fileName, byte[] content) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            List<Grid> grids = new ArrayList<>();
            int number = 1;
            for (XWPFTable table : document.getTables()) {
                List<List<String>> rows = new ArrayList<>();
                for (XWPFTableRow row : table.getRows()) {
                    if (rows.size() == MAX_ROWS) {
                        break;
                    }
                    List<String> cells = new ArrayList<>();
                    for (XWPFTableCell cell : row.getTableCells()) {
                        String text = cell.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
                        for (int span = span(cell); span > 0 && cells.size() < MAX_COLUMNS; span--) {
                            cells.add(text);
                        }
                    }
                    rows.add(cells);
                }
                grids.add(new Grid("tabel " + number++, rows));
            }
            return grids;
        } catch (IOException | RuntimeException e) {
            throw unreadable("'" + fileName + "' tidak dapat dibaca sebagai dokumen Word .docx (" + reason(e) + ")", e);
        }
    }

    /** How many grid columns a Word cell spans (gridSpan), at least 1. */
    private static int span(XWPFTableCell cell) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        if (properties == null || properties.getGridSpan() == null || properties.getGridSpan().getVal() == null) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_COLUMNS, properties.getGridSpan().getVal().intValue()));
    }

    private static List<Grid> excel(String fileName, byte[] content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            List<Grid> grids = new ArrayList<>();
            for (Sheet sheet : workbook) {
                List<List<String>> rows = new ArrayList<>();
                int last = Math.min(sheet.getLastRowNum(), MAX_ROWS - 1);
                for (int r = 0; r <= last; r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        int width = Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS);
                        for (int c = 0; c < width; c++) {
                            cells.add(text(row.getCell(c), formatter, evaluator));
                        }
                    }
                    rows.add(cells);
                }
                grids.add(new Grid("lembar '" + sheet.getSheetName() + "'", rows));
            }
            return grids;
        } catch (IOException | RuntimeException e) {
            throw unreadable("'" + fileName + "' tidak dapat dibaca sebagai buku kerja Excel .xlsx (" + reason(e) + ")", e);
        }
    }

    private static String text(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        if (cell == null) {
            return "";
        }
        try {
            return formatter.formatCellValue(cell, evaluator);
        } catch (RuntimeException e) {
            return formatter.formatCellValue(cell);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static ImportRefused unreadable(String message) {
        return new ImportRefused(ImportRefused.Reason.UNREADABLE_DOCUMENT, message);
    }

    private static ImportRefused unreadable(String message, Throwable cause) {
        return new ImportRefused(ImportRefused.Reason.UNREADABLE_DOCUMENT, message, cause);
    }
}
