package id.sopflow.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the kecamatan calendars from {@code config/kalender}, the kecamatan time zones and the table of added days. */
@Configuration
class CalendarConfiguration {

    @Bean
    WorkingCalendars workingCalendars(CalendarSettings settings, JdbcAddedHolidays added, KecamatanZones kecamatanZones) {
        WorkingCalendar base = CalendarFiles.readCalendar(settings.dir());
        return new WorkingCalendars(base, kecamatanZones.zones(), added, WorkingCalendars.CLUSTER_DELAY);
    }
}
