package id.sopflow.organisation;

import java.util.Locale;
import java.util.Set;

/**
 * Start-up rules for the initial passwords of {@code sopflow.organisasi}. Outside the demo profile the
 * application refuses to start with an empty, short or well-known admin password. Plain Java.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    /** Passwords that are the first guess of anybody (defaults of Camunda, of this project, of routers). */
    static final Set<String> KNOWN_DEFAULTS = Set.of(
            "admin", "administrator", "demo", "password", "passwort", "camunda", "sopflow", "sopflow-demo",
            "demo-sopflow", "changeme", "rahasia", "katasandi", "kata-sandi", "admin123", "admin1234", "qwerty",
            "secret", "test", "123456", "12345678", "1234567890", "password123", "p@ssw0rd", "bismillah");

    private PasswordRules() {
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
        if (KNOWN_DEFAULTS.contains(password.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("Kata sandi di " + setting + " adalah kata sandi bawaan yang mudah ditebak; "
                    + "aplikasi tidak dijalankan. Pilih kata sandi lain (minimal " + MIN_LENGTH + " karakter) lewat SOPFLOW_ADMIN_PASSWORD.");
        }
        if (password.length() < MIN_LENGTH) {
            throw new IllegalStateException("Kata sandi di " + setting + " terlalu pendek (" + password.length()
                    + " karakter, minimal " + MIN_LENGTH + "); aplikasi tidak dijalankan.");
        }
    }
}
