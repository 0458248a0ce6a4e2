package id.sopflow.compliance;

import id.sopflow.api.Conflict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Sekcam's catatan, tindakan and paraf of a compliance report ({@code SOPFLOW_PENILAIAN_SOP}, Flyway V6). One form is
 * a kecamatan, an SOP and a semester; each row keeps its step's figures frozen at the paraf; its row langkah 0 (the SOP
 * as a whole) holds the paraf and is locked
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
     * Saves a step's (or the whole SOP's) catatan and tindakan; the form's row is made in the same transaction, so a
     * refused save leaves nothing behind.
     *
     * @throws Conflict (409) when the form is initialled: an initialled form is the record of that semester
     */
    void save(Key key, int step, String catatan, String tindakan, String by, Instant at) {
        inForm(key, () -> {
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
     * Initials the form and freezes its figures: each step's row (and langkah 0 for the SOP as a whole) keeps the figures,
     * assessment and threshold of {@code report}, which the form shows from then on.
     *
     * @throws Conflict (409) when it is initialled already, naming who did and when
     */
    void sign(Key key, String by, Instant at, ComplianceReport report) {
        inForm(key, () -> {
            for (ComplianceReport.StepRow r : report.steps()) {
                Object[] figures = {r.activity(), r.role(), r.waktu(), r.review(), r.runs(), r.onTime(), r.shareOnTime().orElse(null),
                        r.median().map(Duration::getSeconds).orElse(null), r.worst().map(Duration::getSeconds).orElse(null), r.sentBack(),
                        r.open(), r.assessment().name(), r.basis()};
                int updated = jdbc.update("update SOPFLOW_PENILAIAN_SOP set aktivitas = ?, peran = ?, waktu = ?, tinjauan = ?, dijalankan = ?, "
                        + "tepat_waktu = ?, persentase = ?, median_detik = ?, terlama_detik = ?, dikembalikan = ?, masih_terbuka = ?, "
                        + "penilaian = ?, dasar = ? where kecamatan = ? and kode = ? and periode = ? and langkah = ?",
                        concat(figures, key.kecamatan(), key.kode(), key.periode(), r.step()));
                if (updated == 0) {
                    jdbc.update("insert into SOPFLOW_PENILAIAN_SOP (aktivitas, peran, waktu, tinjauan, dijalankan, tepat_waktu, persentase, "
                            + "median_detik, terlama_detik, dikembalikan, masih_terbuka, penilaian, dasar, kecamatan, kode, periode, langkah) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            concat(figures, key.kecamatan(), key.kode(), key.periode(), r.step()));
                }
            }
            jdbc.update("update SOPFLOW_PENILAIAN_SOP set paraf_oleh = ?, paraf_pada = ?, aktivitas = ?, dijalankan = ?, penilaian = ?, "
                    + "ambang = ? where kecamatan = ? and kode = ? and periode = ? and langkah = ?", by, Timestamp.from(at), report.nama(),
                    report.instances(), report.assessment().name(), report.threshold(), key.kecamatan(), key.kode(), key.periode(), WHOLE_SOP);
        });
    }

    /** The figures frozen at the paraf; empty for a form not initialled (or initialled before figures were frozen). */
    Optional<ComplianceReport> frozen(Key key, String nama, Semester semester) {
        List<ComplianceReport.StepRow> steps = new ArrayList<>();
        Object[][] whole = {null};
        jdbc.query("select langkah, aktivitas, peran, waktu, tinjauan, dijalankan, tepat_waktu, persentase, median_detik, terlama_detik, "
                + "dikembalikan, masih_terbuka, penilaian, dasar, ambang from SOPFLOW_PENILAIAN_SOP where kecamatan = ? and kode = ? "
                + "and periode = ? and penilaian is not null order by langkah", row -> {
                    int step = row.getInt(1);
                    Assessment assessment = Assessment.valueOf(row.getString(13));
                    if (step == WHOLE_SOP) {
                        whole[0] = new Object[] {row.getString(2), row.getInt(6), assessment, row.getDouble(15)};
                        return;
                    }
                    steps.add(new ComplianceReport.StepRow(step, row.getString(2), row.getString(3), nullToEmpty(row.getString(4)),
                            row.getBoolean(5), row.getInt(6), seconds(row.getObject(9)), seconds(row.getObject(10)), row.getInt(7),
                            Optional.ofNullable(row.getObject(8)).map(v -> ((Number) v).doubleValue()), row.getInt(11), row.getInt(12),
                            assessment, nullToEmpty(row.getString(14))));
                }, key.kecamatan(), key.kode(), key.periode());
        if (whole[0] == null) {
            return Optional.empty();
        }
        Object[] w = whole[0];
        return Optional.of(new ComplianceReport(key.kode(), w[0] == null ? nama : (String) w[0], key.kecamatan(), semester, (Double) w[3],
                steps, (Assessment) w[2], (Integer) w[1]));
    }

    private static Optional<Duration> seconds(Object value) {
        return Optional.ofNullable(value).map(v -> Duration.ofSeconds(((Number) v).longValue()));
    }

    private static Object[] concat(Object[] first, Object... more) {
        Object[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static String signedMessage(Compliance.Paraf p) {
        return "Penilaian ini sudah diparaf oleh " + p.by() + " dan menjadi catatan semester itu; catatan dan tindakannya tidak diubah lagi. "
                + "Tuliskan tindak lanjutnya pada penilaian semester berikutnya.";
    }

    /**
     * Runs {@code change} in one transaction holding the form's lock, its row (langkah 0) made first when missing, refused
     * when the form is initialled. Two requests making the row at once: the loser's transaction is rolled back whole and
     * tried once more, now finding the row.
     */
    private void inForm(Key key, Runnable change) {
        for (int attempt = 0; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> {
                    if (!formExists(key)) {
                        jdbc.update("insert into SOPFLOW_PENILAIAN_SOP (kecamatan, kode, periode, langkah) values (?, ?, ?, ?)",
                                key.kecamatan(), key.kode(), key.periode(), WHOLE_SOP);
                    }
                    lockedParaf(key).ifPresent(p -> {
                        throw new Conflict(signedMessage(p));
                    });
                    change.run();
                });
                return;
            } catch (DuplicateKeyException e) {
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private boolean formExists(Key key) {
        Integer rows = jdbc.queryForObject("select count(*) from SOPFLOW_PENILAIAN_SOP where kecamatan = ? and kode = ? and periode = ? "
                + "and langkah = ?", Integer.class, key.kecamatan(), key.kode(), key.periode(), WHOLE_SOP);
        return rows != null && rows > 0;
    }

    private Optional<Compliance.Paraf> lockedParaf(Key key) {
        List<Compliance.Paraf> found = jdbc.query("select paraf_oleh, paraf_pada from SOPFLOW_PENILAIAN_SOP where kecamatan = ? and kode = ? "
                        + "and periode = ? and langkah = ? for update",
                (row, i) -> row.getString(1) == null ? null : new Compliance.Paraf(row.getString(1), row.getTimestamp(2).toInstant()),
                key.kecamatan(), key.kode(), key.periode(), WHOLE_SOP);
        return found.stream().filter(Objects::nonNull).findFirst();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
