package id.sopflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

import java.util.Set;

/**
 * The process engine is built after Flyway has migrated SOPflow's tables (src/main/resources/db/migration).
 * Spring Boot orders only the beans it knows (JdbcTemplate, JPA, ...) after database initialization; without this
 * the engine would create its ACT_* tables first, start deploying and running jobs, and Flyway would then find a
 * non-empty database. Registered in {@code META-INF/spring.factories}, not a bean.
 */
class ProcessEngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class);
    }
}
