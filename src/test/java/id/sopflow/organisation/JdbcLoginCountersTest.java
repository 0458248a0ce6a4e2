package id.sopflow.organisation;

import id.sopflow.organisation.LoginAttempts.Settings;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failed-login counters in the database: two application nodes, each with its own store and connections on one
 * database, count the same failures (plain JDBC on an in-memory H2, no Spring).
 */
class JdbcLoginCountersTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final String url = ((JdbcDataSource) LoginCountersDatabase.create()).getURL();
    private final LoginAttempts nodeA = node();
    private final LoginAttempts nodeB = node();

    /** A node: its own data source and store on the shared database. */
    private LoginAttempts node() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return new LoginAttempts(Settings.DEFAULTS, clock, new JdbcLoginCounters(dataSource, Settings.DEFAULTS));
    }

    @Test
    void failuresOnOneNodeSlowDownTheOther() {
        for (int i = 0; i < 5; i++) {
            assertThat(nodeA.attempt("192.0.2." + i, "camat.ajibarang").admitted()).isTrue();
        }

        LoginAttempts.Decision onB = nodeB.attempt("198.51.100.20", "camat.ajibarang");
        assertThat(onB.admitted()).as("node B knows the five failures of node A").isFalse();
        assertThat(onB.refusedFor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(nodeB.waitFor("198.51.100.20")).isEqualTo(Duration.ofSeconds(5));
        assertThat(nodeA.waitFor("198.51.100.20")).as("and node A the refusal of node B").isEqualTo(Duration.ofSeconds(5));

        clock.advance(Duration.ofSeconds(5));
        assertThat(nodeB.attempt("198.51.100.20", "camat.ajibarang").admitted()).isTrue();
        nodeB.succeeded("198.51.100.20", "camat.ajibarang");
        assertThat(nodeA.attempt("192.0.2.9", "camat.ajibarang").delayIfWrong()).as("the success on B forgets the account on A too")
                .isZero();
    }

    @Test
    void attemptsSentToBothNodesAtOnceAreCountedOneAfterTheOther() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> admitted = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            LoginAttempts node = i % 2 == 0 ? nodeA : nodeB;
            Callable<Boolean> attempt = () -> {
                start.await();
                return node.attempt("203.0.113.7", "admin").admitted();
            };
            admitted.add(threads.submit(attempt));
        }
        start.countDown();
        int checked = 0;
        for (Future<Boolean> result : admitted) {
            checked += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        threads.shutdown();

        assertThat(checked).as("only the five free failures are checked, whichever node they reach").isEqualTo(5);
        assertThat(nodeA.tracked()).isEqualTo(new LoginAttempts.Tracked(1, 1));
    }

    @Test
    void aSilentCounterLeavesTheTableWhenTheNextOneIsAdded() throws SQLException {
        nodeA.attempt("192.0.2.1", "pelaksana.ajibarang");
        clock.advance(Duration.ofHours(1));

        nodeB.attempt("192.0.2.2", "sekcam.ajibarang");

        assertThat(nodeA.tracked()).isEqualTo(new LoginAttempts.Tracked(1, 1));
        try (Connection connection = ((DataSource) dataSource()).getConnection();
             var rows = connection.createStatement().executeQuery("SELECT kunci FROM SOPFLOW_LOGIN_GAGAL ORDER BY kunci")) {
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            assertThat(keys).containsExactly("192.0.2.2", "sekcam.ajibarang");
        }
    }

    private JdbcDataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }
}
