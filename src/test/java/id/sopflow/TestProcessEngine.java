package id.sopflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh in-memory engine for process tests, without Spring; beans are what expressions can call. */
public final class TestProcessEngine {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestProcessEngine() {
    }

    public static ProcessEngine create(Map<Object, Object> beans) {
        String name = "test-" + COUNTER.incrementAndGet();
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setBeans(beans);
        return configuration.buildProcessEngine();
    }
}
