package id.sopflow.organisation;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The token with which Prometheus reads {@code /actuator/prometheus} and nothing else ({@code sopflow.organisasi.metrics-token},
 * env {@code SOPFLOW_METRICS_TOKEN}), sent as {@code Authorization: Bearer <token>}, so that the scraper does not hold the
 * admin's password. Empty: only the admin reads the metrics. Compared in constant time (as SHA-256 digests: neither the
 * content nor the length shows in the time of a refusal).
 */
final class ScrapeToken {

    /** Fewer characters are refused at start-up: the token is a shared secret, not a password a person types. */
    static final int MIN_LENGTH = 32;
    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> digest;

    private ScrapeToken(Optional<byte[]> digest) {
        this.digest = digest;
    }

    /** From the setting; blank: none. */
    static ScrapeToken of(String token) {
        if (token == null || token.isBlank()) {
            return new ScrapeToken(Optional.empty());
        }
        if (token.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("sopflow.organisasi.metrics-token (SOPFLOW_METRICS_TOKEN): minimal " + MIN_LENGTH
                    + " karakter, misalnya keluaran 'openssl rand -hex 32'");
        }
        return new ScrapeToken(Optional.of(sha256(token.strip())));
    }

    /** Whether the request carries this token as its bearer token; never with no token set. */
    boolean presentedBy(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (digest.isEmpty() || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(digest.get(), sha256(header.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
