package id.sopflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OfficeHoursTest {

    @Test
    void perpres21of2023IsThirtySevenAndAHalfHoursInFiveDays() {
        OfficeHours hours = OfficeHours.perpres21of2023();

        assertThat(hours.weeklyTotal()).isEqualTo(Duration.ofMinutes(37 * 60 + 30));
        assertThat(hours.periods(DayOfWeek.MONDAY)).containsExactly(
                new OfficeHours.Period(LocalTime.of(7, 30), LocalTime.of(12, 0)),
                new OfficeHours.Period(LocalTime.of(13, 0), LocalTime.of(16, 0)));
        assertThat(hours.periods(DayOfWeek.THURSDAY)).isEqualTo(hours.periods(DayOfWeek.MONDAY));
        assertThat(hours.periods(DayOfWeek.FRIDAY)).containsExactly(
                new OfficeHours.Period(LocalTime.of(7, 30), LocalTime.of(11, 30)),
                new OfficeHours.Period(LocalTime.of(13, 0), LocalTime.of(16, 30)));
        assertThat(hours.periods(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(hours.periods(DayOfWeek.SUNDAY)).isEmpty();
    }

    @Test
    void sortsPeriodsAndRefusesOverlaps() {
        OfficeHours.Period morning = OfficeHours.Period.parse("07:30-12:00");
        OfficeHours.Period afternoon = OfficeHours.Period.parse("13.00 - 16.00");
        OfficeHours hours = new OfficeHours(Map.of(DayOfWeek.MONDAY, List.of(afternoon, morning)));
        assertThat(hours.periods(DayOfWeek.MONDAY)).containsExactly(morning, afternoon);
        assertThat(hours.periods(DayOfWeek.TUESDAY)).isEmpty();

        assertThatThrownBy(() -> new OfficeHours(Map.of(DayOfWeek.MONDAY,
                List.of(morning, OfficeHours.Period.parse("11:00-14:00")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> new OfficeHours(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no working period");
    }

    @Test
    void periodTextMustBeReadable() {
        assertThatThrownBy(() -> OfficeHours.Period.parse("16:00-07:30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"16:00-07:30\"").hasMessageContaining("harus sebelum");
        assertThatThrownBy(() -> OfficeHours.Period.parse("07:30"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"07:30\"");
        assertThatThrownBy(() -> OfficeHours.Period.parse("07:30-25:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"25:00\"");
        assertThatThrownBy(() -> new OfficeHours.Period(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
