-- The Sekcam's assessment of how an SOP ran (issue 14, Monitoring Pelaksanaan SOP AP, Permenpan RB 35/2012): per
-- kecamatan, SOP (kode), period (semester, e.g. 2026-1) and step the Catatan Hasil Penilaian and the Tindakan yang Harus
-- Diambil; langkah 0 is the SOP as a whole and holds the paraf (who initialled the form, when). The figures themselves are
-- computed from Camunda's history, never stored. Standard SQL: H2 and PostgreSQL. Never edit once applied: a change is a
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
    PRIMARY KEY (kecamatan, kode, periode, langkah)
);
