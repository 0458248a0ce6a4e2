package id.sopflow.monitoring;

import id.sopflow.sop.ProcessContract.AlertKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Alerts and the notifications they send, in {@code SOPFLOW_PERINGATAN} and
 * {@code SOPFLOW_PEMBERITAHUAN}. Writes join the engine's transaction (same data source), so an
 * alert is stored exactly when its timer job commits.
 */
@Component
class AlertLog {

    private static final String COLUMNS = "id, kunci, jenis, proses_instance_id, proses_key, business_key, kecamatan, langkah, "
            + "aktivitas_id, nama_langkah, tugas_id, pemegang, waktu, mulai, tenggat, dicatat_pada, diberitahukan_ke, selesai_pada";

    private final JdbcTemplate jdbc;

    AlertLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the alert and one notification per target; false (and nothing written) if it was recorded before. */
    boolean record(Alert alert, String message) {
        int inserted = jdbc.update("insert into SOPFLOW_PERINGATAN (" + COLUMNS + ") select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null "
                        + "where not exists (select 1 from SOPFLOW_PERINGATAN where kunci = ?)",
                alert.id(), alert.key(), alert.kind().name(), alert.processInstanceId(), alert.processKey(),
                alert.businessKey(), alert.kecamatan(), alert.step(), alert.activityId(), alert.stepName(),
                alert.taskId(), alert.holder(), alert.waktu(), ts(alert.start()), ts(alert.deadline()),
                ts(alert.recordedAt()), String.join(",", alert.notified()), alert.key());
        if (inserted == 0) {
            return false;
        }
        for (String target : alert.notified()) {
            boolean group = target.startsWith("grup:");
            jdbc.update("insert into SOPFLOW_PEMBERITAHUAN (id, peringatan_id, kecamatan, grup, pengguna, pesan, dibuat_pada) "
                            + "values (?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), alert.id(), alert.kecamatan(),
                    group ? target.substring(5) : null, group ? null : target.substring(target.indexOf(':') + 1),
                    message, ts(alert.recordedAt()));
        }
        return true;
    }

    /** A notification that is no alert (e.g. Bappeda's answer to a submission), with what it refers to. */
    void notify(String reference, String kecamatan, List<String> targets, String message, Instant at) {
        for (String target : targets) {
            boolean group = target.startsWith("grup:");
            jdbc.update("insert into SOPFLOW_PEMBERITAHUAN (id, peringatan_id, kecamatan, grup, pengguna, pesan, dibuat_pada) "
                            + "values (?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), reference, kecamatan,
                    group ? target.substring(5) : null, group ? null : target.substring(target.indexOf(':') + 1), message, ts(at));
        }
    }

    /** The step's task was completed: its open alerts are finished. */
    int finishTask(String taskId, Instant at) {
        return jdbc.update("update SOPFLOW_PERINGATAN set selesai_pada = ? where tugas_id = ? and selesai_pada is null",
                ts(at), taskId);
    }

    /** The instance ended: its open alerts (report deadline included) are finished. */
    int finishInstance(String processInstanceId, Instant at) {
        return jdbc.update("update SOPFLOW_PERINGATAN set selesai_pada = ? where proses_instance_id = ? and selesai_pada is null",
                ts(at), processInstanceId);
    }

    /**
     * Alerts, newest deadline first.
     *
     * @param kecamatan only these kecamatan; empty list means all
     * @param openOnly  only alerts whose step is still open
     */
    /** How many alerts of a kind are still open in these kecamatan (all when empty): one count, no rows. */
    long countOpen(List<String> kecamatan, AlertKind kind) {
        StringBuilder sql = new StringBuilder("select count(*) from SOPFLOW_PERINGATAN where selesai_pada is null and jenis = ?");
        List<Object> args = new ArrayList<>(List.of(kind.name()));
        if (!kecamatan.isEmpty()) {
            sql.append(" and kecamatan in (").append(String.join(",", kecamatan.stream().map(k -> "?").toList())).append(')');
            args.addAll(kecamatan);
        }
        Long count = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    List<Alert> find(List<String> kecamatan, boolean openOnly, Optional<AlertKind> kind) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from SOPFLOW_PERINGATAN where 1=1");
        List<Object> args = new ArrayList<>();
        if (!kecamatan.isEmpty()) {
            sql.append(" and kecamatan in (").append(String.join(",", kecamatan.stream().map(k -> "?").toList())).append(')');
            args.addAll(kecamatan);
        }
        if (openOnly) {
            sql.append(" and selesai_pada is null");
        }
        kind.ifPresent(k -> {
            sql.append(" and jenis = ?");
            args.add(k.name());
        });
        sql.append(" order by tenggat desc, jenis");
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    record Notification(String id, String alertId, String kecamatan, String group, String user, String message,
            Instant createdAt, Optional<Instant> readAt) {
    }

    /**
     * Marks a notification read if it is addressed to one of {@code groups} (in {@code kecamatan}, empty
     * meaning any) or to {@code user}; false if there is none such (nothing changes).
     */
    boolean markRead(String id, List<String> kecamatan, List<String> groups, String user, Instant at) {
        return notifications(kecamatan, groups, user).stream()
                .filter(n -> n.id().equals(id))
                .findFirst()
                .map(n -> {
                    // already read: stays read at its first time
                    jdbc.update("update SOPFLOW_PEMBERITAHUAN set dibaca_pada = ? where id = ? and dibaca_pada is null", ts(at), id);
                    return true;
                })
                .orElse(false);
    }

    List<Notification> notifications(List<String> kecamatan, List<String> groups, String user) {
        StringBuilder sql = new StringBuilder("select id, peringatan_id, kecamatan, grup, pengguna, pesan, dibuat_pada, dibaca_pada "
                + "from SOPFLOW_PEMBERITAHUAN where (");
        List<Object> args = new ArrayList<>();
        List<String> who = new ArrayList<>();
        if (!groups.isEmpty()) {
            who.add("grup in (" + String.join(",", groups.stream().map(g -> "?").toList()) + ")");
            args.addAll(groups);
        }
        if (user != null) {
            who.add("pengguna = ?");
            args.add(user);
        }
        if (who.isEmpty()) {
            return List.of();
        }
        sql.append(String.join(" or ", who)).append(')');
        if (!kecamatan.isEmpty()) {
            sql.append(" and kecamatan in (").append(String.join(",", kecamatan.stream().map(k -> "?").toList())).append(')');
            args.addAll(kecamatan);
        }
        sql.append(" order by dibuat_pada desc");
        return jdbc.query(sql.toString(), (rs, i) -> new Notification(rs.getString("id"), rs.getString("peringatan_id"),
                rs.getString("kecamatan"), rs.getString("grup"), rs.getString("pengguna"), rs.getString("pesan"),
                rs.getTimestamp("dibuat_pada").toInstant(),
                Optional.ofNullable(rs.getTimestamp("dibaca_pada")).map(Timestamp::toInstant)), args.toArray());
    }

    private static final RowMapper<Alert> ROW = (rs, i) -> new Alert(
            rs.getString("id"), AlertKind.valueOf(rs.getString("jenis")), rs.getString("proses_instance_id"),
            rs.getString("proses_key"), rs.getString("business_key"), rs.getString("kecamatan"),
            (Integer) rs.getObject("langkah", Integer.class), rs.getString("aktivitas_id"), rs.getString("nama_langkah"),
            rs.getString("tugas_id"), rs.getString("pemegang"), rs.getString("waktu"),
            instant(rs.getTimestamp("mulai")), instant(rs.getTimestamp("tenggat")), instant(rs.getTimestamp("dicatat_pada")),
            Arrays.stream(rs.getString("diberitahukan_ke").split(",")).filter(s -> !s.isBlank()).toList(),
            Optional.ofNullable(instant(rs.getTimestamp("selesai_pada"))));

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
