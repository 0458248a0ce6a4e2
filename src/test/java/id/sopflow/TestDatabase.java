package id.sopflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database of the Spring test contexts: with {@code -Dsopflow.test.database=postgres} (the Failsafe execution
 * {@code postgres} of pom.xml), every context that would get the test profile's private in-memory H2 database
 * ({@code application-test.yaml}) gets a new database of its own on the JVM's {@link TestPostgres} server instead,
 * with the settings of {@code application-postgres.yaml}. Contexts that name another database keep it.
 */
public final class TestDatabase implements EnvironmentPostProcessor, Ordered {

    static final String SELECTOR = "sopflow.test.database";
    private static final String TEST_PROFILE_URL = "jdbc:h2:mem:sopflow-";

    /** The placeholders of the Flyway migrations, as application.yaml (H2) and application-postgres.yaml set them. */
    public static Map<String, String> flywayPlaceholders(boolean postgres) {
        return postgres ? Map.of("blobType", "BYTEA", "openAlertsOnly", "WHERE selesai_pada IS NULL")
                : Map.of("blobType", "BLOB", "openAlertsOnly", "");
    }

    /** True when this JVM runs the tests on PostgreSQL. */
    public static boolean postgres() {
        return "postgres".equals(System.getProperty(SELECTOR));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!postgres() || !url.startsWith(TEST_PROFILE_URL)) {
            return;
        }
        TestPostgres server = TestPostgres.shared();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", server.url(server.newDatabase()));
        properties.put("spring.datasource.username", server.user());
        properties.put("spring.datasource.password", server.password());
        properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        flywayPlaceholders(true).forEach((name, value) -> properties.put("spring.flyway.placeholders." + name, value));
        properties.put("camunda.bpm.database.type", "postgres");
        environment.getPropertySources().addFirst(new MapPropertySource("embedded-postgres", properties));
    }

    /** After the configuration files are read (they decide the URL this replaces). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
