package id.sopflow.bappeda;

import id.sopflow.bappeda.Submission.Status;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The submissions in {@code SOPFLOW_KIRIMAN*}. Writes join the engine's transaction (same data source), so a submission
 * and the step that sent it, or an answer and the task that gave it, commit together.
 */
@Component
class SubmissionRecords {

    private static final String COLUMNS = "id, proses_instance_id, langkah, kecamatan, proses_key, nama_sop, dokumen, business_key, "
            + "tahun, bulan, versi, status, dikirim_oleh, dikirim_pada, dijawab_oleh, dijawab_pada, catatan, nomor_tanda_terima";
    private static final RowMapper<Submission> SUBMISSION = (rs, i) -> new Submission(rs.getString("id"),
            rs.getString("proses_instance_id"), rs.getInt("langkah"), rs.getString("kecamatan"), rs.getString("proses_key"),
            rs.getString("nama_sop"), rs.getString("dokumen"), rs.getString("business_key"), rs.getInt("tahun"),
            Optional.ofNullable((Integer) rs.getObject("bulan", Integer.class)), rs.getInt("versi"), Status.valueOf(rs.getString("status")),
            rs.getString("dikirim_oleh"), rs.getTimestamp("dikirim_pada").toInstant(), Optional.ofNullable(rs.getString("dijawab_oleh")),
            Optional.ofNullable(rs.getTimestamp("dijawab_pada")).map(Timestamp::toInstant), Optional.ofNullable(rs.getString("catatan")),
            Optional.ofNullable(rs.getString("nomor_tanda_terima")));

    /** What to look for; every field optional. */
    record Filter(Optional<String> processKey, List<String> kecamatan, Optional<Integer> year, Optional<Integer> month,
                  Optional<Status> status) {
    }

    private final JdbcTemplate jdbc;
    private final org.springframework.transaction.support.TransactionTemplate newTransaction;

    SubmissionRecords(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Optional<Submission> find(String id) {
        return jdbc.query("select " + COLUMNS + " from SOPFLOW_KIRIMAN where id = ?", SUBMISSION, id).stream().findFirst();
    }

    Optional<Submission> find(String instanceId, int step) {
        return jdbc.query("select " + COLUMNS + " from SOPFLOW_KIRIMAN where proses_instance_id = ? and langkah = ?", SUBMISSION,
                instanceId, step).stream().findFirst();
    }

    List<Submission> ofInstance(String instanceId) {
        return jdbc.query("select " + COLUMNS + " from SOPFLOW_KIRIMAN where proses_instance_id = ? order by langkah", SUBMISSION,
                instanceId);
    }

    /** Newest first. An empty kecamatan list means every kecamatan. */
    List<Submission> search(Filter filter) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from SOPFLOW_KIRIMAN where 1 = 1");
        List<Object> args = new ArrayList<>();
        filter.processKey().ifPresent(k -> {
            sql.append(" and proses_key = ?");
            args.add(k);
        });
        if (!filter.kecamatan().isEmpty()) {
            sql.append(" and kecamatan in (").append(String.join(", ", filter.kecamatan().stream().map(k -> "?").toList())).append(')');
            args.addAll(filter.kecamatan());
        }
        filter.year().ifPresent(y -> {
            sql.append(" and tahun = ?");
            args.add(y);
        });
        filter.month().ifPresent(m -> {
            sql.append(" and bulan = ?");
            args.add(m);
        });
        filter.status().ifPresent(s -> {
            sql.append(" and status = ?");
            args.add(s.name());
        });
        sql.append(" order by dikirim_pada desc, id");
        return jdbc.query(sql.toString(), SUBMISSION, args.toArray());
    }

    /** A first sending: version 1. */
    void insert(Submission s) {
        jdbc.update("insert into SOPFLOW_KIRIMAN (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, null)",
                s.id(), s.instanceId(), s.step(), s.kecamatan(), s.processKey(), s.sopName(), s.document(), s.businessKey(), s.year(),
                s.month().orElse(null), s.version(), s.status().name(), s.sentBy(), ts(s.sentAt()));
    }

    /** A re-sending after a return: the next version; false if the submission was not returned (nothing written). */
    boolean resend(String id, int version, String by, Instant at) {
        return jdbc.update("update SOPFLOW_KIRIMAN set versi = ?, status = ?, dikirim_oleh = ?, dikirim_pada = ?, dijawab_oleh = null, "
                + "dijawab_pada = null, catatan = null where id = ? and versi = ? and status = ?", version, Status.TERKIRIM.name(), by,
                ts(at), id, version - 1, Status.DIKEMBALIKAN.name()) == 1;
    }

    /** Bappeda's answer to this version; false if it was answered already (nothing written). */
    boolean answer(String id, int version, Status status, String by, Instant at, String note, String receiptNumber) {
        return jdbc.update("update SOPFLOW_KIRIMAN set status = ?, dijawab_oleh = ?, dijawab_pada = ?, catatan = ?, nomor_tanda_terima = ? "
                + "where id = ? and versi = ? and status = ?", status.name(), by, ts(at), note, receiptNumber, id, version,
                Status.TERKIRIM.name()) == 1;
    }

    void addDocument(String id, int version, String documentId) {
        jdbc.update("insert into SOPFLOW_KIRIMAN_DOKUMEN (kiriman_id, versi, dokumen_id) values (?, ?, ?)", id, version, documentId);
    }

    /** The document ids of each version: version, document id. */
    List<String[]> documents(String id) {
        return jdbc.query("select versi, dokumen_id from SOPFLOW_KIRIMAN_DOKUMEN where kiriman_id = ? order by versi desc, dokumen_id",
                (rs, i) -> new String[] {String.valueOf(rs.getInt(1)), rs.getString(2)}, id);
    }

    void event(String id, int version, String act, String who, Instant at, String note, String receiptNumber) {
        jdbc.update("insert into SOPFLOW_KIRIMAN_RIWAYAT (id, kiriman_id, versi, apa, siapa, kapan, catatan, nomor_tanda_terima) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), id, version, act, who, ts(at), note, receiptNumber);
    }

    List<Submission.Event> events(String id) {
        return jdbc.query("select versi, apa, siapa, kapan, catatan, nomor_tanda_terima from SOPFLOW_KIRIMAN_RIWAYAT where kiriman_id = ? "
                + "order by kapan, versi", (rs, i) -> new Submission.Event(rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6))), id);
    }

    /**
     * The next number of the year's tanda terima sequence. The row stays locked until the transaction ends, so two
     * receipts never share a number and a rolled-back answer leaves no gap behind a committed one.
     */
    int nextReceipt(int year) {
        if (jdbc.update("update SOPFLOW_TANDA_TERIMA_URUT set terakhir = terakhir + 1 where tahun = ?", year) == 0) {
            // the year's first receipt: its counter row is made in a transaction of its own, so that two first receipts at
            // once do not break the answer's transaction (PostgreSQL aborts a transaction at a duplicate key); then counted
            // under the row's lock like every other
            newTransaction.executeWithoutResult(status -> {
                try {
                    jdbc.update("insert into SOPFLOW_TANDA_TERIMA_URUT (tahun, terakhir) values (?, 0)", year);
                } catch (DuplicateKeyException madeMeanwhile) {
                    status.setRollbackOnly();
                }
            });
            jdbc.update("update SOPFLOW_TANDA_TERIMA_URUT set terakhir = terakhir + 1 where tahun = ?", year);
        }
        Integer last = jdbc.queryForObject("select terakhir from SOPFLOW_TANDA_TERIMA_URUT where tahun = ?", Integer.class, year);
        return last == null ? 1 : last;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
