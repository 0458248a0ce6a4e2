package id.sopflow.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the tests move by hand instead of sleeping. application-test.yaml registers one as a bean in every
 * Spring test context ({@code spring.main.sources}), where {@link LoginAttempts} picks it up; it starts at the
 * real time and only ever moves forward, so tests sharing the context do not disturb each other.
 */
final class MovableClock extends Clock {

    private volatile Instant now;

    MovableClock() {
        this(Instant.now());
    }

    MovableClock(Instant start) {
        this.now = start;
    }

    void advance(Duration duration) {
        now = now.plus(duration);
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
