package id.sopflow.organisation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on into the Camunda web apps: Tasklist for staff, Cockpit and Admin only for admins; the web apps
 * send their own (closed) login form to SOPflow's /login.
 */
class WebappAccessIT extends AccessTestBase {

    @SuppressWarnings("unchecked")
    private static java.util.List<String> apps(ResponseEntity<Map<String, Object>> auth) {
        return (java.util.List<String>) auth.getBody().get("authorizedApps");
    }

    @Test
    void staffGetTasklistButNotCockpitOrAdmin() {
        Session pelaksana = login("pelaksana.arut-selatan");

        assertThat(get(pelaksana, "/camunda/app/tasklist/default/").getStatusCode().value()).isEqualTo(200);
        assertThat(get(pelaksana, "/camunda/app/cockpit/default/").getStatusCode().value()).isEqualTo(403);
        assertThat(get(pelaksana, "/camunda/app/admin/default/").getStatusCode().value()).isEqualTo(403);
        assertThat(get(pelaksana, "/actuator/metrics").getStatusCode().value()).isEqualTo(403);

        ResponseEntity<Map<String, Object>> auth = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(pelaksana.headers()), new ParameterizedTypeReference<>() { });
        assertThat(auth.getStatusCode().value()).isEqualTo(200);
        assertThat(auth.getBody()).containsEntry("userId", "pelaksana.arut-selatan");
        assertThat(apps(auth)).contains("tasklist").doesNotContain("cockpit", "admin");
    }

    @Test
    void theAdminGetsCockpit() {
        Session admin = login("admin");

        assertThat(get(admin, "/camunda/app/cockpit/default/").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<Map<String, Object>> auth = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(admin.headers()), new ParameterizedTypeReference<>() { });
        assertThat(apps(auth)).contains("cockpit", "admin", "tasklist");
    }

    @Test
    void camundasOwnPasswordLoginIsClosedBecauseItWouldBypassTheLockOut() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> anonymous = noRedirects().exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>("username=admin&password=" + ADMIN_PASSWORD, headers), String.class);
        assertThat(anonymous.getStatusCode().value()).isIn(401, 403);
        assertThat(postJson(as("pelaksana.ajibarang"), "/engine-rest/identity/verify",
                "{\"username\": \"admin\", \"password\": \"" + ADMIN_PASSWORD + "\"}").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void loggingOutOfAWebAppEndsTheWholeSession() {
        Session session = login("camat.ajibarang");
        HttpHeaders headers = session.headers();
        headers.add("X-XSRF-TOKEN", "apa-saja");

        ResponseEntity<String> logout = noRedirects().exchange("/camunda/api/admin/auth/user/default/logout", HttpMethod.POST,
                new HttpEntity<>(headers), String.class);

        assertThat(logout.getStatusCode().value()).isEqualTo(200);
        assertThat(get(session, "/api/saya").getStatusCode().value()).isEqualTo(401);
    }

    /**
     * After "Keluar" or when the session has expired a web app goes to its route #/login (Camunda's own login form,
     * closed here); the custom script of every app's config.js sends the browser to SOPflow's /login instead
     * (checked in a browser; here: that each app loads it and the script is served as JavaScript).
     */
    @ParameterizedTest
    @CsvSource({"tasklist, pelaksana.arut-selatan", "welcome, pelaksana.arut-selatan", "cockpit, admin", "admin, admin"})
    void everyWebAppSendsItsLoginFormToSopflowsLoginPage(String app, String userId) {
        Session session = login(userId);

        ResponseEntity<String> config = get(session, "/camunda/app/" + app + "/scripts/config.js");
        assertThat(config.getStatusCode().value()).isEqualTo(200);
        assertThat(config.getBody()).contains("export default {").containsPattern("\\n  customScripts: \\['\\.\\./sopflow/login-sopflow']");

        // the web apps import(<app-root>/app/<app>/ + entry + ".js"), which the browser resolves like this
        String script = URI.create("/camunda/app/" + app + "/").resolve("../sopflow/login-sopflow.js").toString();
        assertThat(script).isEqualTo("/camunda/app/sopflow/login-sopflow.js");
        ResponseEntity<String> served = get(session, script + "?bust=7.24.0");
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        assertThat(String.valueOf(served.getHeaders().getContentType())).matches("(text|application)/javascript.*"); // needed for a module
        assertThat(served.getBody()).contains("window.location.replace(loginPage + (loggingOut ? '?keluar' : ''))")
                .contains("+ '/login'");
        assertThat(noRedirects().getForEntity(script, String.class).getStatusCode().value()).isEqualTo(302);
    }
}
