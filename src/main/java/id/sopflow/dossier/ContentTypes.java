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
