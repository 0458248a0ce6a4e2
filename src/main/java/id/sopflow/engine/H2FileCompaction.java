package id.sopflow.engine;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Compacts the file of an embedded H2 database while it is open and in use.
 *
 * <p>With {@code WRITE_DELAY=0} H2 starts no background writer, so its MVStore never rewrites half-empty
 * chunks: every commit appends a chunk and the file grows by ~180 KB per engine step. {@link #compact}
 * does what the background writer would: it rewrites the live pages of the chunks that are mostly empty
 * ({@link MVStore#compact(int, int)}), so that the old chunks are freed once the store's retention time
 * (45 s by default) has passed and their space is reused by later commits. It takes the store lock only
 * for a bounded amount of writing and leaves the retention time alone, unlike {@link MVStore#compactFile},
 * which sets it to 0 for good and is meant for a store nobody else is using.
 *
 * <p>Uses H2's internals ({@code SessionLocal}, {@code MVStore}): check this class on an H2 upgrade.
 */
final class H2FileCompaction {

    /** Chunks less full than this are rewritten (percent). */
    static final int TARGET_FILL_RATE = 90;

    /** Most bytes rewritten per call of {@link MVStore#compact}: bounds how long the store is locked. */
    static final int MAX_WRITE_BYTES = 16 * 1024 * 1024;

    /** Most calls of {@link MVStore#compact} per run (while it still finds chunks to rewrite). */
    static final int MAX_ROUNDS = 8;

    private H2FileCompaction() {
    }

    /** Whether {@code url} names an embedded H2 database in a file (not in memory, not over TCP). */
    static boolean isH2FileUrl(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return !rest.startsWith("mem:") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:");
    }

    /**
     * Compacts the store behind {@code connection}, an (unwrappable) embedded H2 connection.
     *
     * @return the file size and chunk fill rate before and after
     */
    static Result compact(Connection connection) throws SQLException {
        MVStore store = mvStore(connection);
        long sizeBefore = store.getFileStore().size();
        int fillBefore = store.getFileStore().getChunksFillRate();
        int rounds = 0;
        while (rounds < MAX_ROUNDS && store.compact(TARGET_FILL_RATE, MAX_WRITE_BYTES)) {
            rounds++;
        }
        store.commit();
        return new Result(sizeBefore, store.getFileStore().size(), fillBefore,
                store.getFileStore().getChunksFillRate(), rounds);
    }

    /** The MVStore of the database behind {@code connection}. */
    static MVStore mvStore(Connection connection) throws SQLException {
        JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
        return ((SessionLocal) h2.getSession()).getDatabase().getStore().getMvStore();
    }

    /** What one run did: file size in bytes and chunk fill rate in percent, before and after. */
    record Result(long sizeBefore, long sizeAfter, int fillRateBefore, int fillRateAfter, int rounds) {
    }
}
