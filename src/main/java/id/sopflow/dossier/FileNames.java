package id.sopflow.dossier;

import id.sopflow.api.UnacceptableFile;

import java.text.Normalizer;

/**
 * The name an uploaded file is kept and downloaded under. A name with path parts ({@code /}, {@code \}, {@code ..})
 * or control or invisible formatting characters (such as a right-to-left override that disguises {@code exe.pdf}) is
 * refused; otherwise the name is normalised (NFC), trimmed, and the characters other systems reserve in file names
 * become {@code _}.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;
    private static final String RESERVED = "<>:\"|?*";

    private FileNames() {
    }

    static String sanitise(String original) {
        if (original == null || original.isBlank()) {
            throw invalid("Nama berkas kosong; kirim berkas dengan namanya (misalnya renja-2027.pdf).");
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals("..") || name.equals(".")) {
            throw invalid("Nama berkas '" + printable(name) + "' memuat bagian jalur (/, \\ atau ..); kirim nama berkasnya saja, "
                    + "misalnya renja-2027.pdf.");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.UNASSIGNED
                    || Character.getType(c) == Character.PRIVATE_USE || Character.getType(c) == Character.SURROGATE) {
                throw invalid("Nama berkas '" + printable(name) + "' memuat karakter kendali atau tak terlihat (U+"
                        + String.format("%04X", c) + "); ganti nama berkasnya dengan huruf, angka, spasi, '-', '_' dan '.'.");
            }
            i += Character.charCount(c);
        }
        StringBuilder sb = new StringBuilder(name.length());
        name.strip().codePoints().forEach(c -> sb.appendCodePoint(RESERVED.indexOf(c) >= 0 ? '_' : c));
        String clean = sb.toString().replaceAll("\\s+", " ").replaceAll("^\\.+", "").strip();
        if (clean.isEmpty()) {
            throw invalid("Nama berkas '" + printable(name) + "' tidak memuat nama; kirim misalnya renja-2027.pdf.");
        }
        if (clean.length() > MAX_LENGTH) {
            throw invalid("Nama berkas terlalu panjang (" + clean.length() + " karakter; paling banyak " + MAX_LENGTH + ").");
        }
        return clean;
    }

    /** The extension of a name, lower case, without the dot; empty when it has none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** A name as it may appear in a message: control characters shown as '?', at most 80 characters. */
    static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().limit(80).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return name.codePointCount(0, name.length()) > 80 ? sb + "..." : sb.toString();
    }

    private static UnacceptableFile invalid(String message) {
        return new UnacceptableFile(UnacceptableFile.Reason.INVALID, message);
    }
}
