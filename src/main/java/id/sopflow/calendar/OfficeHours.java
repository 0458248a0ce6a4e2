package id.sopflow.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Office hours of a week: per day of the week the working periods, i.e. office hours minus breaks. A day with
 * no period (Saturday and Sunday by default) is not a working day.
 *
 * <p>Periods of one day are kept sorted; each must start before it ends (no period across midnight) and must not
 * overlap the next one. At least one day of the week must have a period.
 *
 * @param periods working periods per day; days not in the map have none
 */
public record OfficeHours(Map<DayOfWeek, List<Period>> periods) {

    /**
     * One working period of a day, from {@code start} (inclusive) to {@code end} (exclusive).
     *
     * @param start first moment of work
     * @param end   moment work stops (a break or the end of the day)
     */
    public record Period(LocalTime start, LocalTime end) {
        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("period " + start + "-" + end + ": start must be before end");
            }
        }

        /** Reads "07:30-12:00" (also "07.30 - 12.00"); start must be before end. Messages are in Indonesian. */
        static Period parse(String text) {
            Objects.requireNonNull(text, "text");
            String[] parts = text.strip().split("\\s*[-\u2013]\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("periode \"" + text + "\" bukan bentuk JJ:MM-JJ:MM");
            }
            LocalTime start = time(text, parts[0]);
            LocalTime end = time(text, parts[1]);
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("periode \"" + text + "\": jam mulai " + start
                        + " harus sebelum jam selesai " + end + " (periode tidak boleh melewati tengah malam)");
            }
            return new Period(start, end);
        }

        private static LocalTime time(String text, String part) {
            String[] hm = part.split("[:.]");
            try {
                if (hm.length != 2 || hm[1].length() != 2) {
                    throw new NumberFormatException();
                }
                return LocalTime.of(Integer.parseInt(hm[0]), Integer.parseInt(hm[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("periode \"" + text + "\": \"" + part
                        + "\" bukan jam JJ:MM", e);
            }
        }

        Duration length() {
            return Duration.between(start, end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    public OfficeHours {
        Objects.requireNonNull(periods, "periods");
        Map<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Period> list = new ArrayList<>(periods.getOrDefault(day, List.of()));
            list.forEach(p -> Objects.requireNonNull(p, "period of " + day));
            list.sort(Comparator.comparing(Period::start));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).start().isBefore(list.get(i - 1).end())) {
                    throw new IllegalArgumentException("office hours of " + day + ": period " + list.get(i - 1)
                            + " overlaps " + list.get(i));
                }
            }
            copy.put(day, List.copyOf(list));
        }
        if (copy.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("office hours have no working period on any day of the week");
        }
        periods = Collections.unmodifiableMap(copy);
    }

    /**
     * Jam kerja ASN per Perpres 21/2023 (37,5 jam seminggu, lima hari kerja): Senin-Kamis 07:30-12:00 dan
     * 13:00-16:00; Jumat 07:30-11:30 dan 13:00-16:30; Sabtu dan Minggu libur.
     */
    public static OfficeHours perpres21of2023() {
        List<Period> monThu = List.of(Period.parse("07:30-12:00"), Period.parse("13:00-16:00"));
        List<Period> fri = List.of(Period.parse("07:30-11:30"), Period.parse("13:00-16:30"));
        Map<DayOfWeek, List<Period>> map = new EnumMap<>(DayOfWeek.class);
        map.put(DayOfWeek.MONDAY, monThu);
        map.put(DayOfWeek.TUESDAY, monThu);
        map.put(DayOfWeek.WEDNESDAY, monThu);
        map.put(DayOfWeek.THURSDAY, monThu);
        map.put(DayOfWeek.FRIDAY, fri);
        return new OfficeHours(map);
    }

    /** The working periods of a day of the week, sorted; empty for a day off. */
    public List<Period> periods(DayOfWeek day) {
        return periods.get(day);
    }

    /** Office time in one week without holidays (37,5 jam for {@link #perpres21of2023()}). */
    public Duration weeklyTotal() {
        return periods.values().stream().flatMap(List::stream).map(Period::length)
                .reduce(Duration.ZERO, Duration::plus);
    }
}
