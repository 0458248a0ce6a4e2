package id.sopflow.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A database server the benchmark measures on (H2 files, or the embedded PostgreSQL of the tests), handing out fresh
 * databases: one per engine in this JVM and one per application JVM, so no run sees another's rows.
 */
public interface BenchmarkDatabase extends AutoCloseable {

    /** As printed in the report: "H2 file", "PostgreSQL". */
    String name();

    /** A fresh, empty database called after {@code purpose}. */
    Location newDatabase(String purpose);

    @Override
    default void close() {
    }

    /**
     * Where a database is, for a pool in this JVM or for an application JVM.
     *
     * @param postgres whether the application runs it with its Spring profile {@code postgres}
     */
    record Location(String url, String user, String password, boolean postgres) {

        /** Pooled like the application's (Hikari); with SOPflow's own tables (Flyway) when {@code sopflowTables}. */
        public HikariDataSource dataSource(boolean sopflowTables) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(url);
            dataSource.setUsername(user);
            dataSource.setPassword(password);
            if (sopflowTables) {
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                        .placeholders(id.sopflow.TestDatabase.flywayPlaceholders(postgres)).load().migrate();
            }
            return dataSource;
        }

        /** The arguments that point SOPflow's application at this database. */
        public List<String> sopflowArguments() {
            List<String> arguments = new ArrayList<>(springArguments());
            if (postgres) {
                arguments.add("--spring.profiles.active=postgres");
            }
            return arguments;
        }

        /** The standard Spring Boot datasource arguments (the plain Camunda application). */
        public List<String> springArguments() {
            return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password);
        }
    }

    /** Closes the pool if it is one. */
    static void close(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }
}
