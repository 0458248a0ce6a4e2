package id.sopflow.durability;

import id.sopflow.SopflowApplication;
import id.sopflow.engine.EngineClock;
import id.sopflow.dossier.DossierBeans;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.SopStart;
import id.sopflow.sop.StepMetadata;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes, one PostgreSQL database (issue 12): two application processes, each with its job executor, share the
 * build's PostgreSQL server, as a kabupaten would run SOPflow on Camunda's own clustering. 1,000 LAKIP steps fall due at
 * once (started ten working days ago, in one transaction, so that every timer becomes visible to both nodes at the
 * same moment): each is recorded late and escalated exactly once, with both nodes' job executors taking part. Then the
 * same step is completed from both nodes at the same moment, through {@code /engine-rest} and through the web app:
 * exactly one completion succeeds, the other is a clean 409 with a message, never a 500.
 * <p>
 * Last, a submission is answered on both nodes at once through {@code /api}: one tanda terima, one 409.
 * <p>
 * The steps are started by a third, short-lived instance of the application in this JVM (no job executor), with the
 * engine clock moved back: the nodes run on the real clock. It also sends an RUP to Bappeda, for the last test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ClusterIT {

    private static final int STEPS = 1000;
    private static final int RACES = 10;
    private static final String KECAMATAN = "arut-selatan";
    private static final String STAFF = "pelaksana." + KECAMATAN;
    private static final String BAPPEDA = "staf.bappeda";

    private static ApplicationProcess.Database database;
    private static ApplicationProcess nodeA;
    private static ApplicationProcess nodeB;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void twoNodes() throws Exception {
        database = ApplicationProcess.Database.postgres();
        String[] cluster = {
                // the job executor looks for due jobs at least once a second (production: up to a minute when idle)
                "--camunda.bpm.job-execution.wait-time-in-millis=250", "--camunda.bpm.job-execution.max-wait=1000"};
        nodeA = ApplicationProcess.start(database, "cluster-node-a.log", with(cluster, "--camunda.bpm.generic-properties.properties.hostname=node-a"));
        nodeB = ApplicationProcess.start(database, "cluster-node-b.log", with(cluster, "--camunda.bpm.generic-properties.properties.hostname=node-b"));
        jdbc = new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), database.password()));
    }

    @AfterAll
    static void stop() {
        for (ApplicationProcess node : new ApplicationProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.process().destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void thousandDeadlinesFallingDueAtOnceAreEachRecordedAndEscalatedOnceAcrossBothNodes() {
        startStepsTenWorkingDaysAgo();
        long since = System.nanoTime();

        Awaitility.await("1,000 overdue steps recorded and escalated by the two nodes").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> alerts("TERLAMBAT") == STEPS && alerts("ESKALASI") == STEPS && dueTimers() == 0);
        System.out.printf("ClusterIT: %d deadlines recorded and escalated by two nodes in %d ms%n", STEPS, (System.nanoTime() - since) / 1_000_000);

        assertThat(jdbc.queryForList("SELECT kunci FROM SOPFLOW_PERINGATAN GROUP BY kunci HAVING COUNT(*) > 1", String.class))
                .as("an alert recorded twice").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT tugas_id) FROM SOPFLOW_PERINGATAN WHERE jenis = 'ESKALASI' "
                + "AND business_key LIKE 'LAKIP-KLASTER-%'", Integer.class))
                .as("steps escalated").isEqualTo(STEPS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_INCIDENT", Integer.class)).as("incidents").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL", Integer.class))
                .as("jobs that failed").isZero();
        Map<String, Integer> byNode = new java.util.TreeMap<>();
        jdbc.query("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_DEF_TYPE_ LIKE 'timer%' AND JOB_STATE_ = 2 GROUP BY HOSTNAME_",
                row -> {
                    byNode.put(row.getString(1), row.getInt(2));
                });
        System.out.printf("ClusterIT: timer job log entries per node %s%n", byNode);
        assertThat(byNode).as("both nodes' job executors ran due timers").containsKeys("node-a", "node-b");
    }

    @Test
    @Order(2)
    void theSameStepCompletedFromBothNodesAtOnceSucceedsOnceAndTheOtherIsA409ThroughTheRestApi() throws Exception {
        for (String task : openSteps(RACES)) {
            List<HttpResponse<String>> answers = race(
                    () -> ApplicationProcess.exchange(HttpRequest.newBuilder(URI.create(nodeA.url() + "/engine-rest/task/" + task + "/complete"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}")), STAFF),
                    () -> ApplicationProcess.exchange(HttpRequest.newBuilder(URI.create(nodeB.url() + "/engine-rest/task/" + task + "/complete"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}")), STAFF));
            assertOneSucceededAndOneConflicted(task, answers, 204);
        }
    }

    @Test
    @Order(3)
    void theSameStepCompletedFromBothNodesAtOnceSucceedsOnceAndTheOtherIsA409InTheWebApp() throws Exception {
        WebSession onA = WebSession.login(nodeA.url(), STAFF);
        WebSession onB = WebSession.login(nodeB.url(), STAFF);
        for (String task : openSteps(RACES)) {
            String tokenA = onA.csrfOf("/tugas/" + task);
            String tokenB = onB.csrfOf("/tugas/" + task);
            List<HttpResponse<String>> answers = race(() -> onA.post("/tugas/" + task + "/selesai", tokenA),
                    () -> onB.post("/tugas/" + task + "/selesai", tokenB));
            assertOneSucceededAndOneConflicted(task, answers, 302);
        }
    }

    @Test
    @Order(4)
    void aSubmissionAnsweredOnBothNodesAtOnceIsOneTandaTerimaAndOne409ThroughTheApi() throws Exception {
        // the RUP that the starter sent waits in Bappeda's inbox
        String submission = nodeA.getJson("/api/kiriman?status=terkirim", BAPPEDA).get(0).get("id").asText();
        List<HttpResponse<String>> answers = race(
                () -> ApplicationProcess.exchange(HttpRequest.newBuilder(URI.create(nodeA.url() + "/api/kiriman/" + submission + "/terima"))
                        .POST(HttpRequest.BodyPublishers.noBody()), BAPPEDA),
                () -> ApplicationProcess.exchange(HttpRequest.newBuilder(URI.create(nodeB.url() + "/api/kiriman/" + submission + "/terima"))
                        .POST(HttpRequest.BodyPublishers.noBody()), BAPPEDA));
        assertThat(answers.stream().map(HttpResponse::statusCode).sorted().toList()).as("answers: %s",
                answers.stream().map(HttpResponse::body).toList()).containsExactly(200, 409);
        assertThat(answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow().body())
                .as("a problem detail that says why").contains("\"status\":409").contains("\"detail\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SOPFLOW_KIRIMAN WHERE nomor_tanda_terima IS NOT NULL", Integer.class))
                .as("tanda terima given").isEqualTo(1);
    }

    private static void assertOneSucceededAndOneConflicted(String task, List<HttpResponse<String>> answers, int success) {
        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).sorted().toList();
        assertThat(statuses).as("answers to the two completions of %s: %s", task, answers.stream().map(HttpResponse::body).toList())
                .containsExactly(success, 409);
        HttpResponse<String> loser = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.body()).as("the loser is told why").containsAnyOf("sudah diselesaikan", "baru saja diubah");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ? AND END_TIME_ IS NOT NULL", Integer.class, task))
                .as("step %s completed", task).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST h JOIN ACT_HI_TASKINST t ON t.PROC_INST_ID_ = h.PROC_INST_ID_ "
                + "WHERE h.ID_ = ? AND t.TASK_DEF_KEY_ = 'langkah_02'", Integer.class, task)).as("next steps after %s", task).isEqualTo(1);
    }

    /** Both at the same moment (released together by a latch), each on its own thread. */
    @SafeVarargs
    private static List<HttpResponse<String>> race(java.util.concurrent.Callable<HttpResponse<String>>... requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.length);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (var request : requests) {
                answers.add(threads.submit(() -> {
                    go.await();
                    return request.call();
                }));
            }
            go.countDown();
            List<HttpResponse<String>> done = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                done.add(answer.get(60, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<String> openSteps(int count) {
        return jdbc.queryForList("SELECT t.ID_ FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ "
                + "WHERE e.BUSINESS_KEY_ LIKE 'LAKIP-KLASTER-%' AND t.TASK_DEF_KEY_ = 'langkah_01' ORDER BY t.ID_", String.class).subList(0, count);
    }

    private static int alerts(String kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM SOPFLOW_PERINGATAN WHERE jenis = ? AND business_key LIKE 'LAKIP-KLASTER-%'",
                Integer.class, kind);
    }

    private static int dueTimers() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer' AND DUEDATE_ < CURRENT_TIMESTAMP", Integer.class);
    }

    /**
     * 1,000 LAKIPs of Arut Selatan started ten working days ago (step 1: 1 hari), by the application itself in this JVM,
     * in one transaction: their timers, all due, appear to both nodes at once.
     */
    private static void startStepsTenWorkingDaysAgo() {
        try (ConfigurableApplicationContext starter = new SpringApplicationBuilder(SopflowApplication.class).run(with(
                database.arguments().toArray(String[]::new), "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--sopflow.organisasi.admin-password=" + ApplicationProcess.ADMIN_PASSWORD,
                "--sopflow.organisasi.staff-password=" + ApplicationProcess.STAFF_PASSWORD, "--sopflow.organisasi.bcrypt-strength=4",
                "--camunda.bpm.process-engine-name=starter"))) {
            ProcessEngine engine = starter.getBean(ProcessEngine.class);
            new TransactionTemplate(starter.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
                EngineClock.setTo(Instant.now().minus(Duration.ofDays(14)));
                try {
                    for (int i = 0; i < STEPS; i++) {
                        SopStart.forKecamatan(engine, "lakip", KECAMATAN).businessKey("LAKIP-KLASTER-" + i).execute();
                    }
                } finally {
                    EngineClock.reset();
                }
            });
            sendRupToBappeda(engine, starter.getBean(javax.sql.DataSource.class));
        }
    }

    /** An RUP of Arut Selatan worked to its step 11, which sends it to Bappeda (now: nothing falls due). */
    private static void sendRupToBappeda(ProcessEngine engine, javax.sql.DataSource dataSource) {
        String rup = SopStart.forKecamatan(engine, "rup", KECAMATAN).businessKey("RUP-KLASTER").execute().getId();
        for (int step = 1; step <= 11; step++) {
            org.camunda.bpm.engine.task.Task task = engine.getTaskService().createTaskQuery().processInstanceId(rup).singleResult();
            DossierBeans.provideRequiredOutputs(engine, dataSource, task);
            boolean review = StepMetadata.of(engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
                    .getModelElementById(task.getTaskDefinitionKey())).orElseThrow().isReview();
            engine.getTaskService().complete(task.getId(), review ? Map.of(ProcessContract.APPROVED, true) : Map.of());
        }
    }

    private static String[] with(String[] arguments, String... more) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** A user logged in to the web app of one node: a cookie jar, CSRF tokens read from the pages. */
    private record WebSession(HttpClient client, String base) {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

        static WebSession login(String base, String user) throws Exception {
            WebSession session = new WebSession(HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build(), base);
            String token = session.csrfOf("/login");
            HttpResponse<String> login = session.post("/login", token, "username", user, "password", ApplicationProcess.STAFF_PASSWORD);
            assertThat(login.statusCode()).as("login of %s: %s", user, login.headers().firstValue("Location")).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return session;
        }

        String csrfOf(String path) throws Exception {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("a CSRF token on %s (%d)", path, page.statusCode()).isTrue();
            return token.group(1) != null ? token.group(1) : token.group(2);
        }

        HttpResponse<String> post(String path, String csrf, String... fields) throws Exception {
            StringBuilder form = new StringBuilder("_csrf=" + enc(csrf));
            for (int i = 0; i < fields.length; i += 2) {
                form.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
            }
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String enc(String value) {
            return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
