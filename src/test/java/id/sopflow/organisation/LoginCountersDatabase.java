package id.sopflow.organisation;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** A new in-memory H2 database with SOPflow's tables (the Flyway migrations), for the stores of this package. */
final class LoginCountersDatabase {

    private LoginCountersDatabase() {
    }

    static DataSource create() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:login-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").placeholders(id.sopflow.TestDatabase.flywayPlaceholders(false)).load()
                .migrate();
        return dataSource;
    }
}
