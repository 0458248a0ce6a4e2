package id.sopflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory engines for process tests, without Spring; beans are what the processes' expressions call. */
public final class TestProcessEngine {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestProcessEngine() {
    }

    /** A fresh in-memory H2 database with SOPflow's own tables (the Flyway migrations of db/migration). */
    public static DataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:test-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").placeholders(TestDatabase.flywayPlaceholders(false))
                .load().migrate();
        return dataSource;
    }

    /** An engine on {@code dataSource}; several engines may share one database, one after another (restart). */
    public static ProcessEngine create(DataSource dataSource, Map<Object, Object> beans) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("test-engine-" + COUNTER.incrementAndGet());
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setBeans(beans);
        return configuration.buildProcessEngine();
    }
}
