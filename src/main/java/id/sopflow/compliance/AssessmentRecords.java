package id.sopflow.compliance;

import id.sopflow.api.Conflict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Sekcam's catatan, tindakan and paraf of a compliance report ({@code SOPFLOW_PENILAIAN_SOP}, Flyway V6). One form is
 * a kecamatan, an SOP and a semester; its row langkah 0 (the SOP as a whole) holds the paraf and is locked
 * ({@code SELECT ... FOR UPDATE}) by every change, so that a note saved while the form is initialled is refused, never
 * lost or slipped in after the paraf.
 */
@Component
class AssessmentRecords {

    /** The whole SOP's row: its catatan and tindakan, and the paraf of the form. */
    static final int WHOLE_SOP = 0;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    AssessmentRecords(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Which form: a kecamatan's SOP in a semester. */
    record Key(String kecamatan, String kode, String periode) {
    }

    /** The notes of a form by step (0: the SOP as a whole), and its paraf. */
    Compliance.Notes read(Key key) {
        Map<Integer, Compliance.Note> notes = new LinkedHashMap<>();
        Compliance.Paraf[] paraf = {null};
        jdbc.query("select langkah, catatan, tindakan, diubah_oleh, diubah_pada, paraf_oleh, paraf_pada from SOPFLOW_PENILAIAN_SOP "
                + "where kecamatan = ? and kode = ? and periode = ? order by langkah", row -> {
                    int step = row.getInt(1);
                    Timestamp changed = row.getTimestamp(5);
                    notes.put(step, new Compliance.Note(step, nullToEmpty(row.getString(2)), nullToEmpty(row.getString(3)), row.getString(4),
                            changed == null ? null : changed.toInstant()));
                    if (step == WHOLE_SOP && row.getString(6) != null) {
                        paraf[0] = new Compliance.Paraf(row.getString(6), row.getTimestamp(7).toInstant());
                    }
                }, key.kecamatan(), key.kode(), key.periode());
        return new Compliance.Notes(notes, Optional.ofNullable(paraf[0]));
    }

    /**
     * Saves a step's (or the whole SOP's) catatan and tindakan.
     *
     * @throws Conflict (409) when the form is initialled: an initialled form is the record of that semester
     */
    void save(Key key, int step, String catatan, String tindakan, String by, Instant at) {
        ensureForm(key);
        transaction.executeWithoutResult(status -> {
            lockedParaf(key).ifPresent(p -> {
                throw new Conflict(signedMessage(p));
            });
            Timestamp now = Timestamp.from(at);
            int updated = jdbc.update("update SOPFLOW_PENILAIAN_SOP set catatan = ?, tindakan = ?, diubah_oleh = ?, diubah_pada = ? "
                    + "where kecamatan = ? and kode = ? and periode = ? and langkah = ?", catatan, tindakan, by, now,
                    key.kecamatan(), key.kode(), key.periode(), step);
            if (updated == 0) { // the form's lock is held: no one else inserts this step's row meanwhile
                jdbc.update("insert into SOPFLOW_PENILAIAN_SOP (kecamatan, kode, periode, langkah, catatan, tindakan, diubah_oleh, diubah_pada) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", key.kecamatan(), key.kode(), key.periode(), step, catatan, tindakan, by, now);
            }
        });
    }

    /**
     * Initials the form.
     *
     * @throws Conflict (409) when it is initialled already, naming who did and when
     */
    void sign(Key key, String by, Instant at) {
        ensureForm(key);
        transaction.executeWithoutResult(status -> {
            lockedParaf(key).ifPresent(p -> {
                throw new Conflict(signedMessage(p));
            });
            jdbc.update("update SOPFLOW_PENILAIAN_SOP set paraf_oleh = ?, paraf_pada = ? where kecamatan = ? and kode = ? and periode = ? "
                    + "and langkah = ?", by, Timestamp.from(at), key.kecamatan(), key.kode(), key.periode(), WHOLE_SOP);
        });
    }

    private static String signedMessage(Compliance.Paraf p) {
        return "Penilaian ini sudah diparaf oleh " + p.by() + " dan menjadi catatan semester itu; catatan dan tindakannya tidak diubah lagi. "
                + "Tuliskan tindak lanjutnya pada penilaian semester berikutnya.";
    }

    /** The form's row (langkah 0), made when missing; two requests making it at once are both fine. */
    private void ensureForm(Key key) {
        Integer rows = jdbc.queryForObject("select count(*) from SOPFLOW_PENILAIAN_SOP where kecamatan = ? and kode = ? and periode = ? "
                + "and langkah = ?", Integer.class, key.kecamatan(), key.kode(), key.periode(), WHOLE_SOP);
        if (rows != null && rows > 0) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> jdbc.update("insert into SOPFLOW_PENILAIAN_SOP (kecamatan, kode, periode, langkah) "
                    + "values (?, ?, ?, ?)", key.kecamatan(), key.kode(), key.periode(), WHOLE_SOP));
        } catch (DuplicateKeyException e) {
            // made by a request at the same time
        }
    }

    private Optional<Compliance.Paraf> lockedParaf(Key key) {
        List<Compliance.Paraf> found = jdbc.query("select paraf_oleh, paraf_pada from SOPFLOW_PENILAIAN_SOP where kecamatan = ? and kode = ? "
                        + "and periode = ? and langkah = ? for update",
                (row, i) -> row.getString(1) == null ? null : new Compliance.Paraf(row.getString(1), row.getTimestamp(2).toInstant()),
                key.kecamatan(), key.kode(), key.periode(), WHOLE_SOP);
        return found.stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
