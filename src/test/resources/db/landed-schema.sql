-- A copy of src/main/resources/schema.sql as it was released before Flyway (commit ba91d71), when Spring ran
-- it at every start (spring.sql.init.mode=always). MigrationsTest and DatabaseMigrationIT build "an existing
-- installation" with it and check that the Flyway migrations (db/migration) take it over. Do not update it.

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
