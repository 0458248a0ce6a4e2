package id.sopflow.calendar;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** For tests and benchmarks of other packages: the application's table of added days on a data source. */
public final class CalendarTestSupport {

    private CalendarTestSupport() {
    }

    public static AddedHolidays jdbcAddedHolidays(DataSource dataSource) {
        return new JdbcAddedHolidays(new JdbcTemplate(dataSource));
    }
}
