package id.sopflow.metrics;

import java.util.List;

/**
 * The names and labels of SOPflow's metrics, spelled once: the code registers them from here, the Grafana dashboard
 * ({@code docker/grafana/dashboards/sopflow.json}) queries them and a test checks that it names no other.
 *
 * <p>Micrometer names (dotted) become Prometheus names as listed in {@link #EXPOSED}: a counter gets {@code _total},
 * a timer is in seconds ({@code _seconds_bucket}, {@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max}).
 * Label values are bounded: an SOP's kode, a kecamatan id, a role id, a step number; never an instance, task or user.
 */
public final class MetricNames {

    /** Gauge, from the database: steps overdue (TERLAMBAT) whose task is still open. Labels sop, kecamatan, role. */
    public static final String STEPS_OVERDUE = "sopflow_steps_overdue";
    /** Timer: how long a completed step took, in working time (office hours of its kecamatan). Labels sop, kecamatan, step. */
    public static final String STEP_DURATION = "sopflow.step.duration";
    /** Distribution: a completed step's working time divided by its mutu baku limit (1 = exactly on the limit). */
    public static final String STEP_LIMIT_RATIO = "sopflow.step.limit.ratio";
    /** Counter: instances started. Labels sop, kecamatan. */
    public static final String INSTANCES_STARTED = "sopflow.instances.started";
    /** Counter: instances that reached their end (not cancelled). Labels sop, kecamatan. */
    public static final String INSTANCES_FINISHED = "sopflow.instances.finished";
    /**
     * Counter: instances that reached their end after their planned finish ({@code terlambatMenit} > 0); an SOP without
     * any waktu plans nothing and is never counted here.
     */
    public static final String INSTANCES_FINISHED_LATE = "sopflow.instances.finished.late";
    /** Counter: steps escalated to the Camat (twice the mutu baku). Labels sop, kecamatan. */
    public static final String ESCALATIONS = "sopflow.escalations";
    /** Counter: submissions sent to Bappeda (every version). Labels sop, kecamatan. */
    public static final String SUBMISSIONS_SENT = "sopflow.submissions.sent";
    /** Counter: submissions Bappeda received (Terima, with a tanda terima). Labels sop, kecamatan. */
    public static final String SUBMISSIONS_RECEIVED = "sopflow.submissions.received";

    /** Label: the SOP's kode (its process key), e.g. {@code dpa}. */
    public static final String SOP = "sop";
    /** Label: the kecamatan id (tenant), or {@code bappeda}. */
    public static final String KECAMATAN = "kecamatan";
    /** Label: the role id that acts at a step, e.g. {@code sekcam}. */
    public static final String ROLE = "role";
    /** Label: the step's number in the SOP table. */
    public static final String STEP = "step";
    /** Label value for an instance without a kecamatan (neither tenant nor variable). */
    public static final String NO_KECAMATAN = "tanpa-kecamatan";

    /** The families SOPflow exposes, by their Prometheus names (what PromQL and the dashboard use). */
    public static final List<String> EXPOSED = List.of(
            STEPS_OVERDUE,
            "sopflow_step_duration_seconds",
            "sopflow_step_limit_ratio",
            "sopflow_instances_started_total",
            "sopflow_instances_finished_total",
            "sopflow_instances_finished_late_total",
            "sopflow_escalations_total",
            "sopflow_submissions_sent_total",
            "sopflow_submissions_received_total");

    private MetricNames() {
    }

    /**
     * The family a series name belongs to: {@code sopflow_step_duration_seconds_bucket} is of
     * {@code sopflow_step_duration_seconds}; empty when it is none of {@link #EXPOSED}.
     */
    public static java.util.Optional<String> family(String seriesName) {
        if (EXPOSED.contains(seriesName)) {
            return java.util.Optional.of(seriesName);
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_max")) {
            if (seriesName.endsWith(suffix)) {
                String base = seriesName.substring(0, seriesName.length() - suffix.length());
                if (EXPOSED.contains(base)) {
                    return java.util.Optional.of(base);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
