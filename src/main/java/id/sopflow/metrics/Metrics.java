package id.sopflow.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics' entry: the capabilities say what happened, in the engine's transaction; the counter or histogram moves
 * once that transaction commits (a rolled-back completion, e.g. refused for a missing document, counts nothing).
 * Outside a transaction it moves at once.
 *
 * <p>Counters and histograms are per node (Prometheus sums the nodes); the overdue gauge is read from the database
 * ({@link OverdueStepsGauge}). A meter is looked up once per label set and kept, so a step costs a map lookup and a
 * transaction callback, no query.
 */
@Component
public class Metrics {

    /** Buckets of a step's working time: from minutes to 30 working days of 7 h 30 min. */
    static final Duration[] DURATION_BUCKETS = {
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(4), workingDays(1), workingDays(2), workingDays(3), workingDays(5), workingDays(10),
            workingDays(20), workingDays(30)};
    /**
     * Buckets of a step's working time against its mutu baku limit: 1 is exactly the limit, 2 the escalation. Whole
     * numbers only: Micrometer puts a summary's value into its bucket rounded up to a whole number ({@code Math.ceil} in
     * its fixed-boundary histogram), which is exact for whole bounds (x &le; k exactly when ceil(x) &le; k) and wrong for
     * others (0.6 would not count as &le; 0.75).
     */
    static final double[] RATIO_BUCKETS = {1, 2, 3, 4, 5, 10};

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> ratios = new ConcurrentHashMap<>();

    Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An instance of an SOP started (its start listener). */
    public void instanceStarted(String sop, String kecamatan) {
        count(MetricNames.INSTANCES_STARTED, "Instances started", sop, kecamatan);
    }

    /** An instance reached its end (not cancelled); {@code late} when after its planned finish. */
    public void instanceFinished(String sop, String kecamatan, boolean late) {
        count(MetricNames.INSTANCES_FINISHED, "Instances finished (reached their end, not cancelled)", sop, kecamatan);
        if (late) {
            count(MetricNames.INSTANCES_FINISHED_LATE, "Instances finished after their planned finish", sop, kecamatan);
        }
    }

    /** A step was escalated to the Camat (twice its mutu baku passed). */
    public void escalated(String sop, String kecamatan) {
        count(MetricNames.ESCALATIONS, "Steps escalated (twice their mutu baku passed)", sop, kecamatan);
    }

    /** A submission (or its next version) was sent to Bappeda. */
    public void submissionSent(String sop, String kecamatan) {
        count(MetricNames.SUBMISSIONS_SENT, "Submissions sent to Bappeda (every version)", sop, kecamatan);
    }

    /** Bappeda received a submission (Terima). */
    public void submissionReceived(String sop, String kecamatan) {
        count(MetricNames.SUBMISSIONS_RECEIVED, "Submissions received by Bappeda (with a tanda terima)", sop, kecamatan);
    }

    /**
     * A step was completed after {@code took} working time; {@code limit} is its mutu baku limit in working time (empty
     * for a step without waktu: no ratio).
     */
    public void stepCompleted(String sop, String kecamatan, int step, Duration took, Optional<Duration> limit) {
        String kec = kecamatan(kecamatan);
        String key = sop + '|' + kec + '|' + step;
        Timer timer = durations.computeIfAbsent(key, k -> Timer.builder(MetricNames.STEP_DURATION)
                .description("Working time a step took, from its hand-over to its completion (office hours of its kecamatan)")
                .tags(MetricNames.SOP, sop, MetricNames.KECAMATAN, kec, MetricNames.STEP, Integer.toString(step))
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry));
        Optional<DistributionSummary> ratio = limit.filter(l -> !l.isZero()).map(l -> ratios.computeIfAbsent(key,
                k -> DistributionSummary.builder(MetricNames.STEP_LIMIT_RATIO)
                        .description("Working time a step took divided by its mutu baku limit (1: on the limit)")
                        .tags(MetricNames.SOP, sop, MetricNames.KECAMATAN, kec, MetricNames.STEP, Integer.toString(step))
                        .serviceLevelObjectives(RATIO_BUCKETS)
                        .register(registry)));
        afterCommit(() -> {
            timer.record(took);
            limit.filter(l -> !l.isZero()).ifPresent(l -> ratio.orElseThrow().record((double) took.toMillis() / l.toMillis()));
        });
    }

    private void count(String name, String description, String sop, String kecamatan) {
        String kec = kecamatan(kecamatan);
        Counter counter = counters.computeIfAbsent(name + '|' + sop + '|' + kec, key -> Counter.builder(name)
                .description(description)
                .tags(MetricNames.SOP, sop, MetricNames.KECAMATAN, kec)
                .register(registry));
        afterCommit(counter::increment);
    }

    /** Runs {@code change} when the current transaction commits; at once when there is none. */
    static void afterCommit(Runnable change) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    change.run();
                }
            });
        } else {
            change.run();
        }
    }

    private static String kecamatan(String kecamatan) {
        return kecamatan == null || kecamatan.isBlank() ? MetricNames.NO_KECAMATAN : kecamatan;
    }

    private static Duration workingDays(int days) {
        return Duration.ofMinutes(450L * days);
    }
}
