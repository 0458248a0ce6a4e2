package id.sopflow.calendar;

import java.util.List;

/**
 * Calendar files that cannot be used. Every problem names the file and, where there is one, the line and the
 * field, for example {@code config/kalender/libur/2026.yaml baris 14, hari libur ke-3, isian 'tanggal': '2026-02-30'
 * bukan tanggal yang valid (TTTT-BB-HH, mis. 2026-08-17)}. Nothing is read from a file with a problem.
 */
public final class CalendarFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    CalendarFileException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file and line order. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return "Berkas kalender tidak valid: " + problems.get(0);
        }
        return "Berkas kalender tidak valid (" + problems.size() + " masalah):\n- " + String.join("\n- ", problems);
    }
}
