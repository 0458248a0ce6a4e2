package id.sopflow.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard asks only for what the application exposes: every metric a query names is one that
 * {@link Metrics} and {@link OverdueStepsGauge} register (scraped here from a Prometheus registry they were given), and
 * every query goes to the provisioned data source. So a renamed metric breaks this test, not a panel in production.
 */
class DashboardTest {

    private static final Path DASHBOARD = Path.of("docker/grafana/dashboards/sopflow.json");
    private static final Pattern METRIC = Pattern.compile("\\bsopflow_[a-z_]+");

    @Test
    void everyQueryNamesAMetricTheApplicationRegisters() throws IOException {
        Set<String> exposed = familiesOf(registeredExposition());
        assertThat(exposed).containsExactlyInAnyOrderElementsOf(MetricNames.EXPOSED);

        List<String> queries = queries(new ObjectMapper().readTree(DASHBOARD.toFile()));
        assertThat(queries).isNotEmpty();
        Set<String> named = new TreeSet<>();
        for (String query : queries) {
            Matcher m = METRIC.matcher(query);
            assertThat(m.find()).as("query names a SOPflow metric: %s", query).isTrue();
            do {
                Optional<String> family = MetricNames.family(m.group());
                assertThat(family).as("%s in %s", m.group(), query).isPresent();
                assertThat(exposed).as(query).contains(family.get());
                named.add(family.get());
            } while (m.find());
        }
        // the three views: overdue steps, steps against their mutu baku, throughput
        assertThat(named).contains(MetricNames.STEPS_OVERDUE, "sopflow_step_limit_ratio", "sopflow_instances_started_total",
                "sopflow_instances_finished_total", "sopflow_escalations_total", "sopflow_submissions_sent_total");
    }

    @Test
    void everyPanelUsesTheProvisionedPrometheus() throws IOException {
        Map<String, Object> provisioning;
        try (Reader reader = Files.newBufferedReader(Path.of("docker/grafana/provisioning/datasources/prometheus.yaml"))) {
            provisioning = new Yaml().load(reader);
        }
        @SuppressWarnings("unchecked")
        String uid = (String) ((List<Map<String, Object>>) provisioning.get("datasources")).get(0).get("uid");
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertThat(dashboard.get("uid").asText()).isEqualTo("sopflow");
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("datasource").get("uid").asText()).as(panel.get("title").asText()).isEqualTo(uid);
            for (JsonNode target : panel.get("targets")) {
                assertThat(target.get("datasource").get("uid").asText()).isEqualTo(uid);
            }
        }
        // Grafana reads the dashboards where the compose file mounts this folder
        String provider = Files.readString(Path.of("docker/grafana/provisioning/dashboards/sopflow.yaml"));
        String compose = Files.readString(Path.of("docker/docker-compose.yml"));
        assertThat(provider).contains("path: /etc/grafana/dashboards");
        assertThat(compose).contains("./grafana/dashboards:/etc/grafana/dashboards:ro");
    }

    /**
     * Every query is PromQL Prometheus accepts: written as recording rules (Grafana's variables replaced by values) and
     * checked by {@code promtool check rules}, where promtool is installed.
     */
    @Test
    void everyQueryIsValidPromql() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool (Debian package prometheus) is not installed");
        StringBuilder rules = new StringBuilder("groups:\n  - name: dasbor\n    rules:\n");
        int i = 0;
        for (String query : queries(new ObjectMapper().readTree(DASHBOARD.toFile()))) {
            if (query.startsWith("label_values(")) {
                continue; // Grafana's own function (the variable's values), not PromQL
            }
            String promql = query.replace("$kecamatan", ".*").replace("$__range", "7d").replace("$__interval", "1h");
            rules.append("      - record: sopflow:dasbor_").append(i++).append("\n        expr: '").append(promql.replace("'", "''")).append("'\n");
        }
        Path file = Files.createTempFile("sopflow-dasbor", ".rules.yml");
        try {
            Files.writeString(file, rules);
            Process check = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as(output).isZero();
            assertThat(output).contains("SUCCESS: " + i + " rules found");
        } finally {
            Files.delete(file);
        }
    }

    /** What the application's meters and the overdue gauge expose once each has a value. */
    private static String registeredExposition() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics metrics = new Metrics(registry);
        metrics.instanceStarted("dpa", "ajibarang");
        metrics.instanceFinished("dpa", "ajibarang", true);
        metrics.escalated("dpa", "ajibarang");
        metrics.submissionSent("renja", "arut-selatan");
        metrics.submissionReceived("renja", "arut-selatan");
        metrics.stepCompleted("dpa", "ajibarang", 1, Duration.ofMinutes(3), Optional.of(Duration.ofMinutes(5)));
        registry.getPrometheusRegistry().register(new OverdueStepsGauge(
                () -> List.of(new OverdueSteps.Count("dpa", "ajibarang", "camat", 1)), new MetricsSettings(Duration.ZERO), System::nanoTime));
        return registry.scrape();
    }

    private static Set<String> familiesOf(String exposition) {
        Set<String> families = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("sopflow_")) {
                MetricNames.family(line.split("[{ ]")[0]).ifPresent(families::add);
            }
        }
        return families;
    }

    private static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            panel.get("targets").forEach(t -> queries.add(t.get("expr").asText()));
        }
        dashboard.path("templating").path("list").forEach(v -> queries.add(v.path("definition").asText()));
        return queries;
    }
}
