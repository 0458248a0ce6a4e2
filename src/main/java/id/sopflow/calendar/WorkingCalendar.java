package id.sopflow.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Office-time arithmetic of one office: its {@link OfficeHours}, its time zone and its closed days.
 *
 * <p><b>Rules</b> (project decision; every computation is done in the calendar's zone, by default WIB =
 * Asia/Jakarta; kecamatan in WITA use Asia/Makassar, in WIT Asia/Jayapura, via {@link #withZone}):
 * <ul>
 *   <li>A <em>working day</em> is a day whose weekday has working periods (Monday to Friday by default) and that
 *       is not a {@link Holiday} of any kind: libur nasional, cuti bersama and libur lokal are all skipped like
 *       weekends.</li>
 *   <li><em>Normalising</em> a start: a start inside a working period (start inclusive, end exclusive) stays;
 *       any other start (before office hours, in the lunch break, after 16:00, at 18:00, on a weekend or
 *       holiday) moves to the next working-period start.</li>
 *   <li><em>Office minutes</em> ({@link WorkAmount.Unit#MINUTES}, from "menit" and "jam"): from the normalised
 *       start, count only minutes inside working periods of working days. When the amount runs out exactly at
 *       the end of a period, the due moment is that period end, never the next period's start. Examples with
 *       the Perpres 21/2023 hours: Monday 15:50 + 60 menit = Tuesday 08:20; Monday 11:30 + 60 menit = Monday
 *       13:30 (lunch skipped); Friday 16:00 + 60 menit = Monday 08:00.</li>
 *   <li><em>Working days</em> ({@link WorkAmount.Unit#WORKING_DAYS}, from "hari", "hari kerja", "minggu",
 *       "bulan"): normalise the start to day d at time t; the due moment is time t on the n-th working day
 *       after d. If t is not inside that day's periods, it is the latest period end of that day before t
 *       (Monday 11:45 + 4 hari = Friday 11:30, because Friday's break starts at 11:30; Friday 16:15 + 1 hari =
 *       Monday 16:00), or the previous working day's last period end when the day has no period end before
 *       t. If the due moment would be exactly the first period start of a day, the previous working day's last
 *       period end is reported instead (the same moment in office time): Saturday 10:00 + 1 hari is
 *       normalised to Monday 07:30, giving Tuesday 07:30, reported as Monday 16:00. Friday 14:00 + 1 hari kerja
 *       = Monday 14:00.</li>
 *   <li>An amount of zero gives the normalised start.</li>
 *   <li>{@link #workingTimeBetween} counts only office time inside working periods of working days; it is
 *       zero when {@code to} is not after {@code from}. It answers "late by how much" in office time.</li>
 *   <li>When two holidays fall on one date, {@link #holiday} reports the libur nasional before a cuti bersama
 *       before a libur lokal (the first given among equals).</li>
 * </ul>
 * The zones of Indonesia have no daylight saving time; periods are read as local wall-clock times.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WorkingCalendar {

    /** Waktu Indonesia Barat. */
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Waktu Indonesia Tengah. */
    public static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    /** Waktu Indonesia Timur. */
    public static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    private final OfficeHours hours;
    private final ZoneId zone;
    private final Map<LocalDate, Holiday> holidays;

    public WorkingCalendar(OfficeHours hours, ZoneId zone, Collection<Holiday> holidays) {
        this(hours, zone, Map.of(), holidays);
    }

    private WorkingCalendar(OfficeHours hours, ZoneId zone, Map<LocalDate, Holiday> known,
            Collection<Holiday> extra) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.zone = Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(extra, "holidays");
        Map<LocalDate, Holiday> merged = new HashMap<>(known);
        for (Holiday holiday : extra) {
            Objects.requireNonNull(holiday, "holiday in collection");
            merged.merge(holiday.date(), holiday,
                    (old, added) -> added.kind().ordinal() < old.kind().ordinal() ? added : old);
        }
        this.holidays = Map.copyOf(merged);
    }

    /**
     * A zone from its Indonesian name "WIB", "WITA", "WIT" (any case) or an IANA id such as "Asia/Makassar".
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static ZoneId zoneOf(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("zona kosong; gunakan WIB, WITA, WIT atau id seperti Asia/Jakarta");
        }
        String t = text.strip();
        switch (t.toUpperCase(Locale.ROOT)) {
            case "WIB": return WIB;
            case "WITA": return WITA;
            case "WIT": return WIT;
            default:
                try {
                    return ZoneId.of(t);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("zona \"" + t
                            + "\" tidak dikenal; gunakan WIB, WITA, WIT atau id seperti Asia/Jakarta", e);
                }
        }
    }

    /** The due moment of {@code amount} of office time from {@code start}; see the class comment. */
    public Instant add(Instant start, WorkAmount amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        LocalDateTime s = normalise(LocalDateTime.ofInstant(start, zone));
        LocalDateTime due = amount.unit() == WorkAmount.Unit.MINUTES
                ? addMinutes(s, amount.amount())
                : addWorkingDays(s, amount.amount());
        return due.atZone(zone).toInstant();
    }

    /** The due moment of a step with this Waktu: {@code add(start, waktu.limit())}. */
    public Instant add(Instant start, Waktu waktu) {
        Objects.requireNonNull(waktu, "waktu");
        return add(start, waktu.limit());
    }

    /** Office time elapsed between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate first = LocalDate.ofInstant(from, zone);
        LocalDate last = LocalDate.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            for (OfficeHours.Period p : hours.periods(d.getDayOfWeek())) {
                Instant lo = max(d.atTime(p.start()).atZone(zone).toInstant(), from);
                Instant hi = min(d.atTime(p.end()).atZone(zone).toInstant(), to);
                if (lo.isBefore(hi)) {
                    total = total.plus(Duration.between(lo, hi));
                }
            }
        }
        return total;
    }

    /** True when the weekday has office hours and the date is no holiday or cuti bersama. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !hours.periods(date.getDayOfWeek()).isEmpty() && !holidays.containsKey(date);
    }

    /** The holiday or cuti bersama on that date, if any (weekends are not holidays). */
    public Optional<Holiday> holiday(LocalDate date) {
        return Optional.ofNullable(holidays.get(Objects.requireNonNull(date, "date")));
    }

    /** The zone all arithmetic is done in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The same hours and holidays in another zone, e.g. {@link #WITA} for a kecamatan in Bali, NTB, NTT, Kalimantan
     * Selatan/Timur/Utara or Sulawesi, {@link #WIT} for Maluku and Papua. (Kalimantan Tengah, e.g. Arut Selatan, is
     * WIB.)
     */
    public WorkingCalendar withZone(ZoneId zone) {
        return new WorkingCalendar(hours, zone, holidays, List.of());
    }

    /** A new calendar with {@code extra} days closed as well, e.g. local holidays of a kabupaten. */
    public WorkingCalendar withHolidays(Collection<Holiday> extra) {
        return new WorkingCalendar(hours, zone, holidays, extra);
    }

    OfficeHours officeHours() {
        return hours;
    }

    /** All closed days, sorted by date. */
    public List<Holiday> holidays() {
        return holidays.values().stream().sorted(Comparator.comparing(Holiday::date)).toList();
    }

    @Override
    public String toString() {
        return "WorkingCalendar[zone=" + zone + ", holidays=" + holidays.size() + ", hours=" + hours + "]";
    }

    // --- arithmetic on local date-times of this zone ---

    /** The first moment at or after {@code t} that is inside a working period. */
    private LocalDateTime normalise(LocalDateTime t) {
        LocalDate d = t.toLocalDate();
        LocalTime time = t.toLocalTime();
        while (true) {
            if (isWorkingDay(d)) {
                for (OfficeHours.Period p : hours.periods(d.getDayOfWeek())) {
                    if (time.isBefore(p.end())) {
                        return d.atTime(time.isBefore(p.start()) ? p.start() : time);
                    }
                }
            }
            d = d.plusDays(1);
            time = LocalTime.MIN;
        }
    }

    /** {@code s} is inside a working period. */
    private LocalDateTime addMinutes(LocalDateTime s, long minutes) {
        Duration remaining = Duration.ofMinutes(minutes);
        LocalDate d = s.toLocalDate();
        LocalTime cursor = s.toLocalTime();
        while (true) {
            if (isWorkingDay(d)) {
                for (OfficeHours.Period p : hours.periods(d.getDayOfWeek())) {
                    if (!cursor.isBefore(p.end())) {
                        continue;
                    }
                    LocalTime from = cursor.isBefore(p.start()) ? p.start() : cursor;
                    Duration available = Duration.between(from, p.end());
                    if (remaining.compareTo(available) <= 0) {
                        return d.atTime(from).plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
            d = d.plusDays(1);
            cursor = LocalTime.MIN;
        }
    }

    /** {@code s} is inside a working period. */
    private LocalDateTime addWorkingDays(LocalDateTime s, long days) {
        if (days == 0) {
            return s;
        }
        LocalDate day = s.toLocalDate();
        for (long i = 0; i < days; i++) {
            day = nextWorkingDay(day);
        }
        LocalTime t = s.toLocalTime();
        List<OfficeHours.Period> periods = hours.periods(day.getDayOfWeek());
        LocalTime at = null;
        for (OfficeHours.Period p : periods) {
            if (!t.isBefore(p.start()) && !t.isAfter(p.end())) {
                at = t;
                break;
            }
            if (!p.end().isAfter(t)) {
                at = p.end();
            }
        }
        if (at == null || at.equals(periods.get(0).start())) {
            return lastEndOf(previousWorkingDay(day));
        }
        return day.atTime(at);
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private LocalDate previousWorkingDay(LocalDate day) {
        LocalDate d = day.minusDays(1);
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    private LocalDateTime lastEndOf(LocalDate day) {
        List<OfficeHours.Period> periods = hours.periods(day.getDayOfWeek());
        return day.atTime(periods.get(periods.size() - 1).end());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
