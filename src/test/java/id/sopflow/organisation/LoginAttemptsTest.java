package id.sopflow.organisation;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginAttemptsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginAttempts attempts = new LoginAttempts(5, Duration.ofMinutes(15), clock);

    @Test
    void theFifthWrongPasswordInARowLocksForFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertThat(attempts.failed("pelaksana.ajibarang")).as("kegagalan ke-" + i).isEmpty();
            assertThat(attempts.lockedUntil("pelaksana.ajibarang")).isEmpty();
        }
        assertThat(attempts.failed("pelaksana.ajibarang")).contains(T0.plus(Duration.ofMinutes(15)));
        assertThat(attempts.lockedUntil("PELAKSANA.ajibarang")).as("tidak peka huruf besar").contains(T0.plus(Duration.ofMinutes(15)));
        assertThat(attempts.lockedUntil("camat.ajibarang")).as("pengguna lain tidak terkunci").isEmpty();

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(attempts.lockedUntil("pelaksana.ajibarang")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(attempts.lockedUntil("pelaksana.ajibarang")).isEmpty();
        assertThat(attempts.failed("pelaksana.ajibarang")).as("hitungan mulai lagi dari satu").isEmpty();
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("camat.ajibarang");
        }
        attempts.succeeded("camat.ajibarang");
        for (int i = 0; i < 4; i++) {
            assertThat(attempts.failed("camat.ajibarang")).isEmpty();
        }
        assertThat(attempts.failed("camat.ajibarang")).isPresent();
    }

    @Test
    void atLeastOneFailureIsRequired() {
        assertThatThrownBy(() -> new LoginAttempts(0, Duration.ofMinutes(1), clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
