package id.sopflow.monitoring;

import id.sopflow.sop.ProcessContract.AlertKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A recorded reminder, overdue step, escalation or missed report deadline.
 *
 * @param kind       PENGINGAT, TERLAMBAT, ESKALASI or TENGGAT_LAPORAN
 * @param holder     who holds the step: a user id, or "grup:&lt;role&gt;" while unclaimed
 * @param notified   who was told: "grup:sekcam", "grup:camat", "pengguna:&lt;id&gt;", ...
 * @param finishedAt when the step (or, for a report deadline, the instance) was finished; empty while open
 */
public record Alert(
        String id,
        AlertKind kind,
        String processInstanceId,
        String processKey,
        String businessKey,
        String kecamatan,
        Integer step,
        String activityId,
        String stepName,
        String taskId,
        String holder,
        String waktu,
        Instant start,
        Instant deadline,
        Instant recordedAt,
        List<String> notified,
        Optional<Instant> finishedAt) {

    public Alert {
        notified = List.copyOf(notified);
    }

    /** Task or instance, and kind: an alert is recorded once. */
    String key() {
        return (taskId != null ? taskId : processInstanceId) + ":" + kind;
    }
}
