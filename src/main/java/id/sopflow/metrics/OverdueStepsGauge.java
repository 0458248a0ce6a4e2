package id.sopflow.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * {@value MetricNames#STEPS_OVERDUE}: the steps overdue now, by SOP, kecamatan and role, read from the database at
 * scrape time ({@link OverdueSteps}: one grouped query), kept for {@link MetricsSettings#cacheTerlambat} so that
 * frequent scrapes (two Prometheus, a person on the endpoint) do not each query. Being read from the alerts, it is right
 * after a restart and the same on every node (in PromQL take {@code max} over the nodes, not {@code sum}).
 *
 * <p>A collector of the Prometheus registry rather than a Micrometer gauge: its label sets are whatever the query
 * finds at that scrape, and a group seen before that has no overdue step any more is exposed as 0 (not dropped), so a
 * graph falls to zero. Without a Prometheus registry (tests that do not export metrics) nothing is registered.
 */
@Component
class OverdueStepsGauge implements Collector {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueStepsGauge.class);
    private static final String HELP = "Steps past their mutu baku limit whose task is still open (from the database; the same on every node)";

    private final OverdueSteps overdue;
    private final long cacheNanos;
    private final LongSupplier nanoTime;
    /** The groups seen since this node started, each with its count at the last read (0 once none is overdue). */
    private final Map<Key, Long> last = new ConcurrentHashMap<>();
    private volatile long readAt;
    private volatile boolean read;

    record Key(String sop, String kecamatan, String role) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    OverdueStepsGauge(OverdueSteps overdue, MetricsSettings settings, ObjectProvider<PrometheusRegistry> prometheus) {
        this(overdue, settings, System::nanoTime);
        prometheus.ifAvailable(registry -> registry.register(this));
    }

    OverdueStepsGauge(OverdueSteps overdue, MetricsSettings settings, LongSupplier nanoTime) {
        this.overdue = overdue;
        this.cacheNanos = settings.cacheTerlambat().toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public String getPrometheusName() {
        return MetricNames.STEPS_OVERDUE;
    }

    @Override
    public MetricSnapshot collect() {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(MetricNames.STEPS_OVERDUE).help(HELP);
        current().forEach((key, steps) -> gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.of(MetricNames.SOP, key.sop(), MetricNames.KECAMATAN, key.kecamatan(), MetricNames.ROLE, key.role()))
                .value(steps)
                .build()));
        return gauge.build();
    }

    /** The counts by group, sorted (a stable exposition); read again when the last read is older than the cache. */
    Map<Key, Long> current() {
        long now = nanoTime.getAsLong();
        if (!read || now - readAt >= cacheNanos) {
            synchronized (this) {
                if (!read || now - readAt >= cacheNanos) {
                    refresh();
                    readAt = now;
                    read = true;
                }
            }
        }
        Map<Key, Long> sorted = new TreeMap<>(java.util.Comparator.comparing(Key::sop).thenComparing(Key::kecamatan).thenComparing(Key::role));
        sorted.putAll(last);
        return sorted;
    }

    private void refresh() {
        List<OverdueSteps.Count> counts;
        try {
            counts = overdue.overdueNow();
        } catch (RuntimeException e) {
            // the database is away: the scrape still answers, with the figures read last
            LOG.warn("Langkah terlambat tidak terbaca untuk metrik: {}", e.toString());
            return;
        }
        Map<Key, Long> now = new java.util.HashMap<>();
        for (OverdueSteps.Count c : counts) {
            now.merge(new Key(c.sop(), c.kecamatan() == null ? MetricNames.NO_KECAMATAN : c.kecamatan(), c.role()), c.steps(), Long::sum);
        }
        Set<Key> gone = new java.util.HashSet<>(last.keySet());
        gone.removeAll(now.keySet());
        gone.forEach(key -> last.put(key, 0L));
        last.putAll(now);
    }
}
