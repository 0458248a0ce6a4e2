package id.sopflow.calendar;

import id.sopflow.engine.StartupStep;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** Start-up step 2: says which working calendar the deadlines are computed in (read and validated when built). */
@Component
class CalendarStartup implements StartupStep {

    private final WorkingCalendars calendars;
    private final CalendarSettings settings;

    CalendarStartup(WorkingCalendars calendars, CalendarSettings settings) {
        this.calendars = calendars;
        this.settings = settings;
    }

    @Override
    public int order() {
        return CALENDAR;
    }

    @Override
    public String name() {
        return "kalender";
    }

    @Override
    public String run(ProcessEngine engine) {
        List<Holiday> holidays = calendars.forKecamatan(null).holidays();
        String years = holidays.isEmpty() ? "tanpa hari libur"
                : holidays.size() + " hari libur " + holidays.stream().map(Holiday::date).map(LocalDate::getYear).min(Integer::compare).orElseThrow()
                + "-" + holidays.stream().map(Holiday::date).map(LocalDate::getYear).max(Integer::compare).orElseThrow();
        return "jam kerja dan " + years + " dari " + settings.dir() + ", " + calendars.added().all().size()
                + " hari ditambahkan, zona " + calendars.forKecamatan(null).zone().getId();
    }
}
