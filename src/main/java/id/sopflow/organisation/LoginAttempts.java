package id.sopflow.organisation;

import id.sopflow.organisation.LoginCounters.Counter;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down password guessing without giving anybody a way to lock an account. Failed logins are counted
 * twice: per <b>source</b> (the client's IP address) and per <b>account</b> (the user id typed in). Each
 * counter has a few free failures; after them every further attempt must wait until a delay has passed,
 * and the delay doubles with each failure up to a cap. An attempt made while a delay runs is refused
 * without checking the password. A successful login forgets that source and that account.
 *
 * <p>Worked example with the defaults (5 free failures, first delay 5 s, caps 15 min per source and 30 s per
 * account): five failures may follow each other without a wait; after the 5th the next attempt waits
 * 5 s, after the 6th 10 s, then 20 s, then 40 s for the source but 30 s for the account, ... up to 15 min
 * for the source.
 *
 * <p>Why two counters with different caps: the source counter stops one machine from guessing fast, so
 * its delay may grow long. The account counter stops many machines from guessing one account together,
 * but anybody can make it count (five anonymous requests naming the admin), so its delay stays short: the
 * real user, coming from another address, waits at most the account cap (by default 30 s), and an
 * attacker never locks anyone out. The old lock-out (5 failures lock the account for 15 minutes, even
 * for the right password) allowed exactly that.
 *
 * <p>Details that keep it honest:
 * <ul>
 *   <li>An admitted attempt counts as a failure at once and {@link #succeeded} takes it back, so that many
 *       requests sent at the same moment cannot all pass during the free failures.</li>
 *   <li>Refused attempts do not count: hammering during a delay does not make it longer.</li>
 *   <li>IPv6 sources count per /64 network (one client gets a whole /64 and could use a new address for
 *       every attempt); user ids count case-insensitively and cut to 64 characters.</li>
 *   <li>Storage is bounded: a counter without an attempt for {@code forgetAfter} is forgotten, and at most
 *       {@code maxTracked} sources and as many accounts are kept, the least recently used dropped first, so
 *       random user ids or addresses cannot fill the table.</li>
 *   <li>The source is the address the server sees. Behind a reverse proxy that is the proxy's, so every
 *       user would share one counter: configure the proxy's forwarded headers for Tomcat
 *       ({@code server.forward-headers-strategy}) there; an {@code X-Forwarded-For} sent by the client itself
 *       is not trusted.</li>
 * </ul>
 *
 * <p>The counters are kept by a {@link LoginCounters} store: in the database ({@link JdbcLoginCounters}), so that
 * every node of a cluster counts the same failures and a restart forgets nothing. Each decision reads and writes
 * the counters of its source and account in one step of the store, atomic across nodes. This class is the policy,
 * plain Java; the clock is SOPflow's one clock.
 */
final class LoginAttempts {

    /** The source of an attempt whose client address is not known (the same counter for all of them). */
    static final String UNKNOWN_SOURCE = "tidak-diketahui";

    private static final int MAX_KEY_LENGTH = 64;

    /**
     * The throttling settings ({@code sopflow.organisasi.login.*}).
     *
     * @param freeFailures    failures of a source or account that may follow each other without a wait (default 5)
     * @param firstDelay      the wait after the last of them; it doubles with every further failure (5 s)
     * @param sourceMaxDelay  the longest wait of one source (15 min)
     * @param accountMaxDelay the longest wait of one account (30 s); at most 5 minutes, so that nobody can keep
     *                        the real user out
     * @param forgetAfter     a counter without any attempt for this long starts again from zero (1 h)
     * @param maxTracked      the most sources, and the most accounts, kept (10 000)
     */
    record Settings(int freeFailures, Duration firstDelay, Duration sourceMaxDelay, Duration accountMaxDelay,
                    Duration forgetAfter, int maxTracked) {

        static final Duration LONGEST_ACCOUNT_DELAY = Duration.ofMinutes(5);
        static final Settings DEFAULTS = new Settings(5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofSeconds(30),
                Duration.ofHours(1), 10_000);

        Settings {
            String prefix = "sopflow.organisasi.login.";
            require(freeFailures >= 1, prefix + "free-failures harus minimal 1");
            require(firstDelay != null && !firstDelay.isZero() && !firstDelay.isNegative(), prefix + "first-delay harus lebih dari 0");
            require(sourceMaxDelay != null && sourceMaxDelay.compareTo(firstDelay) >= 0,
                    prefix + "source-max-delay tidak boleh lebih pendek dari first-delay");
            require(accountMaxDelay != null && accountMaxDelay.compareTo(firstDelay) >= 0,
                    prefix + "account-max-delay tidak boleh lebih pendek dari first-delay");
            require(accountMaxDelay.compareTo(LONGEST_ACCOUNT_DELAY) <= 0, prefix + "account-max-delay paling lama 5 menit: "
                    + "siapa pun dapat membuat akun orang lain menunggu selama itu");
            require(forgetAfter != null && forgetAfter.compareTo(sourceMaxDelay) >= 0,
                    prefix + "forget-after tidak boleh lebih pendek dari source-max-delay");
            require(maxTracked >= 1, prefix + "max-tracked harus minimal 1");
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /**
     * The answer to one login attempt.
     *
     * @param refusedFor    zero: check the password; otherwise refuse without checking it, for this long
     * @param delayIfWrong  for an admitted attempt, how long the next one must wait if this password is wrong
     */
    record Decision(Duration refusedFor, Duration delayIfWrong) {
        boolean admitted() {
            return refusedFor.isZero();
        }
    }

    /** How many sources and accounts are kept. */
    record Tracked(int sources, int accounts) {
    }

    private final Settings settings;
    private final Clock clock;
    private final LoginCounters counters;

    LoginAttempts(Settings settings, Clock clock, LoginCounters counters) {
        this.settings = settings;
        this.clock = clock;
        this.counters = counters;
    }

    /**
     * Decides on an attempt from {@code source} (a client IP address) for {@code account} (the user id as
     * typed). An admitted attempt is counted as a failure until {@link #succeeded} is called for it.
     */
    Decision attempt(String source, String account) {
        Instant now = clock.instant();
        return counters.change(sourceKey(source), accountKey(account), (storedSource, storedAccount) -> {
            Counter bySource = current(storedSource, now);
            Counter byAccount = current(storedAccount, now);
            Instant until = later(bySource == null ? now : bySource.blockedUntil(), byAccount == null ? now : byAccount.blockedUntil());
            if (until.isAfter(now)) {
                // not counted; the source remembers the wait for the login page
                Counter refused = bySource == null ? new Counter(0, now, now, until)
                        : new Counter(bySource.failures(), now, bySource.blockedUntil(), later(until, bySource.refusedUntil()));
                return new LoginCounters.Changed<>(refused, null, new Decision(Duration.between(now, until), Duration.ZERO));
            }
            Counter sourceCounted = counted(bySource, now, settings.sourceMaxDelay());
            Counter accountCounted = counted(byAccount, now, settings.accountMaxDelay());
            return new LoginCounters.Changed<>(sourceCounted, accountCounted,
                    new Decision(Duration.ZERO, Duration.between(now, later(sourceCounted.blockedUntil(), accountCounted.blockedUntil()))));
        });
    }

    /** The password was right: forgets the source and the account, including the attempt just counted. */
    void succeeded(String source, String account) {
        counters.remove(sourceKey(source), accountKey(account));
    }

    /**
     * How long the last refused attempt from {@code source} still has to wait (or the source itself, if
     * longer): what the login page tells the browser that was just refused. Zero when nothing is running.
     */
    Duration waitFor(String source) {
        Instant now = clock.instant();
        Counter counter = current(counters.source(sourceKey(source)), now);
        if (counter == null) {
            return Duration.ZERO;
        }
        Instant until = later(counter.blockedUntil(), counter.refusedUntil());
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** Forgets every counter (tests). */
    void clear() {
        counters.clear();
    }

    /** How many sources and accounts are kept now. */
    Tracked tracked() {
        return counters.tracked();
    }

    /**
     * What a refused user reads, in Bahasa Indonesia: "Terlalu banyak percobaan masuk yang gagal; coba lagi
     * dalam 30 detik." (seconds rounded up; from two minutes on, in minutes).
     */
    static String waitMessage(Duration wait) {
        String prefix = "Terlalu banyak percobaan masuk yang gagal; ";
        if (wait.isZero() || wait.isNegative()) {
            return prefix + "silakan coba lagi.";
        }
        long seconds = wait.plusNanos(999_999_999).getSeconds();
        if (seconds < 120) {
            return prefix + "coba lagi dalam " + seconds + " detik.";
        }
        return prefix + "coba lagi dalam " + ((seconds + 59) / 60) + " menit.";
    }

    /**
     * The counter key of a client address: IPv4 as it is, IPv6 by its /64 network ({@code 2001:db8:1:2::/64}).
     * Only an address literal is parsed (never looked up in DNS); anything else counts as written.
     */
    static String sourceKey(String address) {
        if (address == null || address.isBlank()) {
            return UNKNOWN_SOURCE;
        }
        String literal = address.strip().replaceAll("^\\[|]$", "").replaceAll("%.*$", "");
        if (literal.indexOf(':') >= 0 && literal.matches("[0-9a-fA-F:.]{2,45}")) {
            try {
                InetAddress parsed = InetAddress.getByName("[" + literal + "]");
                if (parsed instanceof Inet6Address) {
                    byte[] bytes = parsed.getAddress();
                    StringBuilder key = new StringBuilder();
                    for (int i = 0; i < 8; i += 2) {
                        key.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                    }
                    return key.append(":/64").toString();
                }
                return parsed.getHostAddress();
            } catch (UnknownHostException e) {
                // not an address literal after all: counted as written
            }
        }
        return cut(address.strip());
    }

    private static String accountKey(String account) {
        return account == null ? "" : cut(account.strip().toLowerCase(Locale.ROOT));
    }

    private static String cut(String key) {
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }

    /** The counter, or null when there is none or it has been silent for {@code forgetAfter}. */
    private Counter current(Counter counter, Instant now) {
        return counter == null || !now.isBefore(counter.lastSeen().plus(settings.forgetAfter())) ? null : counter;
    }

    private Counter counted(Counter counter, Instant now, Duration cap) {
        int failures = counter == null ? 1 : counter.failures() + 1;
        Instant blockedUntil = failures < settings.freeFailures() ? now : now.plus(delay(failures, cap));
        return new Counter(failures, now, blockedUntil, counter == null ? now : counter.refusedUntil());
    }

    /** The wait after failure number {@code failures}: first delay, doubled per failure after the last free one, capped. */
    private Duration delay(int failures, Duration cap) {
        int doublings = Math.min(failures - settings.freeFailures(), 30);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
