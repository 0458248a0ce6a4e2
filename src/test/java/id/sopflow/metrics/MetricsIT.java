package id.sopflow.metrics;

import id.sopflow.demo.DemoPdf;
import id.sopflow.dossier.Dossier;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code /actuator/prometheus} after a scripted run of shared DPA instances on the engine's clock (timers fired by
 * executing their jobs): the overdue gauge by SOP, kecamatan and role (read from the database, falling to 0 once the
 * step is done), the working-time histograms of the steps and their ratio to the mutu baku, the instance counters (a
 * late finish, a cancelled instance that counts as no finish) and the escalations; the exposition passes
 * {@code promtool check metrics} without a finding on SOPflow's metrics; the admin alone reads it.
 *
 * <p>Monday 24 November 2025, WIB, office hours 07:30–12:00 and 13:00–16:00. DPA step 1 (Camat) has 5 menit, step 2
 * (Sekcam) 30 menit, steps 3–5 1 hari kerja each, step 6 10 menit: an instance started at 10:00 is planned to finish on
 * Thursday 27 November at 10:45.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sopflow.metrik.cache-terlambat=0s", // every scrape reads the database: the figures are exact at once
                "SOPFLOW_METRICS_TOKEN=" + MetricsIT.SCRAPE_TOKEN}) // by the name Compose sets it
@AutoConfigureObservability(tracing = false) // Spring Boot's tests export no metrics unless asked: this one is about them
@ActiveProfiles("test")
class MetricsIT {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String ADMIN = "Uji-Admin-Rahasia-2026";
    private static final String STAFF = "Uji-Staf-Rahasia-2026";
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Autowired
    TestRestTemplate anonymous;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    Dossier dossier;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void clean() {
        ClockUtil.reset();
        runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
        jdbc.update("delete from SOPFLOW_PEMBERITAHUAN");
        jdbc.update("delete from SOPFLOW_PERINGATAN");
    }

    @Test
    void lateAndOnTimeStepsShowAsOverdueStepsDurationsAndCounters() throws Exception {
        at("2025-11-24T10:00");
        String a1 = startDpa("ajibarang", "DPA-A1");
        String a2 = startDpa("ajibarang", "DPA-A2");
        String b1 = startDpa("arut-selatan", "DPA-B1");

        at("2025-11-24T10:03");
        complete(a1, 1); // 3 of 5 minutes: on time

        at("2025-11-24T10:07");
        // step 1 of A2 and B1 was due at 10:05: recorded overdue; B1's timer fires once more, after twice the limit: escalated
        timers(a2, 1).forEach(j -> management.executeJob(j.getId()));
        timers(b1, 1).forEach(j -> management.executeJob(j.getId()));
        at("2025-11-24T10:30");
        timers(b1, 1).forEach(j -> management.executeJob(j.getId()));

        Map<String, Double> first = scrape();
        assertThat(first).containsEntry(overdue("ajibarang", "camat"), 1.0).containsEntry(overdue("arut-selatan", "camat"), 1.0)
                .containsEntry("sopflow_escalations_total{kecamatan=\"arut-selatan\",sop=\"dpa\"}", 1.0)
                .containsEntry("sopflow_instances_started_total{kecamatan=\"ajibarang\",sop=\"dpa\"}", 2.0)
                .containsEntry("sopflow_instances_started_total{kecamatan=\"arut-selatan\",sop=\"dpa\"}", 1.0)
                .doesNotContainKey("sopflow_escalations_total{kecamatan=\"ajibarang\",sop=\"dpa\"}");

        at("2025-11-24T10:40");
        complete(a2, 1); // 40 minutes of 5: 8 times the limit
        at("2025-11-24T11:00");
        timers(a1, 2).forEach(j -> management.executeJob(j.getId())); // A1's step 2 was due at 10:33: the Sekcam's step is overdue

        Map<String, Double> second = scrape();
        assertThat(second).containsEntry(overdue("ajibarang", "camat"), 0.0) // done: the series stays, at 0
                .containsEntry(overdue("ajibarang", "sekcam"), 1.0)
                .containsEntry(overdue("arut-selatan", "camat"), 1.0);

        // A1 goes through on Monday (on time); A2 only on Friday, after its planned finish (Thursday 10:45): late.
        // A1's step 3 is first refused (its draft not uploaded): rolled back, it counts nothing
        complete(a1, 2);
        String step3 = tasks.createTaskQuery().processInstanceId(a1).singleResult().getId();
        assertThatThrownBy(() -> tasks.complete(step3)).hasMessageContaining("belum diunggah");
        for (int step = 3; step <= 6; step++) {
            complete(a1, step);
        }
        at("2025-11-28T09:00");
        for (int step = 2; step <= 6; step++) {
            complete(a2, step);
        }
        runtime.deleteProcessInstance(b1, "dibatalkan"); // cancelled: no finish

        String text = scrapeText();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/metrics-scrape.txt"), text); // to read what the assertions saw
        Map<String, Double> last = parse(text);
        String step1 = "kecamatan=\"ajibarang\",sop=\"dpa\",step=\"1\"";
        assertThat(last)
                .containsEntry(overdue("ajibarang", "camat"), 0.0)
                .containsEntry(overdue("ajibarang", "sekcam"), 0.0)
                .containsEntry(overdue("arut-selatan", "camat"), 0.0) // its instance was cancelled: the alert is closed
                .containsEntry("sopflow_instances_finished_total{kecamatan=\"ajibarang\",sop=\"dpa\"}", 2.0)
                .containsEntry("sopflow_instances_finished_late_total{kecamatan=\"ajibarang\",sop=\"dpa\"}", 1.0)
                .doesNotContainKey("sopflow_instances_finished_total{kecamatan=\"arut-selatan\",sop=\"dpa\"}")
                // step 1: A1 3 minutes (180 s, ratio 0.6), A2 40 minutes (2400 s, ratio 8)
                .containsEntry("sopflow_step_duration_seconds_count{" + step1 + "}", 2.0)
                .containsEntry("sopflow_step_duration_seconds_sum{" + step1 + "}", 2580.0)
                .containsEntry("sopflow_step_duration_seconds_bucket{" + step1 + ",le=\"300.0\"}", 1.0)
                .containsEntry("sopflow_step_duration_seconds_bucket{" + step1 + ",le=\"1800.0\"}", 1.0)
                .containsEntry("sopflow_step_duration_seconds_bucket{" + step1 + ",le=\"3600.0\"}", 2.0)
                .containsEntry("sopflow_step_limit_ratio_count{" + step1 + "}", 2.0)
                .containsEntry("sopflow_step_limit_ratio_bucket{" + step1 + ",le=\"1.0\"}", 1.0)
                .containsEntry("sopflow_step_limit_ratio_bucket{" + step1 + ",le=\"5.0\"}", 1.0)
                .containsEntry("sopflow_step_limit_ratio_bucket{" + step1 + ",le=\"10.0\"}", 2.0) // 8 times
                .containsEntry("sopflow_step_limit_ratio_bucket{" + step1 + ",le=\"+Inf\"}", 2.0)
                // step 2: A1 10:03 to 11:00 (57 minutes); A2 Monday 10:40 to Friday 09:00 in office hours: Monday 260 minutes,
                // Tuesday to Thursday 450 each, Friday 90: 1700 minutes
                .containsEntry("sopflow_step_duration_seconds_sum{kecamatan=\"ajibarang\",sop=\"dpa\",step=\"2\"}", (57 + 1700) * 60.0)
                .containsEntry("sopflow_step_limit_ratio_bucket{kecamatan=\"ajibarang\",sop=\"dpa\",step=\"2\",le=\"1.0\"}", 0.0)
                .containsEntry("sopflow_step_limit_ratio_bucket{kecamatan=\"ajibarang\",sop=\"dpa\",step=\"2\",le=\"2.0\"}", 1.0) // 1.9
                .containsEntry("sopflow_step_limit_ratio_bucket{kecamatan=\"ajibarang\",sop=\"dpa\",step=\"2\",le=\"+Inf\"}", 2.0)
                .containsEntry("sopflow_step_duration_seconds_count{kecamatan=\"ajibarang\",sop=\"dpa\",step=\"3\"}", 2.0); // not 3
        for (String family : MetricNames.EXPOSED) {
            if (!family.startsWith("sopflow_submissions")) { // no DPA goes to Bappeda (BappedaIT counts those)
                assertThat(text).as(family).contains("# TYPE " + family.replaceAll("_total$", ""));
            }
        }

        // the same run in the Sekcam's compliance report of the semester (issue 14's "done when"): step 1 was late once in
        // two runs (50 % on time, under the 80 % threshold), step 2 twice: both "tidak berjalan dengan baik", and the SOP
        String report = status200("sekcam.ajibarang:" + STAFF, "/kepatuhan/dpa.csv?semester=2025-2");
        List<String> rows = report.lines().toList();
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("1;").contains(";2;1;50%;").contains("tidak berjalan dengan baik"))
                .anySatisfy(row -> assertThat(row).startsWith("2;").contains("tidak berjalan dengan baik"))
                .anySatisfy(row -> assertThat(row).startsWith(";Keseluruhan SOP").contains("tidak berjalan dengan baik"));

        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL), "promtool (Debian package prometheus) is not installed");
        List<String> findings = promtool(text);
        assertThat(findings).as("promtool check metrics on SOPflow's metrics").noneMatch(line -> line.contains("sopflow_"));
    }

    static final String SCRAPE_TOKEN = "uji-token-prometheus-0123456789abcdef0123";

    @Test
    void onlyTheAdminAndTheScrapeTokenReadTheMetrics() throws Exception {
        assertThat(status(null)).isEqualTo(401);
        assertThat(status("sekcam.ajibarang:" + STAFF)).isEqualTo(403);
        assertThat(status("admin:" + ADMIN)).isEqualTo(200);
        assertThat(bearer("/actuator/prometheus", SCRAPE_TOKEN)).isEqualTo(200);
        assertThat(bearer("/actuator/prometheus", SCRAPE_TOKEN + "x")).as("another token").isEqualTo(401);
        assertThat(bearer("/actuator/prometheus", SCRAPE_TOKEN.substring(1))).isEqualTo(401);
        // the token opens the metrics and nothing else
        for (String other : List.of("/actuator/env", "/actuator/metrics", "/api/saya", "/engine-rest/task", "/tugas")) {
            assertThat(bearer(other, SCRAPE_TOKEN)).as(other).isIn(401, 302);
        }
    }

    /** The status of a GET with {@code Authorization: Bearer token} and no cookie. */
    private int bearer(String path, String token) throws IOException, InterruptedException {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * The status of {@code /actuator/prometheus} for a request of its own, with HTTP Basic {@code user:password} or none:
     * no cookie of an earlier request (TestRestTemplate's clients share a cookie store, so an "anonymous" one would send
     * the admin's session).
     */
    private int status(String credentials) throws IOException, InterruptedException {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"));
        if (credentials != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The body of a GET with HTTP Basic {@code user:password} and no cookie, asserting 200. */
    private String status200(String credentials, String path) throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String overdue(String kecamatan, String role) {
        return "sopflow_steps_overdue{kecamatan=\"" + kecamatan + "\",role=\"" + role + "\",sop=\"dpa\"}";
    }

    private String startDpa(String kecamatan, String businessKey) {
        return runtime.createProcessInstanceByKey("dpa").processDefinitionWithoutTenantId().businessKey(businessKey)
                .setVariable(ProcessContract.KECAMATAN, kecamatan).execute().getId();
    }

    /** Completes the instance's step {@code number}: its required outputs uploaded first, a review approved. */
    private void complete(String instance, int number) {
        Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ProcessContract.stepElement(number));
        StepMetadata step = StepMetadata.of(repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey())).orElseThrow();
        for (String kind : step.requiredOutputs()) {
            byte[] pdf = DemoPdf.of(kind, instance);
            dossier.uploadAs("admin", instance, new Dossier.Upload(kind, "dokumen.pdf", pdf.length, new ByteArrayResource(pdf), null));
        }
        tasks.complete(task.getId(), step.isReview() ? Map.of(ProcessContract.APPROVED, true) : Map.of());
    }

    private List<Job> timers(String instance, int step) {
        return management.createJobQuery().processInstanceId(instance)
                .activityId(ProcessContract.deadlineTimer(ProcessContract.stepElement(step))).list();
    }

    private String scrapeText() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_PLAIN));
        ResponseEntity<String> response = anonymous.withBasicAuth("admin", ADMIN)
                .exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Double> scrape() {
        return parse(scrapeText());
    }

    private static final Pattern SAMPLE = Pattern.compile("^(sopflow_[a-z_]+)(\\{[^}]*})?\\s+(\\S+)");

    /** SOPflow's samples of an exposition by name and labels as written (labels sorted by Micrometer and by the gauge). */
    static Map<String, Double> parse(String exposition) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.find()) {
                samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
            }
        }
        return samples;
    }

    /** promtool's findings on an exposition (it reads it on stdin; its exit code says only whether there were any). */
    static List<String> promtool(String exposition) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output.lines().toList();
    }

    private static void at(String local) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(local).atZone(WIB).toInstant()));
    }
}
