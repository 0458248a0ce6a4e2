package id.sopflow.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * The failed-login counters in table {@code SOPFLOW_LOGIN_GAGAL} (Flyway migration V4), shared by every node on
 * the database. A {@link #change} is one transaction that locks the rows of its source and account
 * ({@code SELECT ... FOR UPDATE}, in key order) before it computes the new counters, so that attempts sent to
 * several nodes at the same moment are counted one after the other. The first failure of a key inserts its row;
 * when another node inserted it at the same moment, or the database ends one of two waiting transactions, the
 * change runs again. Plain JDBC, the same SQL on H2 and PostgreSQL.
 *
 * <p>After a change that added a row, counters silent for {@code forgetAfter} are deleted and, when a kind has more
 * than {@code maxTracked}, the least recently used ones down to nine tenths of it (never the one just written), so
 * that the clean-up runs once per many added rows, not for each.
 */
final class JdbcLoginCounters implements LoginCounters {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcLoginCounters.class);
    private static final String SOURCE = "SUMBER";
    private static final String ACCOUNT = "AKUN";
    private static final int ATTEMPTS = 10;

    private final DataSource dataSource;
    private final Duration forgetAfter;
    private final int maxTracked;

    JdbcLoginCounters(DataSource dataSource, LoginAttempts.Settings settings) {
        this.dataSource = dataSource;
        this.forgetAfter = settings.forgetAfter();
        this.maxTracked = settings.maxTracked();
    }

    @Override
    public <T> T change(String source, String account, Change<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return changeOnce(source, account, change);
            } catch (SQLException e) {
                if (!retryable(e) || attempt == ATTEMPTS) {
                    throw new IllegalStateException("Penghitung percobaan masuk tidak dapat diperbarui", e);
                }
            }
        }
    }

    private <T> T changeOnce(String source, String account, Change<T> change) throws SQLException {
        Changed<T> changed;
        boolean added = false;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Counter storedSource = null;
                Counter storedAccount = null;
                try (PreparedStatement select = connection.prepareStatement("SELECT jenis, gagal, terakhir_pada, tunggu_sampai, ditolak_sampai "
                        + "FROM SOPFLOW_LOGIN_GAGAL WHERE (jenis = ? AND kunci = ?) OR (jenis = ? AND kunci = ?) ORDER BY jenis, kunci FOR UPDATE")) {
                    select.setString(1, SOURCE);
                    select.setString(2, source);
                    select.setString(3, ACCOUNT);
                    select.setString(4, account);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            Counter counter = counter(rows);
                            if (SOURCE.equals(rows.getString(1))) {
                                storedSource = counter;
                            } else {
                                storedAccount = counter;
                            }
                        }
                    }
                }
                changed = change.apply(storedSource, storedAccount);
                added |= write(connection, SOURCE, source, storedSource, changed.source());
                added |= write(connection, ACCOUNT, account, storedAccount, changed.account());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        if (added) {
            Instant now = later(changed.source(), changed.account());
            forget(now, source, account);
        }
        return changed.answer();
    }

    /** Stores {@code counter} (null: nothing to store); whether a row was added. */
    private static boolean write(Connection connection, String kind, String key, Counter stored, Counter counter) throws SQLException {
        if (counter == null) {
            return false;
        }
        String sql = stored == null
                ? "INSERT INTO SOPFLOW_LOGIN_GAGAL (gagal, terakhir_pada, tunggu_sampai, ditolak_sampai, jenis, kunci) VALUES (?, ?, ?, ?, ?, ?)"
                : "UPDATE SOPFLOW_LOGIN_GAGAL SET gagal = ?, terakhir_pada = ?, tunggu_sampai = ?, ditolak_sampai = ? WHERE jenis = ? AND kunci = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, counter.failures());
            statement.setLong(2, counter.lastSeen().toEpochMilli());
            statement.setLong(3, counter.blockedUntil().toEpochMilli());
            statement.setLong(4, counter.refusedUntil().toEpochMilli());
            statement.setString(5, kind);
            statement.setString(6, key);
            statement.executeUpdate();
        }
        return stored == null;
    }

    /** Deletes the counters silent for {@code forgetAfter}, then the least recently used beyond {@code maxTracked}. */
    private void forget(Instant now, String source, String account) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement silent = connection.prepareStatement("DELETE FROM SOPFLOW_LOGIN_GAGAL WHERE terakhir_pada <= ?")) {
                silent.setLong(1, now.minus(forgetAfter).toEpochMilli());
                silent.executeUpdate();
            }
            keepMostRecent(connection, SOURCE, source);
            keepMostRecent(connection, ACCOUNT, account);
        } catch (SQLException e) {
            // the counters stay correct; only the clean-up waits for the next added row
            LOG.warn("Penghitung percobaan masuk lama tidak dapat dihapus: {}", e.getMessage());
        }
    }

    private void keepMostRecent(Connection connection, String kind, String justWritten) throws SQLException {
        if (count(connection, kind) <= maxTracked) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM SOPFLOW_LOGIN_GAGAL WHERE jenis = ? AND kunci <> ? "
                + "AND kunci NOT IN (SELECT kunci FROM SOPFLOW_LOGIN_GAGAL WHERE jenis = ? AND kunci <> ? "
                + "ORDER BY terakhir_pada DESC, kunci FETCH FIRST ? ROWS ONLY)")) {
            delete.setString(1, kind);
            delete.setString(2, justWritten);
            delete.setString(3, kind);
            delete.setString(4, justWritten);
            delete.setInt(5, Math.max(0, maxTracked * 9 / 10 - 1));
            delete.executeUpdate();
        }
    }

    @Override
    public Counter source(String source) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT jenis, gagal, terakhir_pada, tunggu_sampai, ditolak_sampai "
                     + "FROM SOPFLOW_LOGIN_GAGAL WHERE jenis = ? AND kunci = ?")) {
            select.setString(1, SOURCE);
            select.setString(2, source);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? counter(rows) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Penghitung percobaan masuk tidak dapat dibaca", e);
        }
    }

    @Override
    public void remove(String source, String account) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM SOPFLOW_LOGIN_GAGAL "
                     + "WHERE (jenis = ? AND kunci = ?) OR (jenis = ? AND kunci = ?)")) {
            delete.setString(1, SOURCE);
            delete.setString(2, source);
            delete.setString(3, ACCOUNT);
            delete.setString(4, account);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Penghitung percobaan masuk tidak dapat dihapus", e);
        }
    }

    @Override
    public void clear() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM SOPFLOW_LOGIN_GAGAL")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Penghitung percobaan masuk tidak dapat dihapus", e);
        }
    }

    @Override
    public LoginAttempts.Tracked tracked() {
        try (Connection connection = dataSource.getConnection()) {
            return new LoginAttempts.Tracked(count(connection, SOURCE), count(connection, ACCOUNT));
        } catch (SQLException e) {
            throw new IllegalStateException("Penghitung percobaan masuk tidak dapat dibaca", e);
        }
    }

    private static int count(Connection connection, String kind) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM SOPFLOW_LOGIN_GAGAL WHERE jenis = ?")) {
            count.setString(1, kind);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Counter counter(ResultSet row) throws SQLException {
        return new Counter(row.getInt(2), Instant.ofEpochMilli(row.getLong(3)), Instant.ofEpochMilli(row.getLong(4)),
                Instant.ofEpochMilli(row.getLong(5)));
    }

    /** A duplicate key (another node added the same row first), a deadlock or a lock wait that ran out: run again. */
    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.equals("23505") || state.startsWith("40") || state.equals("HYT00") || state.equals("55P03"));
    }

    private static Instant later(Counter a, Counter b) {
        Instant first = a == null ? Instant.EPOCH : a.lastSeen();
        Instant second = b == null ? Instant.EPOCH : b.lastSeen();
        return first.isAfter(second) ? first : second;
    }
}
