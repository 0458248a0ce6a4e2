package id.sopflow.organisation;

import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user may change of their own account through the standard REST API (the same resources Camunda
 * Admin and the welcome page use): the password, within the rules of {@link PasswordRules}; not their name,
 * office or email, which come from the organisation file, nor delete their account. The admin may do both.
 */
class AccountChangesIT extends AccessTestBase {

    private static final String USER = "pelaksana.arut-selatan";
    private static final String NAME = "Pelaksana Arut Selatan (demo)";
    private static final String OFFICE = "Kec. Arut Selatan";
    private static final String STRONG = "Kuda-Lumping-Berlari-7";

    @Autowired
    LoginAttempts attempts;

    /** Other tests share the application context: every account keeps its password, name and office. */
    @AfterEach
    void restore() {
        User user = identityService.createUserQuery().userId(USER).singleResult();
        user.setFirstName(NAME);
        user.setLastName(OFFICE);
        user.setEmail(null);
        user.setPassword(STAFF_PASSWORD);
        identityService.saveUser(user);
        attempts.clear();
    }

    private ResponseEntity<String> put(TestRestTemplate client, String url, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(url, HttpMethod.PUT, new HttpEntity<>(json, headers), String.class);
    }

    private ResponseEntity<String> changePassword(TestRestTemplate client, String userId, String password, String currentPassword) {
        return put(client, "/engine-rest/user/" + userId + "/credentials",
                "{\"password\": \"%s\", \"authenticatedUserPassword\": \"%s\"}".formatted(password, currentPassword));
    }

    private int statusWith(String userId, String password) {
        return rest.withBasicAuth(userId, password).getForEntity("/engine-rest/user/" + userId + "/profile", String.class)
                .getStatusCode().value();
    }

    @Test
    void aWeakNewPasswordIsRefusedWith400AndTheOldOneStillWorks() {
        for (String weak : new String[] {"a", "demo-sopflow", "Demo-Sopflow", "Abcdefgh-1k"}) {
            ResponseEntity<String> refused = changePassword(as(USER), USER, weak, STAFF_PASSWORD);

            assertThat(refused.getStatusCode().value()).as(weak).isEqualTo(400);
            assertThat(refused.getBody()).as(weak).contains("minimal 12 karakter");
            assertThat(statusWith(USER, STAFF_PASSWORD)).as("kata sandi lama tetap berlaku setelah '%s' ditolak", weak).isEqualTo(200);
        }
        assertThat(changePassword(as("admin"), USER, "demo-sopflow", ADMIN_PASSWORD).getStatusCode().value())
                .as("admin pun tidak dapat memberi kata sandi bawaan").isEqualTo(400);
        assertThat(statusWith(USER, STAFF_PASSWORD)).isEqualTo(200);
    }

    @Test
    void aStrongNewPasswordIsAcceptedAndReplacesTheOldOne() {
        ResponseEntity<String> changed = changePassword(as(USER), USER, STRONG, STAFF_PASSWORD);

        assertThat(changed.getStatusCode().value()).isEqualTo(204);
        assertThat(statusWith(USER, STRONG)).isEqualTo(200);
        assertThat(statusWith(USER, STAFF_PASSWORD)).isEqualTo(401);
    }

    @Test
    void usersCannotChangeTheirOwnNameOfficeOrEmail() {
        ResponseEntity<String> name = put(as(USER), "/engine-rest/user/" + USER + "/profile",
                "{\"id\": \"" + USER + "\", \"firstName\": \"Hacker\", \"lastName\": \"bappeda\"}");
        ResponseEntity<String> email = put(as(USER), "/engine-rest/user/" + USER + "/profile",
                "{\"id\": \"" + USER + "\", \"firstName\": \"" + NAME + "\", \"lastName\": \"" + OFFICE + "\", "
                        + "\"email\": \"pelaksana@contoh.id\"}");

        assertThat(name.getStatusCode().value()).isEqualTo(403);
        assertThat(name.getBody()).contains("berkas organisasi");
        assertThat(email.getStatusCode().value()).isEqualTo(403);
        User stored = identityService.createUserQuery().userId(USER).singleResult();
        assertThat(stored.getFirstName()).isEqualTo(NAME);
        assertThat(stored.getLastName()).isEqualTo(OFFICE);
        assertThat(stored.getEmail()).isNull();
    }

    @Test
    void usersCannotDeleteTheirOwnAccount() {
        ResponseEntity<String> deleted = as(USER).exchange("/engine-rest/user/" + USER, HttpMethod.DELETE, null, String.class);

        assertThat(deleted.getStatusCode().value()).isEqualTo(403);
        assertThat(deleted.getBody()).contains("Hanya admin yang dapat menghapus pengguna");
        assertThat(identityService.createUserQuery().userId(USER).count()).isEqualTo(1);
    }

    @Test
    void theAdminMayStillChangeAProfile() {
        ResponseEntity<String> changed = put(as("admin"), "/engine-rest/user/" + USER + "/profile",
                "{\"id\": \"" + USER + "\", \"firstName\": \"Pelaksana Baru\", \"lastName\": \"Kec. Arut Selatan\", "
                        + "\"email\": \"pelaksana@contoh.id\"}");

        assertThat(changed.getStatusCode().value()).isEqualTo(204);
        User stored = identityService.createUserQuery().userId(USER).singleResult();
        assertThat(stored.getFirstName()).isEqualTo("Pelaksana Baru");
        assertThat(stored.getEmail()).isEqualTo("pelaksana@contoh.id");
    }

}
