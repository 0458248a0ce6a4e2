package id.sopflow.compliance;

import id.sopflow.api.InvalidInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half year, the period of the Monitoring Pelaksanaan SOP AP form: {@code 2026-1} is Januari–Juni 2026, {@code 2026-2}
 * Juli–Desember 2026. Its moments are local midnights of the kecamatan's zone: 2026-1 runs from 1 Januari 2026 00.00
 * (inclusive) to 1 Juli 2026 00.00 (exclusive).
 *
 * @param half 1 (Januari–Juni) or 2 (Juli–Desember)
 */
public record Semester(int year, int half) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})-([12])");

    public Semester {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("semester is 1 or 2, was " + half);
        }
    }

    /**
     * Reads {@code TTTT-1} or {@code TTTT-2}.
     *
     * @throws InvalidInput (400) naming the text and the form for anything else, e.g. {@code 2026-3}
     */
    public static Semester parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new InvalidInput("Semester '" + text + "' tidak dikenal; tulis TTTT-1 (Januari–Juni) atau TTTT-2 (Juli–Desember), "
                    + "misalnya 2026-1.");
        }
        return new Semester(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The semester a date falls in. */
    public static Semester of(LocalDate date) {
        return new Semester(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    /** The day after the last: 1 Juli or 1 Januari of the next year. */
    public LocalDate endDay() {
        return half == 1 ? LocalDate.of(year, 7, 1) : LocalDate.of(year + 1, 1, 1);
    }

    public Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /** The end, exclusive. */
    public Instant end(ZoneId zone) {
        return endDay().atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant moment, ZoneId zone) {
        return !moment.isBefore(start(zone)) && moment.isBefore(end(zone));
    }

    public Semester previous() {
        return half == 1 ? new Semester(year - 1, 2) : new Semester(year, 1);
    }

    /** "Januari–Juni 2026". */
    public String label() {
        return (half == 1 ? "Januari–Juni " : "Juli–Desember ") + year;
    }

    /** {@code 2026-1}: as written in addresses and stored. */
    @Override
    public String toString() {
        return year + "-" + half;
    }
}
