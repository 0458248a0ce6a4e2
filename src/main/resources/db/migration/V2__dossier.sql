-- The dossier (berkas) of every SOP instance: its documents, one row per version (id.sopflow.dossier).
-- A row is never deleted; the only change is its withdrawal (ditarik_*), which keeps the bytes.
-- ${blobType}: BLOB on H2, BYTEA on PostgreSQL (spring.flyway.placeholders.blobType, application[-postgres].yaml).
CREATE TABLE SOPFLOW_DOKUMEN (
    id                     VARCHAR(36)    NOT NULL PRIMARY KEY,
    proses_instance_id     VARCHAR(64)    NOT NULL,
    kecamatan              VARCHAR(64),
    proses_key             VARCHAR(255)   NOT NULL,
    jenis                  VARCHAR(200)   NOT NULL,   -- a kind of the SOP's 'berkas'
    versi                  INT            NOT NULL,   -- 1, 2, ... per instance and kind
    langkah                INT            NOT NULL,   -- the step it was uploaded at
    aktivitas_instance_id  VARCHAR(64)    NOT NULL,   -- that visit of the step (a step returned to is a new visit)
    tugas_id               VARCHAR(64)    NOT NULL,
    nama_berkas            VARCHAR(255)   NOT NULL,
    jenis_isi              VARCHAR(100)   NOT NULL,
    ukuran                 BIGINT         NOT NULL,
    sha256                 CHAR(64)       NOT NULL,
    isi_ref                VARCHAR(255)   NOT NULL,   -- where the DocumentStore keeps the bytes
    catatan                VARCHAR(2000),
    diunggah_oleh          VARCHAR(255)   NOT NULL,
    diunggah_pada          TIMESTAMP      NOT NULL,
    ditarik_oleh           VARCHAR(255),
    ditarik_pada           TIMESTAMP,
    alasan_ditarik         VARCHAR(2000),
    CONSTRAINT SOPFLOW_DOKUMEN_VERSI UNIQUE (proses_instance_id, jenis, versi)
);
CREATE INDEX SOPFLOW_DOKUMEN_KUNJUNGAN ON SOPFLOW_DOKUMEN (aktivitas_instance_id);

-- The bytes of the documents kept in the database (the default DocumentStore), apart from their metadata.
CREATE TABLE SOPFLOW_DOKUMEN_ISI (
    id    VARCHAR(36)    NOT NULL PRIMARY KEY,
    isi   ${blobType}    NOT NULL
);

-- Every upload, download and withdrawal, for the instance's audit.
CREATE TABLE SOPFLOW_DOKUMEN_PERISTIWA (
    id                  VARCHAR(36)    NOT NULL PRIMARY KEY,
    dokumen_id          VARCHAR(36)    NOT NULL,
    proses_instance_id  VARCHAR(64)    NOT NULL,
    apa                 VARCHAR(20)    NOT NULL,   -- DIUNGGAH, DIUNDUH, DITARIK
    siapa               VARCHAR(255),
    kapan               TIMESTAMP      NOT NULL
);
CREATE INDEX SOPFLOW_DOKUMEN_PERISTIWA_INSTANCE ON SOPFLOW_DOKUMEN_PERISTIWA (proses_instance_id);
