package id.sopflow.dossier;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files of every accepted type, and the bad ones a careless or hostile user sends, made by the tests. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A one-page PDF saying {@code text} (the demo data's generator). */
    public static byte[] pdf(String text) {
        return id.sopflow.demo.DemoPdf.of(text);
    }

    public static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] xlsx(String text) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("RFK").createRow(0).createCell(0).setCellValue(text);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] xls(String text) {
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("RFK").createRow(0).createCell(0).setCellValue(text);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OLE2 file with a WordDocument stream: what a Word 97-2003 .doc is to a container detector. */
    public static byte[] doc(String text) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "WordDocument");
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OpenDocument package: its first entry, stored, is {@code mimetype}. */
    public static byte[] openDocument(String mimetype) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + mimetype + "\"/></manifest:manifest>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] odt() {
        return openDocument("application/vnd.oasis.opendocument.text");
    }

    public static byte[] ods() {
        return openDocument("application/vnd.oasis.opendocument.spreadsheet");
    }

    public static byte[] image(String format) {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of a Windows executable (MZ header, PE signature). */
    public static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A plain zip archive with one text file: not an Office document, whatever its name. */
    public static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("catatan.txt"));
            zip.write("isi".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // --- hostile files (found by review; each must be refused with 415) ---------------------------------------------

    /** A .doc with a VBA project (the Macros storage). */
    public static byte[] docWithMacros() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream("word".getBytes(StandardCharsets.UTF_8)), "WordDocument");
            var vba = fs.getRoot().createDirectory("Macros").createDirectory("VBA");
            vba.createDocument("ThisDocument", new ByteArrayInputStream("Sub AutoOpen()\nShell \"calc\"\nEnd Sub".getBytes(StandardCharsets.UTF_8)));
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An .xls with a VBA project (the _VBA_PROJECT_CUR storage). */
    public static byte[] xlsWithMacros() {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(xls("x"))); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.getRoot().createDirectory("_VBA_PROJECT_CUR").createDirectory("VBA")
                    .createDocument("ThisWorkbook", new ByteArrayInputStream("Sub Workbook_Open()\nEnd Sub".getBytes(StandardCharsets.UTF_8)));
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A .docx with a VBA project part added. */
    public static byte[] docxWithVbaPart() {
        return zipWith(docx("x"), "word/vbaProject.bin", docWithMacros());
    }

    /** An OpenDocument marker (mimetype first) carrying a program and a web page. */
    public static byte[] odtCarryingAProgram() {
        return zipWith(zipWith(odt(), "setup.exe", exe()), "index.html", html());
    }

    /** Only the OOXML content types, naming a Word main part that is not there. */
    public static byte[] docxMarkerOnly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                    + "wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A small zip whose [Content_Types].xml inflates to {@code mb} MB. */
    public static byte[] zipBomb(int mb) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><!--".getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < mb; i++) {
                zip.write(spaces);
            }
            zip.write("--><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip package with one more entry. */
    static byte[] zipWith(byte[] zip, String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                ZipEntry copy = new ZipEntry(entry.getName());
                if (entry.getMethod() == ZipEntry.STORED) {
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    copy.setCrc(crc.getValue());
                }
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
