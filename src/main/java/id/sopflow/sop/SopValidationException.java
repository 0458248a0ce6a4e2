package id.sopflow.sop;

import java.util.List;

/**
 * An SOP source that cannot be used. Every problem names the file, the line, the step and the field,
 * for example {@code config/sop/arut-selatan/renja.yaml baris 57, langkah 9, isian 'kembaliKe': ...}.
 */
public class SopValidationException extends RuntimeException {

    private final transient List<String> problems;

    SopValidationException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return "SOP tidak valid: " + problems.get(0);
        }
        return "SOP tidak valid (" + problems.size() + " masalah):\n- " + String.join("\n- ", problems);
    }
}
