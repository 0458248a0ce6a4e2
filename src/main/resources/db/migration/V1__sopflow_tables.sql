-- SOPflow's own tables, beside Camunda's (ACT_*, which the engine creates itself). Applied by Flyway, once;
-- never edit this file once released: a change is a new V<n>__name.sql.
-- The statements are idempotent (IF NOT EXISTS) because installations made before Flyway already have these
-- tables (from the former schema.sql): Flyway baselines such a database at version 0 and then runs V1 on it
-- (spring.flyway.baseline-on-migrate, baseline-version: 0 in application.yaml). H2 2.x and PostgreSQL alike.

-- Closed days added by the admin at run time (on top of config/kalender/libur/*.yaml).
CREATE TABLE IF NOT EXISTS SOPFLOW_HARI_LIBUR (
    tanggal     DATE          NOT NULL,
    kecamatan   VARCHAR(64)   NOT NULL,  -- '*' = every kecamatan
    nama        VARCHAR(255)  NOT NULL,
    jenis       VARCHAR(20)   NOT NULL,
    sumber      VARCHAR(500)  NOT NULL,
    dibuat_oleh VARCHAR(255)  NOT NULL,
    dibuat_pada TIMESTAMP     NOT NULL,
    PRIMARY KEY (tanggal, kecamatan)
);

-- Reminders, overdue steps and escalations recorded by the mutu baku timers.
CREATE TABLE IF NOT EXISTS SOPFLOW_PERINGATAN (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    kunci               VARCHAR(200)  NOT NULL UNIQUE,   -- task or instance + kind: recorded once
    jenis               VARCHAR(20)   NOT NULL,          -- PENGINGAT, TERLAMBAT, ESKALASI, TENGGAT_LAPORAN
    proses_instance_id  VARCHAR(64)   NOT NULL,
    proses_key          VARCHAR(255)  NOT NULL,
    business_key        VARCHAR(255),
    kecamatan           VARCHAR(64),
    langkah             INT,
    aktivitas_id        VARCHAR(255),
    nama_langkah        VARCHAR(4000),
    tugas_id            VARCHAR(64),
    pemegang            VARCHAR(255),
    waktu               VARCHAR(100),
    mulai               TIMESTAMP,
    tenggat             TIMESTAMP     NOT NULL,
    dicatat_pada        TIMESTAMP     NOT NULL,
    diberitahukan_ke    VARCHAR(255)  NOT NULL,
    selesai_pada        TIMESTAMP
);
CREATE INDEX IF NOT EXISTS SOPFLOW_PERINGATAN_KEC ON SOPFLOW_PERINGATAN (kecamatan, selesai_pada);
CREATE INDEX IF NOT EXISTS SOPFLOW_PERINGATAN_TUGAS ON SOPFLOW_PERINGATAN (tugas_id);

-- Notifications for a group (of one kecamatan) or a user; read on the web.
CREATE TABLE IF NOT EXISTS SOPFLOW_PEMBERITAHUAN (
    id             VARCHAR(64)   NOT NULL PRIMARY KEY,
    peringatan_id  VARCHAR(64)   NOT NULL,
    kecamatan      VARCHAR(64),
    grup           VARCHAR(64),
    pengguna       VARCHAR(255),
    pesan          VARCHAR(4000) NOT NULL,
    dibuat_pada    TIMESTAMP     NOT NULL,
    dibaca_pada    TIMESTAMP
);
CREATE INDEX IF NOT EXISTS SOPFLOW_PEMBERITAHUAN_TUJUAN ON SOPFLOW_PEMBERITAHUAN (kecamatan, grup);
