package id.sopflow.dossier;

import id.sopflow.api.UnacceptableFile;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which files the dossier takes, decided by their bytes with Apache Tika's detectors (magic bytes; for zip and OLE2
 * containers, what is inside: an OOXML package's content types, an OpenDocument's mimetype entry, the streams of a
 * Word or Excel 97 file), never by the name the client gives. The name must then agree with the content: a PDF named
 * {@code .docx} is refused, so that a download opens in the program its name promises.
 *
 * <p>Accepted: PDF, Word (.doc, .docx), Excel (.xls, .xlsx), OpenDocument text and spreadsheet (.odt, .ods), JPEG and
 * PNG. Macro-enabled Office files, executables, HTML, scripts and archives are not.
 */
final class ContentTypes {

    /** Where the bytes of a file are, to be read more than once. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    /** Accepted content types and the extensions a name of that type may have (the first is the usual one). */
    static final Map<String, List<String>> ACCEPTED = accepted();

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    private static Map<String, List<String>> accepted() {
        Map<String, List<String>> types = new LinkedHashMap<>();
        types.put("application/pdf", List.of("pdf"));
        types.put("application/msword", List.of("doc"));
        types.put("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"));
        types.put("application/vnd.ms-excel", List.of("xls"));
        types.put("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"));
        types.put("application/vnd.oasis.opendocument.text", List.of("odt"));
        types.put("application/vnd.oasis.opendocument.spreadsheet", List.of("ods"));
        types.put("image/jpeg", List.of("jpg", "jpeg"));
        types.put("image/png", List.of("png"));
        return java.util.Collections.unmodifiableMap(types);
    }

    /** The most a package (docx, xlsx, odt, ods) may inflate to in all, and the highest ratio of any of its entries. */
    static final long MAX_INFLATED = 300L * 1024 * 1024;
    static final int MAX_RATIO = 100;
    /** Entries that have no business in an office document: programs, scripts, web pages. */
    private static final java.util.regex.Pattern FOREIGN_ENTRY = java.util.regex.Pattern.compile(
            "(?i).*(\\.(exe|dll|com|bat|cmd|scr|msi|ps1|js|jse|vbs|vbe|wsf|jar|hta|html?)|vbaproject\\.bin)$");
    private static final java.util.Map<String, String> MAIN_PART = java.util.Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/",
            "application/vnd.oasis.opendocument.text", "content.xml",
            "application/vnd.oasis.opendocument.spreadsheet", "content.xml");

    /**
     * The accepted content type of an uploaded file, from its bytes: a zip package is first read through with its
     * inflation bounded (a zip bomb is refused before any detector inflates it), then Tika detects the type, then the
     * type's own rules apply: an Office or OpenDocument package has its main part and no program or web page inside,
     * a Word or Excel 97 file carries no macros, and the name's extension agrees.
     */
    String inspect(String name, Source content) {
        try {
            java.util.List<String> entries = null;
            try (InputStream in = content.open()) {
                byte[] magic = in.readNBytes(4);
                if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                    entries = entries(name, content);
                }
            }
            String detected;
            try (InputStream in = content.open()) {
                detected = detect(in);
            }
            String type = accept(name, detected);
            if (MAIN_PART.containsKey(type)) {
                checkPackage(name, type, entries == null ? java.util.List.of() : entries);
            } else if (type.equals("application/msword") || type.equals("application/vnd.ms-excel")) {
                try (InputStream in = content.open()) {
                    checkNoMacros(name, in);
                }
            }
            return type;
        } catch (IOException e) {
            throw unsupported(name, "tidak dapat dibaca sebagai berkas yang utuh (" + e.getMessage() + ")");
        }
    }

    /** The entry names of a zip package, read through with the inflation bounded. */
    private static java.util.List<String> entries(String name, Source content) throws IOException {
        java.util.List<String> names = new java.util.ArrayList<>();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (org.apache.commons.compress.archivers.zip.ZipArchiveInputStream zip =
                     new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(content.open())) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    total += n;
                    long inflated = zip.getUncompressedCount();
                    long compressed = Math.max(1, zip.getCompressedCount());
                    if (total > MAX_INFLATED || (inflated > 1024 * 1024 && inflated / compressed > MAX_RATIO)) {
                        throw unsupported(name, "mengembang jauh melebihi ukurannya saat dibuka (bom zip)");
                    }
                }
            }
        } catch (java.util.zip.ZipException | org.apache.commons.compress.archivers.ArchiveException e) {
            throw unsupported(name, "arsip zip yang rusak atau tidak lazim (" + e.getMessage() + ")");
        }
        return names;
    }

    private static void checkPackage(String name, String type, java.util.List<String> entries) {
        String main = MAIN_PART.get(type);
        if (entries.stream().noneMatch(e -> main.endsWith("/") ? e.startsWith(main) : e.equals(main))) {
            throw unsupported(name, "tidak memuat isi dokumennya (" + main + "), hanya penandanya");
        }
        entries.stream().filter(e -> FOREIGN_ENTRY.matcher(e).matches()).findFirst().ifPresent(e -> {
            throw unsupported(name, "memuat '" + e + "', yang bukan bagian dokumen kantor");
        });
    }

    /** A Word or Excel 97 file with a VBA project (the Macros or _VBA_PROJECT_CUR storage) is macro-enabled. */
    private static void checkNoMacros(String name, InputStream content) throws IOException {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(content)) {
            if (fs.getRoot().hasEntryCaseInsensitive("Macros") || fs.getRoot().hasEntryCaseInsensitive("_VBA_PROJECT_CUR")
                    || fs.getRoot().hasEntryCaseInsensitive("_VBA_PROJECT")) {
                throw unsupported(name, "memuat makro (VBA); simpan tanpa makro (.docx, .xlsx atau .pdf) lalu unggah lagi");
            }
        }
    }

    private static UnacceptableFile unsupported(String name, String why) {
        return new UnacceptableFile(UnacceptableFile.Reason.UNSUPPORTED_TYPE, "Berkas '" + FileNames.printable(name) + "' " + why + ".");
    }

    /** The type of the content, as Tika detects it from the bytes alone (no name is given to the detector). */
    String detect(InputStream content) {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            MediaType type = detector.detect(in, new Metadata());
            return type.getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The accepted content type of a file named {@code name} whose bytes were detected as {@code detected}; refused
     * (415) when the type is not accepted or the name's extension belongs to another type.
     */
    static String accept(String name, String detected) {
        List<String> extensions = ACCEPTED.get(detected);
        if (extensions == null) {
            throw new UnacceptableFile(UnacceptableFile.Reason.UNSUPPORTED_TYPE, "Isi berkas '" + FileNames.printable(name)
                    + "' bukan jenis yang diterima (terbaca sebagai " + detected + ", apa pun nama berkasnya). Yang diterima: "
                    + acceptedExtensions() + ".");
        }
        String extension = FileNames.extension(name);
        if (!extensions.contains(extension)) {
            throw new UnacceptableFile(UnacceptableFile.Reason.UNSUPPORTED_TYPE, "Isi berkas '" + FileNames.printable(name)
                    + "' adalah " + describe(detected) + ", tetapi namanya " + (extension.isEmpty() ? "tanpa akhiran"
                    : "berakhiran ." + extension) + "; beri nama berakhiran ." + extensions.get(0) + " lalu unggah lagi.");
        }
        return detected;
    }

    static String acceptedExtensions() {
        return ACCEPTED.values().stream().flatMap(List::stream).sorted().map(e -> "." + e).collect(Collectors.joining(", "));
    }

    private static String describe(String type) {
        return switch (type) {
            case "application/pdf" -> "PDF";
            case "image/jpeg" -> "gambar JPEG";
            case "image/png" -> "gambar PNG";
            default -> "dokumen ." + ACCEPTED.get(type).get(0);
        };
    }
}
