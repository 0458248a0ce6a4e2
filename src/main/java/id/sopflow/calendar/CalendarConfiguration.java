package id.sopflow.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the kecamatan calendars from {@code config/kalender} and the table of added days. */
@Configuration
class CalendarConfiguration {

    @Bean
    WorkingCalendars workingCalendars(CalendarSettings settings, JdbcAddedHolidays added) {
        WorkingCalendar base = CalendarFiles.readCalendar(settings.dir());
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        settings.zona().forEach((kecamatan, zone) -> zones.put(kecamatan, WorkingCalendar.zoneOf(zone)));
        return new WorkingCalendars(base, zones, added);
    }
}
