package id.sopflow.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of {@code sopflow.organisasi}.
 *
 * @param file            the organisation file (default {@code config/organisasi.yaml})
 * @param adminPassword   initial password of users with the admin role (env {@code SOPFLOW_ADMIN_PASSWORD});
 *                        outside the demo profile it must be set, at least 12 characters and no known default
 * @param staffPassword   initial password of every other user; empty: they get none and the admin sets it
 * @param demo            true only in the demo profile ({@code application-demo.yaml}): weak demo passwords are allowed
 * @param login           throttling of failed logins ({@code sopflow.organisasi.login.*}, see {@link LoginAttempts.Settings};
 *                        the defaults are in {@code application.yaml} and {@link LoginAttempts.Settings#DEFAULTS})
 * @param bcryptStrength  BCrypt cost of stored password hashes (default 10; tests use 4)
 * @param cacheDuration   how long a node keeps a password BCrypt accepted ({@link VerifiedCredentials}) and a user's
 *                        groups and kecamatan ({@link Memberships}); default 5 minutes, zero keeps nothing
 * @param metricsToken    the bearer token with which Prometheus reads {@code /actuator/prometheus} and nothing else
 *                        (env {@code SOPFLOW_METRICS_TOKEN}, at least {@value ScrapeToken#MIN_LENGTH} characters; empty:
 *                        only the admin reads the metrics), see {@link ScrapeToken}
 */
@ConfigurationProperties("sopflow.organisasi")
record OrganisationProperties(
        @DefaultValue("config/organisasi.yaml") Path file,
        String adminPassword,
        String staffPassword,
        @DefaultValue("false") boolean demo,
        LoginAttempts.Settings login,
        @DefaultValue("10") int bcryptStrength,
        @DefaultValue("5m") Duration cacheDuration,
        String metricsToken) {

    OrganisationProperties {
        if (cacheDuration == null || cacheDuration.isNegative()) {
            throw new IllegalArgumentException("sopflow.organisasi.cache-duration tidak boleh negatif");
        }
    }

    /** The login throttling settings; the defaults when the block is missing. */
    LoginAttempts.Settings loginSettings() {
        return login == null ? LoginAttempts.Settings.DEFAULTS : login;
    }
}
