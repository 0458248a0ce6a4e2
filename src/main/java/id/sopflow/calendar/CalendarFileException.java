package id.sopflow.calendar;

import id.sopflow.yaml.InvalidFileException;

import java.util.List;

/**
 * Calendar files that cannot be used. Every problem names the file and, where there is one, the line and the
 * field, for example {@code config/kalender/libur/2026.yaml baris 14, hari libur ke-3, isian 'tanggal': '2026-02-30'
 * bukan tanggal yang valid (TTTT-BB-HH, mis. 2026-08-17)}. Nothing is read from a file with a problem.
 */
public final class CalendarFileException extends InvalidFileException {

    private static final long serialVersionUID = 1L;

    CalendarFileException(List<String> problems) {
        super("Berkas kalender", problems);
    }
}
