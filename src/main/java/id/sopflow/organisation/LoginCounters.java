package id.sopflow.organisation;

import java.time.Instant;

/**
 * Where {@link LoginAttempts} keeps its counters of failed logins, one per source (client address) and one per
 * account (user id), under the keys {@link LoginAttempts} makes. The store is shared by every node of a cluster
 * ({@link JdbcLoginCounters}); it holds no policy, only the counters, and keeps at most {@code maxTracked} of
 * each kind, forgetting the ones silent for {@code forgetAfter} ({@link LoginAttempts.Settings}).
 */
interface LoginCounters {

    /**
     * One counter.
     *
     * @param failures     failures counted
     * @param lastSeen     the last attempt
     * @param blockedUntil no attempt is checked before this
     * @param refusedUntil for a source, how long its last refused attempt had to wait
     */
    record Counter(int failures, Instant lastSeen, Instant blockedUntil, Instant refusedUntil) {
    }

    /** What a {@link Change} leaves: the new counters (null: that one stays as it is) and its answer. */
    record Changed<T>(Counter source, Counter account, T answer) {
    }

    /** Computes the new counters from the stored ones (null: none stored). */
    @FunctionalInterface
    interface Change<T> {
        Changed<T> apply(Counter source, Counter account);
    }

    /**
     * Reads the counters of a source and an account, applies {@code change} and stores what it returns, as one
     * step: no other change of the same counters, on this node or another, comes in between.
     */
    <T> T change(String source, String account, Change<T> change);

    /** The counter of a source; null when there is none. */
    Counter source(String source);

    /** Forgets the counters of a source and an account. */
    void remove(String source, String account);

    /** Forgets every counter. */
    void clear();

    LoginAttempts.Tracked tracked();
}
