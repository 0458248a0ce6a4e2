package id.sopflow.sop;

import id.sopflow.yaml.InvalidFileException;

import java.util.List;

/**
 * An SOP source that cannot be used. Every problem names the file, the line, the step and the field,
 * for example {@code config/sop/arut-selatan/renja.yaml baris 57, langkah 9, isian 'kembaliKe': ...}.
 */
public class SopValidationException extends InvalidFileException {

    private static final long serialVersionUID = 1L;

    SopValidationException(List<String> problems) {
        super("SOP", problems);
    }
}
