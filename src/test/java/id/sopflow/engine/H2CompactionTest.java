package id.sopflow.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code WRITE_DELAY=0} (the app's URL) H2 never compacts by itself; {@link H2FileCompaction} run now and
 * then keeps the file small. The retention time is 0 here ({@code RETENTION_TIME=0}) so that freed chunks are
 * reused at once instead of after 45 s: no waiting on the wall clock.
 */
class H2CompactionTest {

    private static final String FLAGS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0";

    private static final int ROWS = 2_000;

    @TempDir
    Path dir;

    @Test
    void compactingNowAndThenKeepsTheFileSmall() throws SQLException {
        Stats without = run("tanpa", 3_000, 0);
        Stats with = run("dengan", 3_000, 250);
        System.out.printf("tanpa pemadatan: %d KB, %d chunk; dengan: %d KB, %d chunk%n",
                without.size / 1024, without.chunks, with.size / 1024, with.chunks);
        assertThat(without.size).isGreaterThan(5L * 1024 * 1024);
        // measured: 14.4 MB and 816 chunks without, 6.7 MB and 296 chunks with a compaction every 250 transactions
        assertThat(with.size).isLessThan(without.size * 2 / 3);
        assertThat(with.chunks).isLessThan(without.chunks / 2);
    }

    @Test
    void oneCompactionFreesMostChunks() throws SQLException {
        String url = url("sekali");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            createTable(connection);
            transactions(connection, 2_000, 0, 0);
            int chunksBefore = chunks(connection);
            H2FileCompaction.Result result = H2FileCompaction.compact(connection);
            transactions(connection, 20, 2_000, 0);
            int chunksAfter = chunks(connection);
            System.out.printf("chunk %d -> %d, pengisian %d%% -> %d%%, berkas %d KB -> %d KB%n", chunksBefore,
                    chunksAfter, result.fillRateBefore(), result.fillRateAfter(),
                    result.sizeBefore() / 1024, result.sizeAfter() / 1024);
            assertThat(chunksAfter).isLessThan(chunksBefore / 5); // measured: 634 -> 61
        }
    }

    @Test
    void onlyAnEmbeddedH2FileIsCompacted() {
        assertThat(H2FileCompaction.isH2FileUrl("jdbc:h2:file:./data/sopflow;WRITE_DELAY=0")).isTrue();
        assertThat(H2FileCompaction.isH2FileUrl("jdbc:h2:./data/sopflow")).isTrue();
        assertThat(H2FileCompaction.isH2FileUrl("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isFalse();
        assertThat(H2FileCompaction.isH2FileUrl("jdbc:h2:tcp://localhost/sopflow")).isFalse();
        assertThat(H2FileCompaction.isH2FileUrl("jdbc:postgresql://db:5432/sopflow")).isFalse();
        assertThat(H2FileCompaction.isH2FileUrl("")).isFalse();
        assertThat(H2FileCompaction.isH2FileUrl(null)).isFalse();
    }

    private Stats run(String name, int count, int compactEvery) throws SQLException {
        String url = url(name);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            createTable(connection);
            transactions(connection, count, 0, compactEvery);
            return new Stats(H2FileCompaction.mvStore(connection).getFileStore().size(), chunks(connection));
        }
    }

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + FLAGS;
    }

    private static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE STEP (ID INT PRIMARY KEY, STATE VARCHAR(400))");
            statement.execute("CREATE TABLE HISTORY (ID INT PRIMARY KEY, STEP INT, NOTE VARCHAR(400))");
            statement.execute("CREATE INDEX HISTORY_STEP ON HISTORY (STEP)");
            statement.execute("INSERT INTO STEP SELECT X, REPEAT('a', 300) FROM SYSTEM_RANGE(1, " + ROWS + ")");
        }
    }

    /** Small engine-like transactions: one row updated, one history row added, committed each. */
    private static void transactions(Connection connection, int count, int firstId, int compactEvery)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE STEP SET STATE = ? WHERE ID = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO HISTORY VALUES (?, ?, ?)")) {
            for (int i = firstId; i < firstId + count; i++) {
                for (int row = 0; row < 3; row++) { // rows spread over the table, as the engine's are
                    update.setString(1, ("langkah " + i + " ").repeat(20));
                    update.setInt(2, 1 + (int) ((i * 7_919L + row * 104_729L) % ROWS));
                    update.executeUpdate();
                }
                insert.setInt(1, i);
                insert.setInt(2, 1 + (int) ((i * 7_919L) % ROWS));
                insert.setString(3, ("selesai " + i + " ").repeat(10));
                insert.executeUpdate();
                if (compactEvery > 0 && (i + 1) % compactEvery == 0) {
                    H2FileCompaction.compact(connection);
                }
            }
        }
    }

    private static int chunks(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNK_COUNT'")) {
            rows.next();
            return Integer.parseInt(rows.getString(1));
        }
    }

    private record Stats(long size, int chunks) {
    }
}
