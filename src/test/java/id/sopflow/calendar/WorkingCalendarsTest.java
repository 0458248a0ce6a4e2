package id.sopflow.calendar;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The added days are read once per freshness period, not at every hand-over; a change through {@link WorkingCalendars#added()}
 * applies at once, one made behind the node's back after {@link WorkingCalendars#reread()} (or the period).
 */
class WorkingCalendarsTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    /** A store that counts how often it is read. */
    private static final class CountingStore implements AddedHolidays {
        final List<AddedHoliday> days = new ArrayList<>();
        int reads;

        @Override
        public List<AddedHoliday> all() {
            reads++;
            return List.copyOf(days);
        }

        @Override
        public boolean add(AddedHoliday day) {
            return days.add(day);
        }

        @Override
        public boolean remove(LocalDate date, Optional<String> kecamatan) {
            return days.removeIf(d -> d.holiday().date().equals(date) && d.kecamatan().equals(kecamatan));
        }
    }

    private final CountingStore store = new CountingStore();
    private final WorkingCalendar base = new WorkingCalendar(OfficeHours.perpres21of2023(), WIB, List.of());

    private static AddedHoliday closed(LocalDate date, String kecamatan) {
        return new AddedHoliday(new Holiday(date, "Banjir", Holiday.Kind.CUTI_BERSAMA, "uji"), Optional.ofNullable(kecamatan),
                "admin", Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void theAddedDaysAreReadOncePerPeriodAndEachCalendarBuiltOnce() {
        WorkingCalendars calendars = new WorkingCalendars(base, Map.of("ajibarang", WIB), store, Duration.ofHours(1));
        WorkingCalendar first = calendars.forKecamatan("ajibarang");
        for (int i = 0; i < 100; i++) {
            assertThat(calendars.forKecamatan("ajibarang")).isSameAs(first);
            calendars.forKecamatan("arut-selatan");
            calendars.snapshot().apply(null);
        }
        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void aDayAddedOrRemovedThroughTheCalendarsAppliesAtOnce() {
        WorkingCalendars calendars = new WorkingCalendars(base, Map.of("ajibarang", WIB), store, Duration.ofHours(1));
        assertThat(calendars.forKecamatan("ajibarang").isWorkingDay(MONDAY)).isTrue();

        assertThat(calendars.added().add(closed(MONDAY, "ajibarang"))).isTrue();
        assertThat(calendars.forKecamatan("ajibarang").isWorkingDay(MONDAY)).isFalse();
        assertThat(calendars.forKecamatan("arut-selatan").isWorkingDay(MONDAY)).as("another kecamatan").isTrue();

        assertThat(calendars.added().remove(MONDAY, Optional.of("ajibarang"))).isTrue();
        assertThat(calendars.forKecamatan("ajibarang").isWorkingDay(MONDAY)).isTrue();
        assertThat(store.reads).isEqualTo(3);
    }

    @Test
    void aDayAddedBehindTheNodesBackAppliesAfterARereadOrAtOnceWithoutCaching() {
        WorkingCalendars cached = new WorkingCalendars(base, Map.of(), store, Duration.ofHours(1));
        WorkingCalendars uncached = new WorkingCalendars(base, Map.of(), store);
        assertThat(cached.forKecamatan(null).isWorkingDay(MONDAY)).isTrue();
        assertThat(uncached.forKecamatan(null).isWorkingDay(MONDAY)).isTrue();

        store.days.add(closed(MONDAY, null)); // another node added it
        assertThat(uncached.forKecamatan(null).isWorkingDay(MONDAY)).isFalse();
        assertThat(cached.forKecamatan(null).isWorkingDay(MONDAY)).as("within the freshness period").isTrue();
        cached.reread();
        assertThat(cached.forKecamatan(null).isWorkingDay(MONDAY)).isFalse();
    }
}
