package id.sopflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SOPflow's tables come from the Flyway migrations (classpath:db/migration) with the baseline settings of
 * application.yaml, on every database the application may meet: an empty one, one made by the schema.sql that
 * was released before Flyway (src/test/resources/db/landed-schema.sql), with or without Camunda's tables, and
 * one already migrated (a restart). Each ends with the same SOPFLOW_* tables, columns, keys and indexes.
 */
class MigrationsTest {

    private static final List<String> MIGRATED = List.of("1 SQL sopflow tables ok", "2 SQL dossier ok", "3 SQL bappeda ok",
            "4 SQL sessions and login attempts ok", "5 SQL peringatan halaman ok", "6 SQL penilaian sop ok",
            "7 SQL peringatan terbuka ok");
    private static final List<String> BASELINED_THEN_MIGRATED = List.of("0 BASELINE << Flyway Baseline >> ok", "1 SQL sopflow tables ok",
            "2 SQL dossier ok", "3 SQL bappeda ok", "4 SQL sessions and login attempts ok", "5 SQL peringatan halaman ok", "6 SQL penilaian sop ok",
            "7 SQL peringatan terbuka ok");

    @Test
    void anEmptyDatabaseGetsExactlyTheTablesOfTheLandedSchemaSql() throws SQLException {
        DataSource landed = database();
        run(landed, "RUNSCRIPT FROM 'classpath:/db/landed-schema.sql'");
        DataSource empty = database();

        assertThat(flyway(empty).migrate().migrationsExecuted).isEqualTo(MIGRATED.size());

        assertThat(history(empty)).isEqualTo(MIGRATED);
        // V1 makes exactly the landed tables; V2 adds the dossier's, V3 Bappeda's submissions, V4 the failed-login counters,
        // V5 the alert lists' indexes, V6 the Sekcam's assessments of the compliance report, V7 the open alerts' indexes
        assertThat(schema(empty)).contains("SOPFLOW_PENILAIAN_SOP PRIMARY KEY (KECAMATAN, KODE, PERIODE, LANGKAH)",
                "SOPFLOW_PENILAIAN_SOP.PARAF_OLEH CHARACTER VARYING(255) NULL");
        assertThat(schema(empty)).contains("index SOPFLOW_PERINGATAN_DAFTAR (KECAMATAN, JENIS, SELESAI_PADA, TENGGAT, ID)",
                "index SOPFLOW_PERINGATAN_TERBUKA (SELESAI_PADA, TENGGAT, ID)");
        assertThat(schema(empty).stream().filter(line -> !line.contains("SOPFLOW_DOKUMEN") && !line.contains("SOPFLOW_KIRIMAN") && !line.contains("SOPFLOW_TANDA_TERIMA")
                && !line.contains("SOPFLOW_LOGIN_GAGAL") && !line.contains("SOPFLOW_PENILAIAN_SOP") && !line.contains("SOPFLOW_PERINGATAN_DAFTAR") && !line.contains("SOPFLOW_PERINGATAN_TERBUKA"))
                .toList()).isEqualTo(schema(landed)).contains(
                "SOPFLOW_HARI_LIBUR.TANGGAL DATE NOT NULL", "SOPFLOW_PERINGATAN.KUNCI CHARACTER VARYING(200) NOT NULL",
                "SOPFLOW_PEMBERITAHUAN.DIBACA_PADA TIMESTAMP NULL", "index SOPFLOW_PERINGATAN_KEC (KECAMATAN, SELESAI_PADA)",
                "SOPFLOW_PERINGATAN UNIQUE (KUNCI)");
        assertRestartChangesNothing(empty, MIGRATED);
    }

    @Test
    void aDatabaseOfTheLandedSchemaSqlIsBaselinedAndKeepsItsRows() throws SQLException {
        DataSource empty = database();
        flyway(empty).migrate();
        DataSource landed = database();
        run(landed, "RUNSCRIPT FROM 'classpath:/db/landed-schema.sql'");
        run(landed, "INSERT INTO SOPFLOW_HARI_LIBUR VALUES (DATE '2026-06-20', '*', 'Hari Jadi Kabupaten', "
                + "'LIBUR_LOKAL', 'Perda', 'admin', TIMESTAMP '2026-01-05 09:00:00')");

        assertThat(flyway(landed).migrate().migrationsExecuted).isEqualTo(MIGRATED.size());

        assertThat(history(landed)).isEqualTo(BASELINED_THEN_MIGRATED);
        assertThat(schema(landed)).isEqualTo(schema(empty));
        assertThat(count(landed, "SOPFLOW_HARI_LIBUR")).isEqualTo(1);
        assertRestartChangesNothing(landed, BASELINED_THEN_MIGRATED);
    }

    @Test
    void aDatabaseOfTheLandedSchemaSqlAndCamundasTablesIsBaselinedToo() throws SQLException {
        DataSource empty = database();
        flyway(empty).migrate();
        DataSource landed = database();
        run(landed, "RUNSCRIPT FROM 'classpath:/db/landed-schema.sql'");
        ProcessEngine engine = TestProcessEngine.create(landed, Map.of());
        engine.close();
        long camundaTables = camundaTables(landed);
        assertThat(camundaTables).as("Camunda's ACT_* tables").isGreaterThan(40);

        assertThat(flyway(landed).migrate().migrationsExecuted).isEqualTo(MIGRATED.size());

        assertThat(history(landed)).isEqualTo(BASELINED_THEN_MIGRATED);
        assertThat(schema(landed)).isEqualTo(schema(empty));
        assertThat(camundaTables(landed)).isEqualTo(camundaTables);
        assertRestartChangesNothing(landed, BASELINED_THEN_MIGRATED);
    }

    /** A second start applies nothing and leaves history and tables as they were. */
    private static void assertRestartChangesNothing(DataSource dataSource, List<String> history) throws SQLException {
        List<String> before = schema(dataSource);
        assertThat(flyway(dataSource).migrate().migrationsExecuted).isZero();
        assertThat(history(dataSource)).isEqualTo(history);
        assertThat(schema(dataSource)).isEqualTo(before);
    }

    // --- the application's settings -----------------------------------------------------------------------

    /** Flyway as the application configures it: spring.flyway.* of application.yaml. */
    @SuppressWarnings("unchecked")
    private static Flyway flyway(DataSource dataSource) {
        Map<String, Object> settings = flywaySettings();
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders((Map<String, String>) settings.get("placeholders"))
                .baselineOnMigrate((Boolean) settings.get("baseline-on-migrate"))
                .baselineVersion(String.valueOf(settings.get("baseline-version")))
                .load();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flywaySettings() {
        try (InputStream in = MigrationsTest.class.getResourceAsStream("/application.yaml")) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> spring = (Map<String, Object>) root.get("spring");
            return (Map<String, Object>) spring.get("flyway");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- databases -----------------------------------------------------------------------------------------

    private static DataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    private static void run(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Version, type, description and outcome of every version in Flyway's history, in order. */
    private static List<String> history(DataSource dataSource) throws SQLException {
        return rows(dataSource, "SELECT \"version\", \"type\", \"description\", \"success\" FROM \"flyway_schema_history\" "
                + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"", r -> r.getString(1) + " " + r.getString(2) + " " + r.getString(3)
                + (r.getBoolean(4) ? " ok" : " GAGAL"));
    }

    /** The SOPFLOW_* tables: every column with type and nullability, the keys, the named indexes. */
    private static List<String> schema(DataSource dataSource) throws SQLException {
        List<String> schema = new ArrayList<>(rows(dataSource, """
                SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE
                FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'SOPFLOW\\_%'
                ORDER BY TABLE_NAME, ORDINAL_POSITION""", r -> r.getString(1) + "." + r.getString(2) + " " + r.getString(3)
                + (r.getObject(4) == null ? "" : "(" + r.getLong(4) + ")") + ("YES".equals(r.getString(5)) ? " NULL" : " NOT NULL")));
        schema.addAll(rows(dataSource, """
                SELECT tc.TABLE_NAME, tc.CONSTRAINT_TYPE, LISTAGG(kcu.COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY kcu.ORDINAL_POSITION)
                FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu
                  ON kcu.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                WHERE tc.TABLE_SCHEMA = 'PUBLIC' AND tc.TABLE_NAME LIKE 'SOPFLOW\\_%'
                GROUP BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE
                ORDER BY 1, 2, 3""", r -> r.getString(1) + " " + r.getString(2) + " (" + r.getString(3) + ")"));
        schema.addAll(rows(dataSource, """
                SELECT i.INDEX_NAME, LISTAGG(ic.COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY ic.ORDINAL_POSITION)
                FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS ic
                  ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND ic.INDEX_NAME = i.INDEX_NAME
                WHERE i.INDEX_SCHEMA = 'PUBLIC' AND i.INDEX_NAME LIKE 'SOPFLOW\\_%'
                GROUP BY i.INDEX_NAME ORDER BY 1""", r -> "index " + r.getString(1) + " (" + r.getString(2) + ")"));
        return schema;
    }

    private static long camundaTables(DataSource dataSource) throws SQLException {
        return rows(dataSource, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                + "AND TABLE_NAME LIKE 'ACT\\_%'", r -> r.getLong(1)).get(0);
    }

    private static long count(DataSource dataSource, String table) throws SQLException {
        return rows(dataSource, "SELECT COUNT(*) FROM " + table, r -> r.getLong(1)).get(0);
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> rows(DataSource dataSource, String sql, Row<T> row) throws SQLException {
        List<T> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                result.add(row.read(r));
            }
        }
        return result;
    }
}
