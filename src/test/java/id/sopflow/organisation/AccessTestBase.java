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
    protected IdentityService identityService;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected id.sopflow.dossier.Dossier dossier;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;

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

    protected TestRestTemplate noRedirects() {
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

    /**
     * Uploads, as SOPflow in the name of the task's holder, every document the task's step requires before it may be
     * completed (for tests whose subject is not the dossier).
     */
    protected void provideDocuments(Task task) {
        var step = id.sopflow.sop.StepMetadata.of(repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey())).orElseThrow();
        for (String kind : step.requiredOutputs()) {
            byte[] pdf = id.sopflow.demo.DemoPdf.of(kind);
            dossier.uploadAs("uji", task.getProcessInstanceId(), new id.sopflow.dossier.Dossier.Upload(kind, "uji.pdf", pdf.length,
                    new org.springframework.core.io.ByteArrayResource(pdf), null));
        }
    }

    /** The open task of an instance (read without any user, i.e. without checks). */
    protected Task openTask(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    protected ResponseEntity<List<Map<String, Object>>> getList(TestRestTemplate client, String url) {
        return client.exchange(url, HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
    }

    protected ResponseEntity<Map<String, Object>> getMap(TestRestTemplate client, String url) {
        return client.exchange(url, HttpMethod.GET, null, new ParameterizedTypeReference<>() { });
    }

    protected ResponseEntity<String> postJson(TestRestTemplate client, String url, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(url, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }

    /**
     * Uploads a file to an instance's dossier as a REST client would, with the multipart body written byte for byte
     * (so that a test can send the names and headers a hostile client sends).
     */
    protected ResponseEntity<String> upload(TestRestTemplate client, String instanceId, String kind, String fileName, byte[] content) {
        return client.exchange("/api/instances/" + instanceId + "/dokumen", HttpMethod.POST,
                multipart(kind, fileName, content, new HttpHeaders()), String.class);
    }

    /** A multipart/form-data body with the parts {@code jenis} and {@code berkas} (omitted when null). */
    protected static HttpEntity<byte[]> multipart(String kind, String fileName, byte[] content, HttpHeaders headers) {
        String boundary = "----sopflow-uji-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        if (kind != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jenis\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + kind + "\r\n").getBytes(utf8));
        }
        if (content != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
        return new HttpEntity<>(body.toByteArray(), all);
    }

    protected static String approvalJson(boolean approved, String note) {
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

    protected ResponseEntity<String> get(Session session, String url) {
        return noRedirects().exchange(url, HttpMethod.GET, new HttpEntity<>(session.headers()), String.class);
    }

    /** Posts a form of the page {@code pageUrl} (with its CSRF token). */
    protected ResponseEntity<String> post(Session session, String pageUrl, String action, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        form.add("_csrf", token(session, pageUrl));
        HttpHeaders headers = session.headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return noRedirects().exchange(action, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    protected String token(Session session, String pageUrl) {
        Matcher m = CSRF.matcher(get(session, pageUrl).getBody());
        assertThat(m.find()).as("CSRF token on " + pageUrl).isTrue();
        return m.group(1);
    }

    /** Completes the instance's open steps as their role through /engine-rest, with their documents, up to step {@code last}. */
    protected void walk(String instanceId, int last) {
        walk(instanceId, last, "arut-selatan");
    }

    protected void walk(String instanceId, int last, String kecamatan) {
        for (Task task = openTask(instanceId); task != null; task = openTask(instanceId)) {
            id.sopflow.sop.StepMetadata step = id.sopflow.sop.StepMetadata.of(repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
                    .getModelElementById(task.getTaskDefinitionKey())).orElseThrow();
            if (step.number() > last) {
                return;
            }
            provideDocuments(task);
            String user = step.role() + "." + kecamatan;
            String body = step.isReview() ? approvalJson(true, "") : "{}";
            ResponseEntity<String> done = postJson(as(user.replace("pengadministrasi.", "umum.")), "/engine-rest/task/" + task.getId()
                    + "/complete", body);
            assertThat(done.getStatusCode().value()).as(task.getTaskDefinitionKey() + ": " + done.getBody()).isEqualTo(204);
        }
    }

    protected Task openTask(String instanceId) {
        return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    }


    /** The id of what the instance sent Bappeda, as Bappeda's inbox lists it. */
    protected String submissionOf(String instanceId) {
        return (String) getList(as("staf.bappeda"), "/api/kiriman").getBody().stream().filter(s -> instanceId.equals(s.get("prosesInstanceId")))
                .findFirst().orElseThrow().get("id");
    }
}
