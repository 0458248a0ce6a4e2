-- Issue 12, a cluster of nodes on one database: the web sessions and the failed-login counters live here, so that
-- any node serves any user and every node counts the same failures. Never edit once applied: a change is a new
-- V<n>__name.sql.

-- Spring Session JDBC's tables, as its own schema-h2.sql / schema-postgresql.sql (spring-session-jdbc 3.5) define
-- them; only the column of the serialized attributes differs per database (${blobType}: BLOB on H2, BYTEA on
-- PostgreSQL). Spring Session does not create them itself (spring.session.jdbc.initialize-schema: never).
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID             CHAR(36)      NOT NULL,
    SESSION_ID             CHAR(36)      NOT NULL,
    CREATION_TIME          BIGINT        NOT NULL,
    LAST_ACCESS_TIME       BIGINT        NOT NULL,
    MAX_INACTIVE_INTERVAL  INT           NOT NULL,
    EXPIRY_TIME            BIGINT        NOT NULL,
    PRINCIPAL_NAME         VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID  CHAR(36)      NOT NULL,
    ATTRIBUTE_NAME      VARCHAR(200)  NOT NULL,
    ATTRIBUTE_BYTES     ${blobType}   NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);

-- Failed logins per client address (jenis SUMBER) and per user id (jenis AKUN), id.sopflow.organisation.LoginAttempts.
-- Times in milliseconds since 1970 (UTC), like Spring Session's: the same on every node whatever its time zone.
CREATE TABLE SOPFLOW_LOGIN_GAGAL (
    jenis            VARCHAR(10)  NOT NULL,   -- SUMBER, AKUN
    kunci            VARCHAR(64)  NOT NULL,   -- the address (IPv6: its /64) or the user id in lower case
    gagal            INT          NOT NULL,   -- failures counted
    terakhir_pada    BIGINT       NOT NULL,   -- the last attempt (a counter silent for forget-after starts again)
    tunggu_sampai    BIGINT       NOT NULL,   -- no attempt is checked before this
    ditolak_sampai   BIGINT       NOT NULL,   -- a source: how long its last refused attempt had to wait
    PRIMARY KEY (jenis, kunci)
);
CREATE INDEX SOPFLOW_LOGIN_GAGAL_TERAKHIR ON SOPFLOW_LOGIN_GAGAL (jenis, terakhir_pada);
