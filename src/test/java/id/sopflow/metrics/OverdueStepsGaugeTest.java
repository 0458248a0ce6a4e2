package id.sopflow.metrics;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class OverdueStepsGaugeTest {

    private final List<OverdueSteps.Count> database = new ArrayList<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private volatile boolean down;
    private final OverdueStepsGauge gauge = new OverdueStepsGauge(() -> {
        queries.incrementAndGet();
        if (down) {
            throw new IllegalStateException("database away");
        }
        return List.copyOf(database);
    }, new MetricsSettings(Duration.ofSeconds(15)), nanos::get);

    @Test
    void aScrapeWithinTheCacheAsksTheDatabaseOnce() {
        database.add(new OverdueSteps.Count("dpa", "ajibarang", "camat", 2));
        assertThat(values()).containsExactly(Map.entry("dpa/ajibarang/camat", 2.0));
        database.clear();
        nanos.addAndGet(Duration.ofSeconds(14).toNanos());
        assertThat(values()).containsExactly(Map.entry("dpa/ajibarang/camat", 2.0));
        assertThat(queries).hasValue(1);
    }

    @Test
    void aGroupWithNoOverdueStepAnyMoreFallsToZeroAndNewOnesAppear() {
        database.add(new OverdueSteps.Count("dpa", "ajibarang", "camat", 2));
        values();
        database.clear();
        database.add(new OverdueSteps.Count("renja", "arut-selatan", "sekcam", 1));
        nanos.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(values()).containsExactly(Map.entry("dpa/ajibarang/camat", 0.0), Map.entry("renja/arut-selatan/sekcam", 1.0));
        assertThat(queries).hasValue(2);
    }

    @Test
    void aKecamatanMissingIsNamedAndTwoRowsOfOneGroupAdd() {
        database.add(new OverdueSteps.Count("dpa", null, "camat", 1));
        database.add(new OverdueSteps.Count("dpa", null, "camat", 2));
        assertThat(values()).containsExactly(Map.entry("dpa/" + MetricNames.NO_KECAMATAN + "/camat", 3.0));
    }

    @Test
    void theDatabaseAwayKeepsTheFiguresReadLast() {
        database.add(new OverdueSteps.Count("dpa", "ajibarang", "camat", 2));
        values();
        down = true;
        nanos.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(values()).containsExactly(Map.entry("dpa/ajibarang/camat", 2.0));
        assertThat(queries).hasValue(2);
    }

    private Map<String, Double> values() {
        GaugeSnapshot snapshot = (GaugeSnapshot) gauge.collect();
        assertThat(snapshot.getMetadata().getPrometheusName()).isEqualTo(MetricNames.STEPS_OVERDUE);
        return snapshot.getDataPoints().stream().collect(Collectors.toMap(
                p -> p.getLabels().get(MetricNames.SOP) + "/" + p.getLabels().get(MetricNames.KECAMATAN) + "/" + p.getLabels().get(MetricNames.ROLE),
                GaugeSnapshot.GaugeDataPointSnapshot::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
