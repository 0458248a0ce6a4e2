package id.sopflow.organisation;

import id.sopflow.organisation.LoginAttempts.Decision;
import id.sopflow.organisation.LoginAttempts.Settings;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginAttemptsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final String ATTACKER = "203.0.113.7";
    private static final String OFFICE = "198.51.100.20";

    private final MovableClock clock = new MovableClock(T0);
    private final DataSource database = LoginCountersDatabase.create();
    private final LoginAttempts attempts = new LoginAttempts(Settings.DEFAULTS, clock, new JdbcLoginCounters(database, Settings.DEFAULTS));

    /** A wrong password, once the attempt is admitted; returns how long the next attempt must wait. */
    private Duration fail(String source, String account) {
        Decision decision = attempts.attempt(source, account);
        assertThat(decision.admitted()).as("%s / %s diperiksa", source, account).isTrue();
        return decision.delayIfWrong();
    }

    /** Wrong passwords, each as soon as it is admitted (the clock moves past each wait, the last one too); the waits. */
    private List<Duration> failRepeatedly(int times, String source, String account) {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Duration wait = fail(source, account);
            waits.add(wait);
            clock.advance(wait);
        }
        return waits;
    }

    private static List<Duration> seconds(long... values) {
        List<Duration> list = new ArrayList<>();
        for (long v : values) {
            list.add(Duration.ofSeconds(v));
        }
        return list;
    }

    @Test
    void fiveFailuresAreFreeThenTheAccountWaitDoublesUpToThirtySeconds() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Duration wait = fail("192.0.2." + i, "camat.ajibarang"); // a new source each time: only the account counts
            waits.add(wait);
            clock.advance(wait);
        }

        assertThat(waits).isEqualTo(seconds(0, 0, 0, 0, 5, 10, 20, 30, 30));
    }

    @Test
    void oneSourceWaitsLongerAndLongerUpToFifteenMinutes() {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Duration wait = fail(ATTACKER, "tebakan." + i); // a new account each time: only the source counts
            waits.add(wait);
            clock.advance(wait);
        }

        assertThat(waits).isEqualTo(seconds(0, 0, 0, 0, 5, 10, 20, 40, 80, 160, 320, 640, 900, 900, 900));
    }

    @Test
    void duringTheWaitAnAttemptIsRefusedWithoutCountingAndTheWaitEndsExactly() {
        failRepeatedly(4, ATTACKER, "admin");
        assertThat(fail(ATTACKER, "admin")).isEqualTo(Duration.ofSeconds(5));

        for (int i = 0; i < 100; i++) {
            assertThat(attempts.attempt(ATTACKER, "admin").admitted()).isFalse();
        }
        clock.advance(Duration.ofSeconds(5).minusMillis(1));
        assertThat(attempts.attempt(ATTACKER, "admin").refusedFor()).isEqualTo(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(1));
        assertThat(fail(ATTACKER, "admin")).as("100 penolakan tidak dihitung: hanya sekali dilipatgandakan").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anAttackerCannotKeepTheRealUserOut() {
        failRepeatedly(19, ATTACKER, "admin");
        fail(ATTACKER, "admin");

        Decision realUser = attempts.attempt(OFFICE, "admin");
        Decision attacker = attempts.attempt(ATTACKER, "admin");

        assertThat(realUser.refusedFor()).as("dari alamat lain: paling lama jeda akun").isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(attacker.refusedFor()).as("sumber penyerang: jeda panjang").isGreaterThan(Duration.ofMinutes(5));
        clock.advance(realUser.refusedFor());
        assertThat(attempts.attempt(OFFICE, "admin").admitted()).isTrue();
        attempts.succeeded(OFFICE, "admin");
        assertThat(attempts.attempt(OFFICE, "admin").admitted()).as("berhasil masuk: akun dilupakan").isTrue();
        assertThat(attempts.attempt(ATTACKER, "admin").admitted()).as("sumber penyerang tetap menunggu").isFalse();
    }

    @Test
    void aSuccessfulLoginForgetsThatSourceAndThatAccount() {
        failRepeatedly(4, OFFICE, "camat.ajibarang");
        assertThat(attempts.attempt(OFFICE, "camat.ajibarang").admitted()).isTrue();
        attempts.succeeded(OFFICE, "camat.ajibarang");

        assertThat(failRepeatedly(5, OFFICE, "camat.ajibarang")).isEqualTo(seconds(0, 0, 0, 0, 5));
    }

    @Test
    void attemptsSentAtTheSameMomentCountBeforeTheirPasswordIsChecked() {
        for (int i = 0; i < 5; i++) {
            assertThat(attempts.attempt(ATTACKER, "admin").admitted()).as("percobaan serentak ke-" + (i + 1)).isTrue();
        }

        assertThat(attempts.attempt(ATTACKER, "admin").admitted()).as("yang keenam, sebelum satu pun selesai").isFalse();
    }

    @Test
    void aCounterSilentForAnHourStartsAgain() {
        failRepeatedly(12, ATTACKER, "admin");
        clock.advance(Duration.ofHours(1));

        assertThat(failRepeatedly(5, ATTACKER, "admin")).isEqualTo(seconds(0, 0, 0, 0, 5));
    }

    @Test
    void randomUserIdsOrAddressesCannotFillTheTable() {
        Settings hundred = new Settings(5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofHours(1), 100);
        LoginAttempts small = new LoginAttempts(hundred, clock, new JdbcLoginCounters(database, hundred));
        for (int i = 0; i < 1_000; i++) {
            small.attempt("10.0." + (i / 250) + "." + (i % 250), "acak-" + i);
        }
        assertThat(small.tracked().sources()).isBetween(90, 100);
        assertThat(small.tracked().accounts()).isBetween(90, 100);

        small.clear();
        for (int i = 0; i < 1_000; i++) {
            small.attempt(ATTACKER, "acak-" + i);
        }
        assertThat(small.tracked()).as("dari satu sumber hanya percobaan yang diperiksa dicatat per akun")
                .isEqualTo(new LoginAttempts.Tracked(1, 5));
    }

    @Test
    void theAccountIsTheUserIdWhateverItsCase() {
        failRepeatedly(4, "192.0.2.1", "Camat.Ajibarang");
        fail("192.0.2.1", "Camat.Ajibarang");

        assertThat(attempts.attempt("192.0.2.2", " camat.ajibarang ").admitted()).isFalse();
        assertThat(attempts.attempt("192.0.2.2", "camat.arut-selatan").admitted()).isTrue();
    }

    @Test
    void ipv6ClientsCountPerSlash64Network() {
        assertThat(LoginAttempts.sourceKey("2001:db8:1:2:aaaa::1")).isEqualTo(LoginAttempts.sourceKey("2001:0db8:0001:0002:bbbb:1:2:3"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginAttempts.sourceKey("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(LoginAttempts.sourceKey("[::1]")).isEqualTo("0:0:0:0::/64");
        assertThat(LoginAttempts.sourceKey("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(LoginAttempts.sourceKey("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(LoginAttempts.sourceKey(null)).isEqualTo(LoginAttempts.UNKNOWN_SOURCE);
        assertThat(LoginAttempts.sourceKey("bukan:alamat")).as("dihitung apa adanya, tanpa DNS").isEqualTo("bukan:alamat");

        failRepeatedly(4, "2001:db8:1:2::10", "a");
        fail("2001:db8:1:2::10", "a");
        assertThat(attempts.attempt("2001:db8:1:2::99", "b").admitted()).as("alamat lain dalam /64 yang sama").isFalse();
    }

    @Test
    void theLoginPageCanTellARefusedBrowserHowLongToWait() {
        failRepeatedly(4, ATTACKER, "admin");
        fail(ATTACKER, "admin");
        clock.advance(Duration.ofSeconds(2));

        assertThat(attempts.attempt(OFFICE, "admin").refusedFor()).isEqualTo(Duration.ofSeconds(3));
        assertThat(attempts.waitFor(OFFICE)).as("penolakan terakhir dari alamat ini").isEqualTo(Duration.ofSeconds(3));
        assertThat(attempts.waitFor(ATTACKER)).isEqualTo(Duration.ofSeconds(3));
        assertThat(attempts.waitFor("192.0.2.99")).isZero();
        clock.advance(Duration.ofSeconds(3));
        assertThat(attempts.waitFor(OFFICE)).isZero();
    }

    @Test
    void theMessageSaysHowLongInSecondsOrMinutes() {
        assertThat(LoginAttempts.waitMessage(Duration.ofSeconds(30)))
                .isEqualTo("Terlalu banyak percobaan masuk yang gagal; coba lagi dalam 30 detik.");
        assertThat(LoginAttempts.waitMessage(Duration.ofMillis(4_200))).endsWith("coba lagi dalam 5 detik.");
        assertThat(LoginAttempts.waitMessage(Duration.ofSeconds(119))).endsWith("coba lagi dalam 119 detik.");
        assertThat(LoginAttempts.waitMessage(Duration.ofMinutes(15))).endsWith("coba lagi dalam 15 menit.");
        assertThat(LoginAttempts.waitMessage(Duration.ofSeconds(121))).endsWith("coba lagi dalam 3 menit.");
        assertThat(LoginAttempts.waitMessage(Duration.ZERO)).endsWith("silakan coba lagi.");
    }

    @Test
    void settingsThatWouldAllowALockOutAreRefused() {
        assertThatThrownBy(() -> new Settings(0, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofHours(1), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("free-failures");
        assertThatThrownBy(() -> new Settings(5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(1), 10))
                .hasMessageContaining("account-max-delay paling lama 5 menit");
        assertThatThrownBy(() -> new Settings(5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(5), 10))
                .hasMessageContaining("forget-after");
        assertThatThrownBy(() -> new Settings(5, Duration.ZERO, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofHours(1), 10))
                .hasMessageContaining("first-delay");
    }
}
