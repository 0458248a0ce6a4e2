package id.sopflow.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Who works the DPA over HTTP: the users of Ajibarang in {@code config/organisasi.yaml}, one per candidate group of the
 * DPA's steps; the plain Camunda application creates the same users in the same groups. The Camat starts the instances.
 */
public final class DpaUsers {

    public static final String STAFF_PASSWORD = "Bench-Staf-Rahasia-2026";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Bench-Admin-Rahasia-2026";
    public static final String STARTER = "camat.ajibarang";

    /** Candidate group (SOPflow's role) to the user of Ajibarang who holds it. */
    public static final Map<String, String> BY_GROUP = Map.of(
            "camat", "camat.ajibarang",
            "sekcam", "sekcam.ajibarang",
            "kasubbag", "kasubbag.ajibarang",
            "pengadministrasi", "umum.ajibarang");

    private DpaUsers() {
    }

    /** The HTTP Basic header of a staff user (or the admin). */
    public static String basic(String user) {
        String password = user.equals(ADMIN) ? ADMIN_PASSWORD : STAFF_PASSWORD;
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
