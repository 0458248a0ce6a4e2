package id.sopflow.sopimport;

import id.sopflow.organisation.Role;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The role of a Pelaksana column, read from its title as the seed tables write it: "CAMAT", "SEKCAM", "Secam",
 * "Sekretaris", "KASI/KASUBAG", "Kasubbag", "KASI PERENCANAAN KEUANGAN", "Jafung/ Pelaksana", "Staff", "TIM",
 * "Tim Penyusun SAKIP", "PENGADMINIS TRASI", "Kasubbag Umum", "Staf Umum Kecamatan", "Bappeda". The first rule that
 * matches decides, so "Kasubbag Umum" is the clerk (pengadministrasi), not the Kasubbag, and "Sekretaris Kecamatan" is
 * the Sekcam, not the Camat. Titles of people outside the kecamatan (Bupati, Sekda) and anything unreadable have no
 * role: a person decides.
 */
final class RoleNames {

    private static final Pattern WORD_TIM = Pattern.compile("\\btim\\b");
    private static final Pattern WORD_CAMAT = Pattern.compile("\\bcamat\\b");

    private RoleNames() {
    }

    /** The role of a column title, if the title names one. */
    static Optional<Role> of(String title) {
        String spaced = spaced(title);
        String compact = spaced.replace(" ", "");
        if (compact.isEmpty()) {
            return Optional.empty();
        }
        if (compact.contains("bappeda")) {
            return Optional.of(Role.BAPPEDA);
        }
        if (compact.contains("sekda") || compact.contains("sekretarisdaerah") || compact.contains("bupati")) {
            return Optional.empty();
        }
        if (containsAny(compact, "sekcam", "secam", "sekam", "sekretaris", "sekertaris", "sekretariskecamatan")) {
            return Optional.of(Role.SEKCAM);
        }
        if (containsAny(compact, "pengadministrasi", "pengadmi", "administrasiumum", "umum", "arsip", "agenda")) {
            return Optional.of(Role.PENGADMINISTRASI);
        }
        if (containsAny(compact, "kasubbag", "kasubag", "kasubbid", "kasie", "kepalasub", "kepalaseksi") || compact.startsWith("kasi")) {
            return Optional.of(Role.KASUBBAG);
        }
        if (containsAny(compact, "pelaksana", "jafung", "fungsional", "staf")) {
            return Optional.of(Role.PELAKSANA);
        }
        if (WORD_TIM.matcher(spaced).find()) {
            return Optional.of(Role.TIM);
        }
        if (WORD_CAMAT.matcher(spaced).find()) {
            return Optional.of(Role.CAMAT);
        }
        return Optional.empty();
    }

    /** An id for a title with no role, from its words: "Staf Ahli Bupati" gives {@code staf-ahli-bupati}. */
    static String slug(String title) {
        String slug = spaced(title).replace(' ', '-');
        return slug.isEmpty() ? "peran" : slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
    }

    /** Lower case, letters and digits only, words separated by one space, accents dropped. */
    static String spaced(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static boolean containsAny(String text, String... parts) {
        for (String part : parts) {
            if (text.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
