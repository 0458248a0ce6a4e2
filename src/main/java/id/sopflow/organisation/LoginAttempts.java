package id.sopflow.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lock-out after repeated failed logins: after {@code maxFailures} wrong passwords in a row a user id is
 * locked for {@code lockDuration}; a correct password before that resets the count. Kept in memory
 * (a restart unlocks everybody; several application nodes each count on their own). Plain Java.
 */
final class LoginAttempts {

    /** Above this many tracked ids, expired entries are dropped so that guessing random ids cannot fill memory. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration lockDuration;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    LoginAttempts(int maxFailures, Duration lockDuration, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("sopflow.organisasi.max-failed-logins harus minimal 1");
        }
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.clock = clock;
    }

    /** Until when the user id is locked, if it is locked now. */
    Optional<Instant> lockedUntil(String userId) {
        Entry entry = entries.get(key(userId));
        Instant now = clock.instant();
        if (entry == null || entry.lockedUntil() == null || !entry.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(entry.lockedUntil());
    }

    /** Records a wrong password; returns the end of the lock when this failure locks the user id. */
    Optional<Instant> failed(String userId) {
        Instant now = clock.instant();
        if (entries.size() > PRUNE_ABOVE) {
            entries.values().removeIf(e -> e.lockedUntil() != null && !e.lockedUntil().isAfter(now));
        }
        Entry entry = entries.compute(key(userId), (k, old) -> {
            int failures = (old == null || old.lockedUntil() != null) ? 1 : old.failures() + 1;
            return failures >= maxFailures ? new Entry(0, now.plus(lockDuration)) : new Entry(failures, null);
        });
        return Optional.ofNullable(entry.lockedUntil());
    }

    void succeeded(String userId) {
        entries.remove(key(userId));
    }

    /** Unlocks everybody (tests, and an admin restarting the application). */
    void clear() {
        entries.clear();
    }

    int maxFailures() {
        return maxFailures;
    }

    private static String key(String userId) {
        return userId == null ? "" : userId.strip().toLowerCase(Locale.ROOT);
    }

    private record Entry(int failures, Instant lockedUntil) {
    }
}
