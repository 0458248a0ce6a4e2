package id.sopflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own start-up takes SOPflow's tables from Flyway (application.yaml, spring.flyway.*): before
 * the process engine makes its tables on an empty database, and over an installation made before Flyway.
 * Runs in a JVM of its own (pom.xml, failsafe execution 'isolated'): the applications it starts and stops would
 * leave Camunda's JVM-wide web app registry pointing at a closed engine for the other tests' shared context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DatabaseMigrationIT {

    private static final String HISTORY = "select concat(\"version\", ' ', \"type\", ' ', \"success\") "
            + "from \"flyway_schema_history\" where \"version\" is not null order by \"installed_rank\"";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void flywayMigratesTheEmptyDatabaseBeforeTheEngineMakesItsTables() {
        // no baseline row: the database was still empty when Flyway ran, so the engine had not yet touched it
        assertThat(jdbc.queryForList(HISTORY, String.class)).containsExactly("1 SQL TRUE", "2 SQL TRUE", "3 SQL TRUE", "4 SQL TRUE", "5 SQL TRUE", "6 SQL TRUE", "7 SQL TRUE");
        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_PROCDEF", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from SOPFLOW_PERINGATAN", Long.class)).isZero();
    }

    @Test
    void anInstallationMadeBeforeFlywayIsTakenOverAndRestarts() {
        String url = "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        JdbcTemplate landed = new JdbcTemplate(dataSource);
        // as the last release left it: schema.sql's tables with a row, and Camunda's tables
        landed.execute("RUNSCRIPT FROM 'classpath:/db/landed-schema.sql'");
        landed.update("insert into SOPFLOW_HARI_LIBUR values (DATE '2026-06-20', 'ajibarang', 'Hari jadi kabupaten', "
                + "'LIBUR_LOKAL', 'Perda', 'admin', TIMESTAMP '2026-01-05 09:00:00')");
        ProcessEngine engine = TestProcessEngine.create(dataSource, Map.of());
        engine.close();

        try (ConfigurableApplicationContext first = start(url)) {
            assertThat(first.isRunning()).isTrue();
        }
        assertThat(landed.queryForList(HISTORY, String.class)).containsExactly("0 BASELINE TRUE", "1 SQL TRUE", "2 SQL TRUE", "3 SQL TRUE", "4 SQL TRUE", "5 SQL TRUE", "6 SQL TRUE", "7 SQL TRUE");
        assertThat(landed.queryForObject("select nama from SOPFLOW_HARI_LIBUR", String.class)).isEqualTo("Hari jadi kabupaten");

        try (ConfigurableApplicationContext restarted = start(url)) {
            assertThat(restarted.isRunning()).isTrue();
        }
        assertThat(landed.queryForList(HISTORY, String.class)).containsExactly("0 BASELINE TRUE", "1 SQL TRUE", "2 SQL TRUE", "3 SQL TRUE", "4 SQL TRUE", "5 SQL TRUE", "6 SQL TRUE", "7 SQL TRUE");
    }

    private static ConfigurableApplicationContext start(String url) {
        // its own engine name: the static engine registry is shared with the other tests' "default" engine
        return new SpringApplicationBuilder(SopflowApplication.class).profiles("test").run("--server.port=0",
                "--spring.datasource.url=" + url, "--camunda.bpm.process-engine-name=migrasi");
    }
}
