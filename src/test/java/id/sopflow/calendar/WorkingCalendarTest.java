package id.sopflow.calendar;

import static id.sopflow.calendar.WorkAmount.minutes;
import static id.sopflow.calendar.WorkAmount.workingDays;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Due dates with the Perpres 21/2023 office hours in WIB. The plain week used most is 16-20 June 2025
 * (Senin 16 .. Jumat 20, Sabtu 21, Senin 23), which has no holiday.
 */
class WorkingCalendarTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    static final List<Holiday> HOLIDAYS = List.of(
            holiday("2025-03-28", "Cuti bersama Nyepi", Holiday.Kind.CUTI_BERSAMA),
            holiday("2025-03-31", "Idulfitri 1446 H", Holiday.Kind.LIBUR_NASIONAL),
            holiday("2025-04-01", "Idulfitri 1446 H", Holiday.Kind.LIBUR_NASIONAL),
            holiday("2025-04-02", "Cuti bersama Idulfitri", Holiday.Kind.CUTI_BERSAMA),
            holiday("2025-04-03", "Cuti bersama Idulfitri", Holiday.Kind.CUTI_BERSAMA),
            holiday("2025-04-04", "Cuti bersama Idulfitri", Holiday.Kind.CUTI_BERSAMA),
            holiday("2025-04-07", "Cuti bersama Idulfitri", Holiday.Kind.CUTI_BERSAMA),
            holiday("2025-05-01", "Hari Buruh", Holiday.Kind.LIBUR_NASIONAL),
            holiday("2025-12-25", "Natal", Holiday.Kind.LIBUR_NASIONAL),
            holiday("2025-12-26", "Cuti bersama Natal", Holiday.Kind.CUTI_BERSAMA));

    final WorkingCalendar calendar = new WorkingCalendar(OfficeHours.perpres21of2023(), WIB, HOLIDAYS);

    static Holiday holiday(String date, String name, Holiday.Kind kind) {
        return new Holiday(LocalDate.parse(date), name, kind, "test");
    }

    static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    static Instant wita(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WITA).toInstant();
    }


    @ParameterizedTest(name = "{0} + {1} menit = {2}")
    @CsvSource({
        // inside a period
        "2025-06-16T08:00, 30, 2025-06-16T08:30",
        "2025-06-16T08:00:30, 1, 2025-06-16T08:01:30",
        // across the Monday-Thursday lunch break 12:00-13:00
        "2025-06-16T11:30, 60, 2025-06-16T13:30",
        "2025-06-19T11:50, 15, 2025-06-19T13:05",
        // across Friday's longer break 11:30-13:00
        "2025-06-20T11:00, 60, 2025-06-20T13:30",
        "2025-06-20T11:29, 2, 2025-06-20T13:01",
        // across the end of the day
        "2025-06-16T15:50, 60, 2025-06-17T08:20",
        // Friday to Monday
        "2025-06-20T16:00, 60, 2025-06-23T08:00",
        "2025-06-20T16:29, 1, 2025-06-20T16:30",
        "2025-06-20T16:29, 2, 2025-06-23T07:31",
        // start on a weekend
        "2025-06-21T10:00, 60, 2025-06-23T08:30",
        "2025-06-22T23:59, 5, 2025-06-23T07:35",
        // start at 18:00, before office hours, in the break, exactly at a period end
        "2025-06-16T18:00, 30, 2025-06-17T08:00",
        "2025-06-16T06:00, 5, 2025-06-16T07:35",
        "2025-06-16T12:30, 10, 2025-06-16T13:10",
        "2025-06-16T12:00, 10, 2025-06-16T13:10",
        "2025-06-16T16:00, 10, 2025-06-17T07:40",
        // running out exactly at a period end gives that end, not the next start
        "2025-06-16T11:00, 60, 2025-06-16T12:00",
        "2025-06-16T15:00, 60, 2025-06-16T16:00",
        "2025-06-16T07:30, 450, 2025-06-16T16:00",
        "2025-06-20T07:30, 240, 2025-06-20T11:30",
        "2025-06-20T07:30, 450, 2025-06-20T16:30",
        "2025-06-16T12:30, 180, 2025-06-16T16:00",
        // a whole week of office time is 37,5 jam
        "2025-06-16T07:30, 2250, 2025-06-20T16:30",
        "2025-06-16T07:30, 2251, 2025-06-23T07:31",
        // a national holiday (Kamis 1 Mei 2025) is skipped
        "2025-04-30T15:30, 60, 2025-05-02T08:00",
        // Natal (Kamis) and cuti bersama (Jumat) are skipped
        "2025-12-24T15:00, 120, 2025-12-29T08:30",
        // zero gives the normalised start
        "2025-06-21T10:00, 0, 2025-06-23T07:30",
    })
    void minutesDueMoment(String start, long minutes, String due) {
        assertThat(calendar.add(wib(start), minutes(minutes))).isEqualTo(wib(due));
    }

    @Test
    void jamAndMenitFromWaktu() {
        Waktu waktu = Waktu.parse("1,5 jam").orElseThrow();
        assertThat(calendar.add(wib("2025-06-16T11:00"), waktu)).isEqualTo(wib("2025-06-16T13:30"));
    }


    @ParameterizedTest(name = "{0} + {1} hari = {2}")
    @CsvSource({
        "2025-06-16T09:00, 1, 2025-06-17T09:00",
        "2025-06-16T13:00, 1, 2025-06-17T13:00",
        // Friday 14:00 + 1 hari kerja is Monday, not Saturday
        "2025-06-20T14:00, 1, 2025-06-23T14:00",
        // the time does not exist on the due day: latest period end before it
        "2025-06-16T11:45, 4, 2025-06-20T11:30",
        "2025-06-16T15:45, 4, 2025-06-20T15:45",
        "2025-06-20T16:15, 1, 2025-06-23T16:00",
        "2025-06-20T12:00, 1, 2025-06-23T13:00",
        "2025-06-20T11:45, 1, 2025-06-23T13:00",
        // a start outside office hours is normalised first; the first period start of a day is reported
        // as the previous working day's last period end
        "2025-06-21T10:00, 1, 2025-06-23T16:00",
        "2025-06-16T07:30, 1, 2025-06-16T16:00",
        "2025-06-16T06:00, 1, 2025-06-16T16:00",
        "2025-06-19T18:00, 1, 2025-06-20T16:30",
        "2025-06-16T12:30, 1, 2025-06-17T13:00",
        "2025-06-16T07:31, 1, 2025-06-17T07:31",
        // five working days are a week
        "2025-06-16T10:00, 5, 2025-06-23T10:00",
        // Hari Buruh (Kamis 1 Mei 2025) is skipped
        "2025-04-30T10:00, 1, 2025-05-02T10:00",
        "2025-04-30T10:00, 2, 2025-05-05T10:00",
        // Natal Kamis 25 + cuti bersama Jumat 26 Desember 2025
        "2025-12-24T15:00, 1, 2025-12-29T15:00",
        // cuti bersama Nyepi 28 Mar, Idulfitri 31 Mar - 1 Apr, cuti bersama 2, 3, 4, 7 Apr 2025
        "2025-03-27T10:00, 1, 2025-04-08T10:00",
        "2025-03-27T16:10, 1, 2025-04-08T16:00",
        // a start on a cuti bersama moves to Selasa 8 April 07:30; one day later is Rabu 07:30 = Selasa 16:00
        "2025-04-02T10:00, 1, 2025-04-08T16:00",
        "2025-04-02T10:00, 2, 2025-04-09T16:00",
        // zero gives the normalised start
        "2025-06-21T10:00, 0, 2025-06-23T07:30",
    })
    void workingDaysDueMoment(String start, long days, String due) {
        assertThat(calendar.add(wib(start), workingDays(days))).isEqualTo(wib(due));
    }

    @Test
    void mingguIsFiveWorkingDays() {
        Waktu duaMinggu = Waktu.parse("2 minggu").orElseThrow();
        assertThat(calendar.add(wib("2025-06-16T10:00"), duaMinggu)).isEqualTo(wib("2025-06-30T10:00"));
    }

    @Test
    void bulanIsTwentyWorkingDays() {
        Waktu bulan = Waktu.parse("1 bulan").orElseThrow();
        assertThat(calendar.add(wib("2025-06-02T10:00"), bulan)).isEqualTo(wib("2025-06-30T10:00"));
    }

    @Test
    void rangeDeadlineUsesLimitTargetIsEarlier() {
        Waktu waktu = Waktu.parse("2-3 hari").orElseThrow();
        Instant start = wib("2025-06-16T09:00");

        assertThat(calendar.add(start, waktu)).isEqualTo(wib("2025-06-19T09:00"));
        assertThat(calendar.add(start, waktu.target())).isEqualTo(wib("2025-06-18T09:00"));
    }


    @Test
    void witaCountsInMakassarTime() {
        WorkingCalendar makassar = calendar.withZone(WITA);
        // 07:00 WIB is 08:00 WITA: before the office opens in Jakarta, inside it in Makassar
        Instant start = wib("2025-06-16T07:00");
        assertThat(start).isEqualTo(wita("2025-06-16T08:00"));

        assertThat(calendar.add(start, minutes(30))).isEqualTo(wib("2025-06-16T08:00"));
        assertThat(makassar.add(start, minutes(30))).isEqualTo(wita("2025-06-16T08:30"));
        assertThat(ZonedDateTime.ofInstant(makassar.add(start, minutes(30)), WITA))
                .isEqualTo(ZonedDateTime.of(2025, 6, 16, 8, 30, 0, 0, WITA));
        assertThat(makassar.add(wita("2025-06-20T16:00"), minutes(60))).isEqualTo(wita("2025-06-23T08:00"));
        assertThat(makassar.add(wita("2025-06-20T14:00"), workingDays(1))).isEqualTo(wita("2025-06-23T14:00"));
        assertThat(makassar.zone()).isEqualTo(WITA);
        assertThat(calendar.zone()).isEqualTo(WIB);
    }

    @Test
    void dayBoundaryFollowsTheZone() {
        // Senin 16 Juni 2025 23:30 WIB is already Selasa 01:30 WIT
        ZoneId wit = ZoneId.of("Asia/Jayapura");
        Instant start = wib("2025-06-16T23:30");
        assertThat(calendar.withZone(wit).add(start, minutes(10)))
                .isEqualTo(LocalDateTime.parse("2025-06-17T07:40").atZone(wit).toInstant());
    }

    @Test
    void holidaysKeptWhenZoneChanges() {
        assertThat(calendar.withZone(WITA).isWorkingDay(LocalDate.parse("2025-05-01"))).isFalse();
    }

    @Test
    void zoneNames() {
        assertThat(WorkingCalendar.zoneOf("wib")).isEqualTo(WIB);
        assertThat(WorkingCalendar.zoneOf(" WITA ")).isEqualTo(WITA);
        assertThat(WorkingCalendar.zoneOf("WIT")).isEqualTo(ZoneId.of("Asia/Jayapura"));
        assertThat(WorkingCalendar.zoneOf("Asia/Makassar")).isEqualTo(WITA);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WorkingCalendar.zoneOf("Asia/Bandung"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"Asia/Bandung\"");
    }


    @ParameterizedTest(name = "{0} .. {1} = {2} menit")
    @CsvSource({
        "2025-06-16T08:00, 2025-06-16T08:45, 45",
        // across the lunch break
        "2025-06-16T11:00, 2025-06-16T14:00, 120",
        "2025-06-20T11:00, 2025-06-20T14:00, 90",
        // across a weekend
        "2025-06-20T15:30, 2025-06-23T08:30, 120",
        "2025-06-21T09:00, 2025-06-22T15:00, 0",
        // a full week
        "2025-06-16T00:00, 2025-06-23T00:00, 2250",
        // across a holiday (Kamis 1 Mei 2025)
        "2025-04-30T15:00, 2025-05-02T08:30, 120",
        // outside office hours only
        "2025-06-16T16:00, 2025-06-17T07:30, 0",
        // reversed or equal
        "2025-06-17T08:00, 2025-06-16T08:00, 0",
        "2025-06-16T08:00, 2025-06-16T08:00, 0",
    })
    void countsOfficeMinutesOnly(String from, String to, long minutes) {
        assertThat(calendar.workingTimeBetween(wib(from), wib(to))).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void keepsSeconds() {
        assertThat(calendar.workingTimeBetween(wib("2025-06-16T08:00:00"), wib("2025-06-16T08:00:45")))
                .isEqualTo(Duration.ofSeconds(45));
    }

    @ParameterizedTest(name = "from {0}")
    @CsvSource({"2025-06-16T07:30", "2025-06-16T11:59", "2025-06-19T15:59", "2025-06-20T11:00",
        "2025-12-24T15:00", "2025-03-27T10:00"})
    void isTheInverseOfAddingMinutes(String start) {
        for (long n : new long[] {1, 30, 60, 89, 270, 450, 451, 2250, 5000}) {
            Instant due = calendar.add(wib(start), minutes(n));
            assertThat(calendar.workingTimeBetween(wib(start), due)).as("%s + %d", start, n)
                    .isEqualTo(Duration.ofMinutes(n));
        }
    }


    @Test
    void workingDayDependsOnWeekdayAndHolidays() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-06-16"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-06-20"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-06-21"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-06-22"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-05-01"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-04-07"))).isFalse();
    }

    @Test
    void holidayLookup() {
        assertThat(calendar.holiday(LocalDate.parse("2025-12-26")))
                .contains(holiday("2025-12-26", "Cuti bersama Natal", Holiday.Kind.CUTI_BERSAMA));
        assertThat(calendar.holiday(LocalDate.parse("2025-06-21"))).isEmpty();
    }

    @Test
    void withHolidaysAddsLocalDaysAndKeepsTheOriginal() {
        Holiday hariJadi = holiday("2025-06-17", "Hari Jadi Kabupaten", Holiday.Kind.LIBUR_LOKAL);
        WorkingCalendar local = calendar.withHolidays(List.of(hariJadi));

        assertThat(local.holiday(LocalDate.parse("2025-06-17"))).contains(hariJadi);
        assertThat(local.add(wib("2025-06-16T09:00"), workingDays(1))).isEqualTo(wib("2025-06-18T09:00"));
        assertThat(local.isWorkingDay(LocalDate.parse("2025-05-01"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-06-17"))).isTrue();
        assertThat(local.zone()).isEqualTo(WIB);
    }

    @Test
    void nationalHolidayWinsOverOtherKindsOnTheSameDate() {
        Holiday lokal = holiday("2025-05-01", "Acara lokal", Holiday.Kind.LIBUR_LOKAL);
        Holiday cuti = holiday("2025-06-18", "Cuti", Holiday.Kind.CUTI_BERSAMA);
        Holiday nasional = holiday("2025-06-18", "Nasional", Holiday.Kind.LIBUR_NASIONAL);

        WorkingCalendar merged = calendar.withHolidays(List.of(lokal, cuti, nasional));

        assertThat(merged.holiday(LocalDate.parse("2025-05-01")).orElseThrow().name()).isEqualTo("Hari Buruh");
        assertThat(merged.holiday(LocalDate.parse("2025-06-18"))).contains(nasional);
        assertThat(merged.holidays()).hasSize(HOLIDAYS.size() + 1);
    }
}
