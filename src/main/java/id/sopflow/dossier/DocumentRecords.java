package id.sopflow.dossier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The dossier's metadata and its audit events, in SOPflow's tables ({@code SOPFLOW_DOKUMEN},
 * {@code SOPFLOW_DOKUMEN_PERISTIWA}; Flyway V2). Rows are inserted, never deleted; a withdrawal is the one update.
 */
@Component
class DocumentRecords {

    /** What happened to a document, as the audit shows it. */
    enum Act { DIUNGGAH, DIUNDUH, DITARIK }

    /** One act on one document. */
    record Event(String documentId, String instanceId, Act act, String who, Instant at) {
    }

    private static final String COLUMNS = "id, proses_instance_id, kecamatan, proses_key, jenis, versi, langkah, aktivitas_instance_id, "
            + "tugas_id, nama_berkas, jenis_isi, ukuran, sha256, isi_ref, catatan, diunggah_oleh, diunggah_pada, ditarik_oleh, "
            + "ditarik_pada, alasan_ditarik";

    private static final RowMapper<Document> DOCUMENT = (rs, row) -> new Document(rs.getString("id"), rs.getString("proses_instance_id"),
            rs.getString("kecamatan"), rs.getString("proses_key"), rs.getString("jenis"), rs.getInt("versi"), rs.getInt("langkah"),
            rs.getString("aktivitas_instance_id"), rs.getString("tugas_id"), rs.getString("nama_berkas"), rs.getString("jenis_isi"),
            rs.getLong("ukuran"), rs.getString("sha256"), rs.getString("isi_ref"), rs.getString("catatan"), rs.getString("diunggah_oleh"),
            rs.getTimestamp("diunggah_pada").toInstant(),
            rs.getTimestamp("ditarik_pada") == null ? Optional.empty() : Optional.of(new Document.Withdrawal(rs.getString("ditarik_oleh"),
                    rs.getTimestamp("ditarik_pada").toInstant(), rs.getString("alasan_ditarik"))));

    private final JdbcTemplate jdbc;

    DocumentRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int nextVersion(String instanceId, String kind) {
        Integer last = jdbc.queryForObject("select max(versi) from SOPFLOW_DOKUMEN where proses_instance_id = ? and jenis = ?",
                Integer.class, instanceId, kind);
        return last == null ? 1 : last + 1;
    }

    void insert(Document d) {
        jdbc.update("insert into SOPFLOW_DOKUMEN (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null)",
                d.id(), d.instanceId(), d.kecamatan(), d.processKey(), d.kind(), d.version(), d.step(), d.visit(), d.taskId(),
                d.fileName(), d.contentType(), d.size(), d.sha256(), d.contentRef(), d.note(), d.uploadedBy(), Timestamp.from(d.uploadedAt()));
    }

    /** Every version of every document of an instance: by kind, newest version first. */
    List<Document> ofInstance(String instanceId) {
        return jdbc.query("select " + COLUMNS + " from SOPFLOW_DOKUMEN where proses_instance_id = ? order by jenis, versi desc",
                DOCUMENT, instanceId);
    }

    Optional<Document> find(String instanceId, String documentId) {
        return jdbc.query("select " + COLUMNS + " from SOPFLOW_DOKUMEN where proses_instance_id = ? and id = ?", DOCUMENT,
                instanceId, documentId).stream().findFirst();
    }

    /** Withdraws a document not yet withdrawn (the row stays locked until the transaction ends); false if it was. */
    boolean withdraw(String documentId, String by, Instant at, String reason) {
        return jdbc.update("update SOPFLOW_DOKUMEN set ditarik_oleh = ?, ditarik_pada = ?, alasan_ditarik = ? "
                + "where id = ? and ditarik_pada is null", by, Timestamp.from(at), reason, documentId) == 1;
    }

    /**
     * The kinds present (not withdrawn) among the documents uploaded at one visit of a step, locking them until the
     * transaction ends, so that a withdrawal cannot slip between this check and the commit of the step it allows.
     */
    Set<String> kindsAtVisit(String visit) {
        return kinds("select id, jenis from SOPFLOW_DOKUMEN where aktivitas_instance_id = ? and ditarik_pada is null for update", visit);
    }

    /** The kinds present (not withdrawn) in an instance's dossier, locked like {@link #kindsAtVisit}. */
    Set<String> kindsInInstance(String instanceId) {
        return kinds("select id, jenis from SOPFLOW_DOKUMEN where proses_instance_id = ? and ditarik_pada is null for update", instanceId);
    }

    private Set<String> kinds(String sql, String key) {
        return new LinkedHashSet<>(jdbc.query(sql, (rs, row) -> rs.getString("jenis"), key));
    }

    void record(String documentId, String instanceId, Act act, String who, Instant at) {
        jdbc.update("insert into SOPFLOW_DOKUMEN_PERISTIWA (id, dokumen_id, proses_instance_id, apa, siapa, kapan) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), documentId, instanceId, act.name(), who, Timestamp.from(at));
    }

    List<Event> events(String instanceId) {
        return jdbc.query("select dokumen_id, proses_instance_id, apa, siapa, kapan from SOPFLOW_DOKUMEN_PERISTIWA "
                + "where proses_instance_id = ? order by kapan", (rs, row) -> new Event(rs.getString(1), rs.getString(2),
                Act.valueOf(rs.getString(3)), rs.getString(4), rs.getTimestamp(5).toInstant()), instanceId);
    }
}
