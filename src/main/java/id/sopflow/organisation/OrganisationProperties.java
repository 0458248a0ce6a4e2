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
 * @param maxFailedLogins wrong passwords in a row before a user id is locked (default 5)
 * @param lockDuration    how long it stays locked (default 15 minutes)
 * @param bcryptStrength  BCrypt cost of stored password hashes (default 10; tests use 4)
 */
@ConfigurationProperties("sopflow.organisasi")
record OrganisationProperties(
        @DefaultValue("config/organisasi.yaml") Path file,
        String adminPassword,
        String staffPassword,
        @DefaultValue("false") boolean demo,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("10") int bcryptStrength) {
}
