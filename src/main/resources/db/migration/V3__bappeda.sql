-- What kecamatan send to Bappeda (issue 11): one submission per instance and sending step; a re-sending after Bappeda
-- returned it is a new version of the same submission. Never edit once applied: a change is a new V<n>__name.sql.
CREATE TABLE SOPFLOW_KIRIMAN (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    proses_instance_id  VARCHAR(64)   NOT NULL,
    langkah             INT           NOT NULL,
    kecamatan           VARCHAR(64)   NOT NULL,
    proses_key          VARCHAR(255)  NOT NULL,
    nama_sop            VARCHAR(1000) NOT NULL,
    dokumen             VARCHAR(255)  NOT NULL,
    business_key        VARCHAR(255),
    tahun               INT           NOT NULL,
    bulan               INT,                        -- the month of a monthly report (RFK/TEPPA); null for a yearly one
    versi               INT           NOT NULL,
    status              VARCHAR(20)   NOT NULL,     -- TERKIRIM, DITERIMA, DIKEMBALIKAN
    dikirim_oleh        VARCHAR(255),
    dikirim_pada        TIMESTAMP     NOT NULL,
    dijawab_oleh        VARCHAR(255),
    dijawab_pada        TIMESTAMP,
    catatan             VARCHAR(4000),              -- why Bappeda returned it
    nomor_tanda_terima  VARCHAR(64),
    CONSTRAINT SOPFLOW_KIRIMAN_LANGKAH UNIQUE (proses_instance_id, langkah),
    CONSTRAINT SOPFLOW_KIRIMAN_TANDA_TERIMA UNIQUE (nomor_tanda_terima)
);
CREATE INDEX SOPFLOW_KIRIMAN_CARI ON SOPFLOW_KIRIMAN (tahun, kecamatan, proses_key);

-- The documents of each version, as they were when sent (a version of the dossier's document).
CREATE TABLE SOPFLOW_KIRIMAN_DOKUMEN (
    kiriman_id   VARCHAR(64)  NOT NULL,
    versi        INT          NOT NULL,
    dokumen_id   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (kiriman_id, versi, dokumen_id)
);

-- Every sending and every answer, oldest first.
CREATE TABLE SOPFLOW_KIRIMAN_RIWAYAT (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    kiriman_id          VARCHAR(64)   NOT NULL,
    versi               INT           NOT NULL,
    apa                 VARCHAR(20)   NOT NULL,     -- DIKIRIM, DITERIMA, DIKEMBALIKAN
    siapa               VARCHAR(255),
    kapan               TIMESTAMP     NOT NULL,
    catatan             VARCHAR(4000),
    nomor_tanda_terima  VARCHAR(64)
);
CREATE INDEX SOPFLOW_KIRIMAN_RIWAYAT_KIRIMAN ON SOPFLOW_KIRIMAN_RIWAYAT (kiriman_id);

-- The tanda terima numbers: one sequence per year, taken under a row lock.
CREATE TABLE SOPFLOW_TANDA_TERIMA_URUT (
    tahun      INT  NOT NULL PRIMARY KEY,
    terakhir   INT  NOT NULL
);
