package id.sopflow.monitoring;

import id.sopflow.calendar.CalendarTestSupport;
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

    /** The calendar of config/kalender alone (WIB). */
    public static id.sopflow.calendar.WorkingCalendar calendarFiles() {
        return CalendarFiles.readCalendar(Path.of("config/kalender"));
    }

    /** The calendar files with the table of added days of {@code dataSource}, as in the application. */
    public static WorkingCalendars calendars(DataSource dataSource) {
        return new WorkingCalendars(CalendarFiles.readCalendar(Path.of("config/kalender")), Map.of(),
                CalendarTestSupport.jdbcAddedHolidays(dataSource));
    }

    public static Map<Object, Object> create(DataSource dataSource, List<String> monthlyKecamatan) {
        return create(dataSource, monthlyKecamatan, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    /** As {@link #create(DataSource, List)}, with the metrics going to {@code registry}. */
    public static Map<Object, Object> create(DataSource dataSource, List<String> monthlyKecamatan,
                                             io.micrometer.core.instrument.MeterRegistry registry) {
        id.sopflow.metrics.Metrics metrics = id.sopflow.metrics.TestMetrics.create(registry);
        AlertLog alerts = new AlertLog(new JdbcTemplate(dataSource));
        MutuBakuTimers timers = new MutuBakuTimers(calendars(dataSource), new id.sopflow.engine.EngineClock());
        // the dossier's listener and Bappeda's messages too: the processes call them on every step that requires documents
        // and on every step that sends to Bappeda
        return id.sopflow.bappeda.BappedaBeans.with(id.sopflow.dossier.DossierBeans.with(Map.of(
                "mutuBaku", timers,
                "mutuBakuTugas", new TaskDeadlineListener(timers, alerts, metrics),
                "mutuBakuProses", new ProcessDeadlineListener(timers, alerts, metrics),
                "mutuBakuPeringatan", new AlertRecorder(timers, alerts, metrics),
                "jadwalBulanan", new MonthlyStarter(new MonitoringSettings(monthlyKecamatan), timers)), dataSource));
    }
}
