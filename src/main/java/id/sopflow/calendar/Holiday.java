package id.sopflow.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day on which the office is closed although it is a weekday: a national holiday, a cuti bersama, or a local
 * holiday of one kabupaten/kecamatan. All kinds are skipped alike by {@link WorkingCalendar}.
 *
 * @param date   the day
 * @param name   what is celebrated, e.g. "Idulfitri 1446 Hijriah"
 * @param kind   national holiday, cuti bersama or local holiday
 * @param source the legal source, e.g. the SKB that sets the day; empty when unknown
 */
public record Holiday(LocalDate date, String name, Kind kind, String source) {

    /** Kind of closed day. */
    public enum Kind {
        /** Hari libur nasional (Keppres / SKB). */
        LIBUR_NASIONAL,
        /** Cuti bersama (SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB). */
        CUTI_BERSAMA,
        /** Libur lokal: a day set by the kabupaten or province. */
        LIBUR_LOKAL
    }

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Holiday on " + date + " needs a name");
        }
        name = name.strip();
        source = source == null ? "" : source.strip();
    }
}
