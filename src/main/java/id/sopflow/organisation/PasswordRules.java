package id.sopflow.organisation;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters and none of the {@link #KNOWN_DEFAULTS}
 * (case and surrounding spaces ignored), because those are what an attacker tries first. The same two rules
 * apply at start-up to the initial passwords of {@code sopflow.organisasi} (outside the demo profile the
 * application refuses to start with an empty, short or well-known admin password) and to every password set
 * later, through the engine's password policy ({@link EnginePasswordPolicy}). Plain Java.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    /** Passwords that are the first guess of anybody (defaults of Camunda, of this project, of routers). */
    static final Set<String> KNOWN_DEFAULTS = Set.of(
            "admin", "administrator", "demo", "password", "passwort", "camunda", "sopflow", "sopflow-demo",
            "demo-sopflow", "changeme", "rahasia", "katasandi", "kata-sandi", "admin123", "admin1234", "qwerty",
            "secret", "test", "123456", "12345678", "1234567890", "password123", "p@ssw0rd", "bismillah");

    /** Why a new password was refused, in Bahasa Indonesia (REST 400, Camunda Admin). */
    static final String REFUSED = "Kata sandi baru ditolak: minimal " + MIN_LENGTH + " karakter dan bukan kata sandi bawaan "
            + "yang mudah ditebak (admin, demo, camunda, demo-sopflow, ...). Kata sandi lama tetap berlaku.";

    private PasswordRules() {
    }

    /** At least {@value #MIN_LENGTH} characters. */
    static boolean isLongEnough(String password) {
        return password != null && password.length() >= MIN_LENGTH;
    }

    /** One of the {@link #KNOWN_DEFAULTS}, whatever its case and surrounding spaces. */
    static boolean isKnownDefault(String password) {
        return password != null && KNOWN_DEFAULTS.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param setting the property name, for the message
     * @param demo    true in the demo profile: any non-empty password is accepted there
     * @throws IllegalStateException with a message in Bahasa Indonesia that says how to fix it
     */
    static void checkAdminPassword(String setting, String password, boolean demo) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("Kata sandi admin belum diatur (" + setting + "). Setel variabel lingkungan "
                    + "SOPFLOW_ADMIN_PASSWORD dengan kata sandi minimal " + MIN_LENGTH + " karakter, atau jalankan demo: "
                    + "mvn spring-boot:run -Dspring-boot.run.profiles=demo");
        }
        if (!demo) {
            checkStrong(setting, password);
        }
    }

    /** An optional initial password for staff: empty is fine (the admin sets passwords), weak is not. */
    static void checkStaffPassword(String setting, String password, boolean demo) {
        if (password != null && !password.isEmpty() && !demo) {
            checkStrong(setting, password);
        }
    }

    private static void checkStrong(String setting, String password) {
        if (isKnownDefault(password)) {
            throw new IllegalStateException("Kata sandi di " + setting + " adalah kata sandi bawaan yang mudah ditebak; "
                    + "aplikasi tidak dijalankan. Pilih kata sandi lain (minimal " + MIN_LENGTH + " karakter) lewat SOPFLOW_ADMIN_PASSWORD.");
        }
        if (!isLongEnough(password)) {
            throw new IllegalStateException("Kata sandi di " + setting + " terlalu pendek (" + password.length()
                    + " karakter, minimal " + MIN_LENGTH + "); aplikasi tidak dijalankan.");
        }
    }
}
