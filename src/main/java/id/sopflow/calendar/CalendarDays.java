package id.sopflow.calendar;

import id.sopflow.api.Conflict;
import id.sopflow.api.InvalidInput;
import id.sopflow.api.NotFound;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The closed days of the calendar as the admin keeps them: the days of a year (from the holiday files and those added at
 * run time), and adding or removing a day without a redeploy. It applies to deadlines computed after it. Used by
 * {@code /api/kalender/libur} and the web app's Kalender page.
 */
@Component
public class CalendarDays {

    /** A closed day as listed: whether it was added at run time, and for which kecamatan (none: every one). */
    public record Day(LocalDate tanggal, String nama, String jenis, String sumber, boolean ditambahkan, String kecamatan) {
    }

    /** A day to add. */
    public record NewDay(LocalDate tanggal, String nama, String jenis, String sumber, String kecamatan) {
    }

    /** Deadlines are computed for the years the calendar can know (holiday files are yearly). */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final WorkingCalendars calendars;
    private final Clock clock;

    CalendarDays(WorkingCalendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    public List<Day> of(int year, String kecamatan) {
        inRange(year, "tahun");
        if (kecamatan != null && !kecamatan.isBlank()) {
            known(kecamatan);
        }
        List<AddedHoliday> added = calendars.added().all();
        return calendars.forKecamatan(kecamatan).holidays().stream()
                .filter(h -> h.date().getYear() == year)
                .map(h -> {
                    Optional<AddedHoliday> a = added.stream()
                            .filter(x -> x.holiday().date().equals(h.date()) && x.appliesTo(kecamatan)).findFirst();
                    return new Day(h.date(), h.name(), h.kind().name(), h.source(), a.isPresent(),
                            a.flatMap(AddedHoliday::kecamatan).orElse(null));
                })
                .toList();
    }

    /** Every closed day of a year: those of every kecamatan, and the days added for one kecamatan only. */
    public List<Day> allOf(int year) {
        List<Day> all = new java.util.ArrayList<>(of(year, null));
        calendars.added().all().stream()
                .filter(a -> a.kecamatan().isPresent() && a.holiday().date().getYear() == year)
                .map(a -> new Day(a.holiday().date(), a.holiday().name(), a.holiday().kind().name(), a.holiday().source(), true,
                        a.kecamatan().get()))
                .forEach(all::add);
        all.sort(java.util.Comparator.comparing(Day::tanggal));
        return all;
    }

    /** Adds a closed day; 400 for a missing or unknown field, 409 when it is already there. */
    public Day add(NewDay day, String addedBy) {
        if (day.tanggal() == null) {
            throw new InvalidInput("isian 'tanggal' wajib diisi (format YYYY-MM-DD)");
        }
        if (day.nama() == null || day.nama().isBlank()) {
            throw new InvalidInput("isian 'nama' wajib diisi");
        }
        Holiday.Kind kind = kind(day.jenis());
        Optional<String> kecamatan = Optional.ofNullable(day.kecamatan()).filter(k -> !k.isBlank()).map(String::strip);
        kecamatan.ifPresent(this::known);
        inRange(day.tanggal().getYear(), "tanggal");
        AddedHoliday added = new AddedHoliday(new Holiday(day.tanggal(), day.nama(), kind, day.sumber()), kecamatan,
                addedBy == null ? "sistem" : addedBy, clock.instant());
        if (!calendars.added().add(added)) {
            throw new Conflict("tanggal " + day.tanggal() + " sudah ditambahkan" + kecamatan.map(k -> " untuk " + k).orElse(""));
        }
        Holiday h = added.holiday();
        return new Day(h.date(), h.name(), h.kind().name(), h.source(), true, kecamatan.orElse(null));
    }

    /** Removes a day added at run time; 404 when there is none. */
    public void remove(LocalDate date, String kecamatan) {
        if (!calendars.added().remove(date, Optional.ofNullable(kecamatan).filter(k -> !k.isBlank()))) {
            throw new NotFound("tidak ada hari libur tambahan pada " + date);
        }
    }

    static void inRange(int year, String field) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInput("'" + field + "' di luar rentang kalender (tahun " + FIRST_YEAR + " sampai " + LAST_YEAR + ")");
        }
    }

    void known(String kecamatan) {
        if (!calendars.knows(kecamatan)) {
            throw new InvalidInput("kecamatan '" + kecamatan + "' tidak dikenal");
        }
    }

    private static Holiday.Kind kind(String text) {
        if (text == null || text.isBlank()) {
            return Holiday.Kind.LIBUR_LOKAL;
        }
        try {
            return Holiday.Kind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("jenis '" + text + "' tidak dikenal; gunakan libur_nasional, cuti_bersama atau libur_lokal");
        }
    }
}
