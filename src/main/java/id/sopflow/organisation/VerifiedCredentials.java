package id.sopflow.organisation;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords that BCrypt has just accepted, so that a REST client sending HTTP Basic with every request does not pay
 * a BCrypt comparison each time (about 70 ms at cost 10). An entry remembers, per user id and client address
 * ({@link LoginAttempts#sourceKey}), a keyed hash of the password (HMAC-SHA256 under a random key made when the
 * node starts and never stored, so neither the password nor an unsalted hash of it is kept) and the stored BCrypt
 * hash it was checked against, for {@code lifetime} (default 5 minutes, {@code sopflow.organisasi.cache-duration};
 * zero: nothing is remembered).
 *
 * <p>A request is taken from here only when its password has the same keyed hash and the user's stored hash is still
 * the one it was checked against: a password changed or a user deleted, on any node, ends every entry at once (the
 * caller reads the stored hash, one read by primary key, instead of comparing with BCrypt). A wrong password never
 * matches an entry. A failed login for the user, a change of the user on this node, and the organisation loaded at
 * start-up forget the user's entries; a request that is not answered from here goes through {@link LoginAttempts}
 * and BCrypt as before. Plain Java, thread-safe.
 */
final class VerifiedCredentials {

    private record Entry(byte[] mac, String storedHash, Instant until) {
    }

    private final Duration lifetime;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Map<String, Entry>> byUser = new ConcurrentHashMap<>();

    VerifiedCredentials(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether this password of the user was accepted from this source within the lifetime, against this stored hash. */
    boolean verified(String userId, String source, String password, String storedHash) {
        Map<String, Entry> entries = byUser.get(userId);
        Entry entry = entries == null ? null : entries.get(LoginAttempts.sourceKey(source));
        if (entry == null || storedHash == null || !clock.instant().isBefore(entry.until())) {
            return false;
        }
        return entry.storedHash().equals(storedHash) && MessageDigest.isEqual(entry.mac(), mac(userId, password));
    }

    /** Remembers a password BCrypt accepted (checked against {@code storedHash}, read before the check). */
    void remember(String userId, String source, String password, String storedHash) {
        if (lifetime.isZero() || storedHash == null) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Entry> entries = byUser.computeIfAbsent(userId, id -> new ConcurrentHashMap<>());
        entries.values().removeIf(e -> !now.isBefore(e.until()));
        entries.put(LoginAttempts.sourceKey(source), new Entry(mac(userId, password), storedHash, now.plus(lifetime)));
    }

    /** Forgets every password of the user (a failed login, the user changed or removed). */
    void forget(String userId) {
        if (userId != null) {
            byUser.remove(userId);
        }
    }

    void forgetAll() {
        byUser.clear();
    }

    private byte[] mac(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((userId + '\u0000' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 tidak tersedia", e);
        }
    }
}
