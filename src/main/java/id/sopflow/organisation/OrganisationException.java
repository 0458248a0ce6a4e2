package id.sopflow.organisation;

import java.util.List;

/**
 * An organisation file that cannot be used. Every problem names the file and the line, for example
 * {@code config/organisasi.yaml baris 57, pengguna camat.ajibarang, isian 'kantor': ...}.
 */
class OrganisationException extends RuntimeException {

    private final transient List<String> problems;

    OrganisationException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return "Berkas organisasi tidak valid: " + problems.get(0);
        }
        return "Berkas organisasi tidak valid (" + problems.size() + " masalah):\n- " + String.join("\n- ", problems);
    }
}
