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

    /** Overdue open steps of one SOP's step in one kecamatan. */
    record OverdueStep(String processKey, String kecamatan, Integer step, long count) {
    }

    /** The overdue steps still open, counted by SOP, kecamatan and step: one grouped query (the metrics' gauge). */
    List<OverdueStep> overdueByStep() {
        return jdbc.query("select proses_key, kecamatan, langkah, count(*) from SOPFLOW_PERINGATAN where jenis = ? and selesai_pada is null "
                        + "group by proses_key, kecamatan, langkah",
                (rs, i) -> new OverdueStep(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class), rs.getLong(4)),
                AlertKind.TERLAMBAT.name());
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

    /**
     * Which alerts a list shows; every condition is part of the SQL, so a page reads only its rows.
     *
     * @param kecamatan  only these kecamatan; empty list means all
     * @param openOnly   only alerts whose step is still open
     * @param processKey only alerts of this SOP
     * @param holders    only alerts of steps these hold (user ids, {@code grup:<role>}); empty: whoever holds them
     */
    record AlertQuery(List<String> kecamatan, boolean openOnly, Optional<AlertKind> kind, Optional<String> processKey,
                      List<String> holders, Order order) {
        AlertQuery {
            kecamatan = List.copyOf(kecamatan);
            holders = List.copyOf(holders);
        }
    }

    /** The order of a list, stable across pages (the id breaks ties). */
    enum Order {
        /**
         * The latest deadline first (the API's order): every column descending, so that PostgreSQL reads a page backwards
         * along V7's index (kecamatan, jenis, tenggat, id) also in its generic plan of the prepared statement, whose
         * limit it does not know (with "jenis, id" ascending it sorted every open alert: 140 ms at 100,000).
         */
        NEWEST_DEADLINE_FIRST("tenggat desc, jenis desc, id desc"),
        /** The earliest deadline first: within a kecamatan, the most late in working time first (Terlambat's order). */
        MOST_LATE_FIRST("tenggat, id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** The alerts of a query from row {@code first} (0-based), at most {@code size}. */
    List<Alert> page(AlertQuery query, long first, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        args.add(size);
        args.add(first);
        return jdbc.query("select " + COLUMNS + " from SOPFLOW_PERINGATAN where " + where + " order by " + query.order().sql
                + " limit ? offset ?", ROW, args.toArray());
    }

    /** How many alerts a query has: one count, no rows. */
    long count(AlertQuery query) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("select count(*) from SOPFLOW_PERINGATAN where " + where(query, args), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** The SOPs, holders and kecamatan a query's alerts have (for a list's filters): one grouped read. */
    record Values(java.util.SortedSet<String> processKeys, java.util.SortedSet<String> holders, java.util.SortedSet<String> kecamatan) {
    }

    Values values(AlertQuery query) {
        List<Object> args = new ArrayList<>();
        Values values = new Values(new java.util.TreeSet<>(), new java.util.TreeSet<>(), new java.util.TreeSet<>());
        jdbc.query("select proses_key, pemegang, kecamatan from SOPFLOW_PERINGATAN where " + where(query, args)
                + " group by proses_key, pemegang, kecamatan", rs -> {
                    java.util.Optional.ofNullable(rs.getString(1)).ifPresent(values.processKeys()::add);
                    java.util.Optional.ofNullable(rs.getString(2)).ifPresent(values.holders()::add);
                    java.util.Optional.ofNullable(rs.getString(3)).ifPresent(values.kecamatan()::add);
                }, args.toArray());
        return values;
    }

    /** Which of these tasks are escalated and still open. */
    java.util.Set<String> escalated(List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.queryForList("select tugas_id from SOPFLOW_PERINGATAN where jenis = ? and selesai_pada is null "
                + "and tugas_id in (" + String.join(",", taskIds.stream().map(t -> "?").toList()) + ")", String.class,
                java.util.stream.Stream.concat(java.util.stream.Stream.of(AlertKind.ESKALASI.name()), taskIds.stream()).toArray()));
    }

    private static String where(AlertQuery query, List<Object> args) {
        StringBuilder sql = new StringBuilder("1=1");
        if (!query.kecamatan().isEmpty()) {
            sql.append(" and kecamatan in (").append(String.join(",", query.kecamatan().stream().map(k -> "?").toList())).append(')');
            args.addAll(query.kecamatan());
        }
        query.kind().ifPresent(k -> {
            sql.append(" and jenis = ?");
            args.add(k.name());
        });
        if (query.openOnly()) {
            sql.append(" and selesai_pada is null");
        }
        query.processKey().ifPresent(key -> {
            sql.append(" and proses_key = ?");
            args.add(key);
        });
        if (!query.holders().isEmpty()) {
            sql.append(" and pemegang in (").append(String.join(",", query.holders().stream().map(h -> "?").toList())).append(')');
            args.addAll(query.holders());
        }
        return sql.toString();
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
        List<Object> args = new ArrayList<>();
        String where = addressedTo(kecamatan, groups, user, args);
        if (where == null) {
            return List.of();
        }
        return jdbc.query("select id, peringatan_id, kecamatan, grup, pengguna, pesan, dibuat_pada, dibaca_pada "
                + "from SOPFLOW_PEMBERITAHUAN where " + where + " order by dibuat_pada desc", (rs, i) -> new Notification(rs.getString("id"),
                rs.getString("peringatan_id"), rs.getString("kecamatan"), rs.getString("grup"), rs.getString("pengguna"), rs.getString("pesan"),
                rs.getTimestamp("dibuat_pada").toInstant(),
                Optional.ofNullable(rs.getTimestamp("dibaca_pada")).map(Timestamp::toInstant)), args.toArray());
    }

    /** How many of the notifications {@link #notifications} would list are unread: one count, no rows (Beranda). */
    long unreadCount(List<String> kecamatan, List<String> groups, String user) {
        List<Object> args = new ArrayList<>();
        String where = addressedTo(kecamatan, groups, user, args);
        if (where == null) {
            return 0;
        }
        Long count = jdbc.queryForObject("select count(*) from SOPFLOW_PEMBERITAHUAN where " + where + " and dibaca_pada is null",
                Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** The condition "addressed to these groups or this user, in these kecamatan (none: all)", its values added to args; null: nobody. */
    private static String addressedTo(List<String> kecamatan, List<String> groups, String user, List<Object> args) {
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
            return null;
        }
        StringBuilder where = new StringBuilder("(").append(String.join(" or ", who)).append(')');
        if (!kecamatan.isEmpty()) {
            where.append(" and kecamatan in (").append(String.join(",", kecamatan.stream().map(k -> "?").toList())).append(')');
            args.addAll(kecamatan);
        }
        return where.toString();
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
