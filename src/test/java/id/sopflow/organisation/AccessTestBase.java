package id.sopflow.organisation;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the access-control integration tests: the application with the test profile (users of
 * config/organisasi.yaml with the passwords of application-test.yaml), REST helpers, and starting SOPs
 * through the engine API as a user of a kecamatan. Not a test itself. Public, with protected helpers, for the
 * integration tests of other packages' {@code /api} (they share its application context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AccessTestBase {

    static final String STAFF_PASSWORD = "Uji-Staf-Rahasia-2026";
    static final String ADMIN_PASSWORD = "Uji-Admin-Rahasia-2026";

    @Autowired
    protected TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    /** Other tests share the application context: leave no running instance behind. */
    @AfterEach
    protected void deleteInstances() {
        runtimeService.createProcessInstanceQuery().list()
                .forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(), "test", true, true, true, true));
    }

    /** REST as a user of the organisation file, HTTP Basic. */
    protected TestRestTemplate as(String userId) {
        return rest.withBasicAuth(userId, userId.equals("admin") ? ADMIN_PASSWORD : STAFF_PASSWORD);
    }

    TestRestTemplate noRedirects() {
        return rest.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    /** Starts an SOP through the engine API as that user (their groups and kecamatan), like Tasklist would. */
    ProcessInstance startAs(String userId, String processKey, Map<String, Object> variables) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        identityService.setAuthentication(userId, groups, tenants);
        try {
            return runtimeService.startProcessInstanceByKey(processKey, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    protected ProcessInstance startAs(String userId, String processKey) {
        return startAs(userId, processKey, Map.of());
    }

    /** The open task of an instance (read without any user, i.e. without checks). */
    Task openTask(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    ResponseEntity<List<Map<String, Object>>> getList(TestRestTemplate client, String url) {
        return client.exchange(url, HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
    }

    ResponseEntity<Map<String, Object>> getMap(TestRestTemplate client, String url) {
        return client.exchange(url, HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
    }

    ResponseEntity<String> postJson(TestRestTemplate client, String url, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(url, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }

    static String approvalJson(boolean approved, String note) {
        return """
                {"variables": {"disetujui": {"value": %s, "type": "Boolean"}, "catatan": {"value": "%s", "type": "String"}}}
                """.formatted(approved, note);
    }

    /** Asserts that nothing happened to the task: still open, unassigned, and no variable written to its instance. */
    void assertUntouched(Task task, String... variables) {
        Task now = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(now).as("tugas masih terbuka").isNotNull();
        assertThat(now.getAssignee()).as("tidak diklaim").isNull();
        Map<String, Object> vars = runtimeService.getVariables(task.getProcessInstanceId());
        for (String variable : variables) {
            assertThat(vars).as("variabel tidak ditulis").doesNotContainKey(variable);
        }
        assertThat(historyService.createUserOperationLogQuery().taskId(task.getId()).count()).as("tidak ada operasi tercatat").isZero();
    }

    // --- browser session --------------------------------------------------------------------------------

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A logged-in browser: the session cookie after the form login. */
    protected record Session(String cookie) {
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.add(HttpHeaders.COOKIE, cookie);
            return headers;
        }
    }

    /** GET /login, then POST the form; returns the response of the POST and the session cookie. */
    ResponseEntity<String> formLogin(String userId, String password, StringBuilder sessionCookie) {
        ResponseEntity<String> page = noRedirects().getForEntity("/login", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        String cookie = cookie(page);
        Matcher m = CSRF.matcher(page.getBody());
        assertThat(m.find()).as("token CSRF di halaman login").isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", userId);
        form.add("password", password);
        form.add("_csrf", m.group(1));
        ResponseEntity<String> response = noRedirects().exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        String after = cookie(response);
        sessionCookie.setLength(0);
        sessionCookie.append(after != null ? after : cookie);
        return response;
    }

    protected Session login(String userId) {
        StringBuilder cookie = new StringBuilder();
        ResponseEntity<String> response = formLogin(userId, userId.equals("admin") ? ADMIN_PASSWORD : STAFF_PASSWORD, cookie);
        assertThat(response.getStatusCode().value()).isEqualTo(302);
        assertThat(response.getHeaders().getLocation()).hasPath("/");
        return new Session(cookie.toString());
    }

    static String cookie(ResponseEntity<?> response) {
        List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (cookies == null) {
            return null;
        }
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }
}
