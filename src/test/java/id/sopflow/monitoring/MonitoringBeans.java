package id.sopflow.monitoring;

import id.sopflow.calendar.AddedHolidays;
import id.sopflow.calendar.CalendarFiles;
import id.sopflow.calendar.WorkingCalendars;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The monitoring beans the generated processes call, wired by hand for engine tests without Spring. */
public final class MonitoringBeans {

    private MonitoringBeans() {
    }

    public static WorkingCalendars calendars() {
        return new WorkingCalendars(CalendarFiles.readCalendar(Path.of("config/kalender")), Map.of(), AddedHolidays.NONE);
    }

    public static Map<Object, Object> create(DataSource dataSource, List<String> monthlyKecamatan) {
        AlertLog alerts = new AlertLog(new JdbcTemplate(dataSource));
        MutuBakuTimers timers = new MutuBakuTimers(calendars());
        return Map.of(
                "mutuBaku", timers,
                "mutuBakuTugas", new TaskDeadlineListener(timers, alerts),
                "mutuBakuProses", new ProcessDeadlineListener(timers, alerts),
                "mutuBakuPeringatan", new AlertRecorder(timers, alerts),
                "jadwalBulanan", new MonthlyStarter(new MonitoringSettings(monthlyKecamatan), timers));
    }
}
