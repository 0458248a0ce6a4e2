package id.sopflow.organisation;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Anonymous access, wrong passwords, the login form, the session with CSRF, logout, stored hashes. */
class LoginIT extends AccessTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LoginAttempts attempts;

    @AfterEach
    void unlock() {
        attempts.clear();
    }

    @Test
    void anonymousRequestsAreRefusedWithoutChangingAnything() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        Task task = openTask(dpa);

        ResponseEntity<String> list = rest.getForEntity("/engine-rest/task", String.class);
        ResponseEntity<String> complete = postJson(rest, "/engine-rest/task/" + task.getId() + "/complete", approvalJson(true, "anonim"));
        ResponseEntity<String> api = rest.getForEntity("/api/saya", String.class);
        ResponseEntity<String> tasklist = noRedirects().getForEntity("/camunda/app/tasklist/default/", String.class);

        assertThat(list.getStatusCode().value()).isEqualTo(401);
        assertThat(list.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as("no Basic prompt in a browser").isNull();
        assertThat(list.getBody()).contains("\"status\":401", "Belum masuk");
        assertThat(complete.getStatusCode().value()).isEqualTo(401);
        assertThat(api.getStatusCode().value()).isEqualTo(401);
        assertThat(tasklist.getStatusCode().value()).isEqualTo(302);
        assertThat(tasklist.getHeaders().getLocation()).hasPath("/login");
        assertUntouched(task, "disetujui", "catatan");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutChangingAnything() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        Task task = openTask(dpa);

        ResponseEntity<String> complete = postJson(rest.withBasicAuth("camat.ajibarang", "salah-sandi"),
                "/engine-rest/task/" + task.getId() + "/complete", approvalJson(true, "salah"));
        ResponseEntity<String> unknownUser = rest.withBasicAuth("tidak.ada", STAFF_PASSWORD).getForEntity("/engine-rest/task", String.class);

        assertThat(complete.getStatusCode().value()).isEqualTo(401);
        assertThat(unknownUser.getStatusCode().value()).isEqualTo(401);
        assertUntouched(task, "disetujui", "catatan");
        StringBuilder cookie = new StringBuilder();
        ResponseEntity<String> form = formLogin("camat.ajibarang", "salah-sandi", cookie);
        assertThat(form.getStatusCode().value()).isEqualTo(302);
        assertThat(form.getHeaders().getLocation().toString()).endsWith("/login?gagal");
        assertThat(noRedirects().getForEntity("/login?gagal", String.class).getBody()).contains("Nama pengguna atau kata sandi salah");
    }

    @Test
    void theLoginPageIsIndonesianWithCsrfAndAFormWithoutTokenIsRefused() {
        ResponseEntity<String> page = rest.getForEntity("/login", String.class);
        assertThat(page.getBody()).contains("<html lang=\"id\">", "Nama pengguna", "Kata sandi", "Masuk", "name=\"_csrf\"");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie(page));
        ResponseEntity<String> noToken = noRedirects().exchange("/login", HttpMethod.POST,
                new HttpEntity<>("username=camat.ajibarang&password=" + STAFF_PASSWORD, headers), String.class);
        assertThat(noToken.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aSessionWorksForTheApiAndNeedsTheCsrfTokenToChangeAnything() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        Task task = openTask(dpa);
        Session session = login("camat.ajibarang");

        ResponseEntity<Map<String, Object>> me = rest.exchange("/api/saya", HttpMethod.GET, new HttpEntity<>(session.headers()),
                new org.springframework.core.ParameterizedTypeReference<>() { });
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody()).containsEntry("id", "camat.ajibarang").containsEntry("kecamatan", java.util.List.of("ajibarang"));
        @SuppressWarnings("unchecked")
        Map<String, String> csrf = (Map<String, String>) me.getBody().get("csrf");

        HttpHeaders withoutToken = session.headers();
        withoutToken.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> refused = rest.exchange("/engine-rest/task/" + task.getId() + "/claim", HttpMethod.POST,
                new HttpEntity<>("{\"userId\": \"camat.ajibarang\"}", withoutToken), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertUntouched(task);

        HttpHeaders withToken = session.headers();
        withToken.setContentType(MediaType.APPLICATION_JSON);
        withToken.add(csrf.get("header"), csrf.get("token"));
        ResponseEntity<String> claimed = rest.exchange("/engine-rest/task/" + task.getId() + "/claim", HttpMethod.POST,
                new HttpEntity<>("{\"userId\": \"camat.ajibarang\"}", withToken), String.class);
        assertThat(claimed.getStatusCode().value()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("camat.ajibarang");
    }

    @Test
    void logoutEndsTheSession() {
        Session session = login("sekcam.arut-selatan");
        assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION where SESSION_ID = ?", Long.class, sessionId(session)))
                .isEqualTo(1);
        ResponseEntity<String> page = rest.exchange("/login", HttpMethod.GET, new HttpEntity<>(session.headers()), String.class);
        String token = page.getBody().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        HttpHeaders headers = session.headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

        ResponseEntity<String> logout = noRedirects().exchange("/logout", HttpMethod.POST, new HttpEntity<>("_csrf=" + token, headers), String.class);

        assertThat(logout.getStatusCode().value()).isEqualTo(302);
        assertThat(logout.getHeaders().getLocation().toString()).endsWith("/login?keluar");
        assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION where SESSION_ID = ?", Long.class, sessionId(session)))
                .as("the session is gone from the database").isZero();
        assertThat(rest.exchange("/api/saya", HttpMethod.GET, new HttpEntity<>(session.headers()), String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void theSessionLivesInTheDatabaseSoThatAnyNodeCanServeIt() {
        Session session = login("sekcam.ajibarang");
        assertThat(rest.exchange("/api/saya", HttpMethod.GET, new HttpEntity<>(session.headers()), String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select PRINCIPAL_NAME from SPRING_SESSION where SESSION_ID = ?", String.class, sessionId(session)))
                .isEqualTo("sekcam.ajibarang");

        // what the database no longer holds, no node knows: the session is read from there on every request
        jdbc.update("delete from SPRING_SESSION where SESSION_ID = ?", sessionId(session));

        assertThat(rest.exchange("/api/saya", HttpMethod.GET, new HttpEntity<>(session.headers()), String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    /** The id of a session as Spring Session stores it: the cookie's value is its Base64. */
    private static String sessionId(Session session) {
        String value = session.cookie().substring(session.cookie().indexOf('=') + 1);
        return new String(java.util.Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String stored = jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, "pelaksana.ajibarang");

        assertThat(stored).startsWith("{BCRYPT}$2a$").doesNotContain(STAFF_PASSWORD);
    }
}
