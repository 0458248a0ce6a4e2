-- The Sekcam's assessment of how an SOP ran (issue 14, Monitoring Pelaksanaan SOP AP, Permenpan RB 35/2012): per
-- kecamatan, SOP (kode), period (semester, e.g. 2026-1) and step the Catatan Hasil Penilaian and the Tindakan yang Harus
-- Diambil; langkah 0 is the SOP as a whole and holds the paraf (who initialled the form, when). The figures are computed
-- from Camunda's history until the paraf; the paraf freezes them: the row of each step (and langkah 0 for the SOP as a
-- whole) keeps the figures, assessment and threshold of that moment, and a signed form shows those, so a holiday added
-- later, an edited SOP file, another threshold or a cleaned-up history do not change it. Standard SQL: H2 and PostgreSQL. Never edit once applied: a change is a
-- new V<n>__name.sql.
CREATE TABLE SOPFLOW_PENILAIAN_SOP (
    kecamatan    VARCHAR(64)   NOT NULL,
    kode         VARCHAR(255)  NOT NULL,
    periode      VARCHAR(16)   NOT NULL,     -- 2026-1 (Januari-Juni), 2026-2 (Juli-Desember)
    langkah      INT           NOT NULL,     -- the step's number; 0 = the SOP as a whole
    catatan      VARCHAR(2000),
    tindakan     VARCHAR(2000),
    diubah_oleh  VARCHAR(255),
    diubah_pada  TIMESTAMP,
    paraf_oleh   VARCHAR(255),               -- langkah 0 only: the Sekcam who initialled the form
    paraf_pada   TIMESTAMP,
    -- the figures frozen at the paraf (NULL before it): the form's row as it was initialled
    aktivitas    VARCHAR(1000),              -- langkah 0: the SOP's name
    peran        VARCHAR(255),
    waktu        VARCHAR(255),
    tinjauan     BOOLEAN,                    -- a review step (shows how often it sent the work back)
    dijalankan   INT,                        -- langkah 0: how many instances
    tepat_waktu  INT,
    persentase   DOUBLE PRECISION,           -- share on time, NULL when it has none
    median_detik BIGINT,                     -- working seconds, NULL when not done
    terlama_detik BIGINT,
    dikembalikan INT,
    masih_terbuka INT,
    penilaian    VARCHAR(32),                -- BAIK, TIDAK_BAIK, BELUM_DINILAI
    dasar        VARCHAR(1000),
    ambang       DOUBLE PRECISION,           -- langkah 0: the threshold in force
    PRIMARY KEY (kecamatan, kode, periode, langkah)
);
