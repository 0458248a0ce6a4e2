package id.sopflow.durability;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static id.sopflow.durability.ApplicationProcess.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confirmed means stored (issues 7 and 12): the real application is killed with SIGKILL while clients start LAKIPs and
 * complete the pelaksana's steps over HTTP, on the embedded default (H2 in file mode with the URL flags of
 * {@code application.yaml}) and on PostgreSQL (the build's own server, which is not killed). Started again on the same
 * database, it has every task completion and every start it had answered with a 2xx, and every document it acknowledged
 * (issue 9: the draft of step 4, uploaded before the step is completed) with the SHA-256 of the bytes sent; no draft
 * step is finished without its draft; every open step still has its mutu baku timer, and the timers fire: a few are
 * made due while the application is down, and the restarted one runs each. Without {@code WRITE_DELAY=0} in the H2 URL,
 * H2 kept commits in memory for up to 500 ms, and each run lost the completions of the last few hundred milliseconds.
 */
class HardKillIT {

    private static final String STAFF = "pelaksana.arut-selatan";
    /** LAKIP steps 1-5 are the pelaksana's and none is a review: each is completed with an empty body. */
    private static final Set<String> PELAKSANA_STEPS = Set.of("langkah_01", "langkah_02", "langkah_03", "langkah_04", "langkah_05");
    /** LAKIP step 4 (the draft) is completed only with its draft uploaded to the instance's dossier. */
    private static final String DRAFT_STEP = "langkah_04";
    private static final String DRAFT = "draf dan matrik laporan";
    private static final int CLIENTS = 3;
    /** The kill comes right after this many completions were acknowledged, while the other clients' requests are in flight. */
    private static final int COMPLETIONS_BEFORE_KILL = 150;
    /** Timers made due while the application is down. */
    private static final int TIMERS_MADE_DUE = 5;

    private final List<ApplicationProcess> applications = new CopyOnWriteArrayList<>();

    /** An id the application answered with a 2xx, and when (System.nanoTime). */
    record Acknowledged(String id, long at) {
    }

    /** A document the application answered 201 for: its instance, id and the SHA-256 of the bytes sent. */
    record Uploaded(String instance, String id, String sha256) {
    }

    @AfterEach
    void killApplications() {
        applications.forEach(application -> application.process().destroyForcibly());
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyAcknowledgedCompletionStartDocumentAndTimerIsStillThereAfterSigkill(String databaseName, @TempDir Path dir) throws Exception {
        ApplicationProcess.Database database = databaseName.equals("H2") ? ApplicationProcess.Database.h2File(dir)
                : ApplicationProcess.Database.postgres();
        ApplicationProcess first = started(database, "hard-kill-" + databaseName + "-before.log");
        Queue<Acknowledged> completions = new ConcurrentLinkedQueue<>();
        Queue<Acknowledged> starts = new ConcurrentLinkedQueue<>();
        Queue<Uploaded> uploads = new ConcurrentLinkedQueue<>();
        CountDownLatch enough = new CountDownLatch(COMPLETIONS_BEFORE_KILL);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger cutOff = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long loadStarted = System.nanoTime();
        long killedAt;
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(client(first, completions, starts, uploads, enough, killed, cutOff)));
            }
            assertThat(enough.await(90, TimeUnit.SECONDS)).as("%d completions within 90 s", COMPLETIONS_BEFORE_KILL).isTrue();
            killed.set(true);
            killedAt = System.nanoTime();
            first.kill();
            for (Future<Void> client : running) {
                client.get(30, TimeUnit.SECONDS); // a failure before the kill fails the test
            }
        } finally {
            clients.shutdownNow();
        }

        // while it is down: every open step has its timer; a few are made due, to be run after the restart
        List<String> madeDue;
        try (Connection connection = database.connect()) {
            assertThat(openStepsWithoutTimer(connection)).as("open LAKIP steps without their mutu baku timer").isEmpty();
            madeDue = makeTimersDue(connection);
        }
        assertThat(madeDue).hasSize(TIMERS_MADE_DUE);

        ApplicationProcess second = started(database, "hard-kill-" + databaseName + "-after.log");
        Set<String> finishedTasks = new HashSet<>();
        for (JsonNode task : second.getJson("/engine-rest/history/task?processDefinitionKey=lakip&finished=true&maxResults=100000", ADMIN)) {
            if (!task.path("endTime").isNull()) {
                finishedTasks.add(task.get("id").asText());
            }
        }
        Set<String> instances = new HashSet<>();
        second.getJson("/engine-rest/history/process-instance?processDefinitionKey=lakip&maxResults=100000", ADMIN)
                .forEach(instance -> instances.add(instance.get("id").asText()));

        List<Acknowledged> lostCompletions = completions.stream().filter(c -> !finishedTasks.contains(c.id())).toList();
        List<Acknowledged> lostStarts = starts.stream().filter(s -> !instances.contains(s.id())).toList();
        System.out.printf("HardKillIT on %s: %d completions and %d starts acknowledged in %d ms (the last %d ms before SIGKILL, %d requests "
                        + "cut off); after the restart %d completions and %d starts are missing%s%n", database,
                completions.size(), starts.size(), (killedAt - loadStarted) / 1_000_000, agesAtKill(killedAt, completions).get(0),
                cutOff.get(), lostCompletions.size(), lostStarts.size(),
                lostCompletions.isEmpty() ? "" : ", completions acknowledged " + agesAtKill(killedAt, lostCompletions) + " ms before the kill");
        assertThat(lostCompletions).as("acknowledged completions missing from history").extracting(Acknowledged::id).isEmpty();
        assertThat(lostStarts).as("acknowledged starts missing").extracting(Acknowledged::id).isEmpty();

        // every acknowledged document is there with the bytes that were sent
        assertThat(uploads).as("drafts uploaded before the kill").isNotEmpty();
        for (Uploaded upload : uploads) {
            HttpResponse<byte[]> content = ApplicationProcess.http().send(ApplicationProcess.authorized(HttpRequest.newBuilder(
                    URI.create(second.url() + "/api/instances/" + upload.instance() + "/dokumen/" + upload.id() + "/isi")), ADMIN).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(content.statusCode()).as("document %s", upload.id()).isEqualTo(200);
            assertThat(sha256(content.body())).as("bytes of document %s", upload.id()).isEqualTo(upload.sha256());
            assertThat(second.getJson("/api/instances/" + upload.instance() + "/dokumen/" + upload.id(), ADMIN).get("sha256").asText())
                    .isEqualTo(upload.sha256());
        }
        // and no draft step finished without its draft: a completion and the document it needed were stored together
        for (JsonNode task : second.getJson("/engine-rest/history/task?processDefinitionKey=lakip&taskDefinitionKey=" + DRAFT_STEP
                + "&finished=true&maxResults=100000", ADMIN)) {
            JsonNode step4 = second.getJson("/api/instances/" + task.get("processInstanceId").asText() + "/kelengkapan", ADMIN).get("langkah").get(3);
            assertThat(step4.get("hasilWajib").get(0).get("ada").asBoolean()).as("draft of %s", task.get("processInstanceId")).isTrue();
        }
        // the timers made due while it was down are run by the restarted application's job executor
        for (String job : madeDue) {
            Awaitility.await("timer " + job + " run after the restart").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> second.getJson("/engine-rest/history/job-log?jobId=" + job + "&successLog=true", ADMIN).size() == 1);
        }
        System.out.printf("HardKillIT on %s: %d documents acknowledged, all intact after the restart; %d timers made due while down all ran%n",
                database, uploads.size(), madeDue.size());
    }

    private ApplicationProcess started(ApplicationProcess.Database database, String log) throws Exception {
        ApplicationProcess application = ApplicationProcess.start(database, log);
        applications.add(application);
        return application;
    }

    /** Open LAKIP steps whose instance has no timer job. */
    private static List<String> openStepsWithoutTimer(Connection connection) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT t.ID_ FROM ACT_RU_TASK t WHERE NOT EXISTS "
                + "(SELECT 1 FROM ACT_RU_JOB j WHERE j.PROCESS_INSTANCE_ID_ = t.PROC_INST_ID_ AND j.TYPE_ = 'timer')");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                missing.add(rows.getString(1));
            }
        }
        return missing;
    }

    /** Moves the due date of a few step timers into the past (as if the application had been down for days). */
    private static List<String> makeTimersDue(Connection connection) throws SQLException {
        List<String> jobs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT j.ID_ FROM ACT_RU_JOB j JOIN ACT_RU_TASK t "
                + "ON t.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ WHERE j.TYPE_ = 'timer' ORDER BY j.ID_");
             ResultSet rows = query.executeQuery()) {
            while (rows.next() && jobs.size() < TIMERS_MADE_DUE) {
                jobs.add(rows.getString(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ?")) {
            for (String job : jobs) {
                update.setTimestamp(1, Timestamp.valueOf("2020-01-06 08:00:00"));
                update.setString(2, job);
                update.executeUpdate();
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return jobs;
    }

    /** Starts a LAKIP, completes its pelaksana steps one by one, starts the next at step 6 (the Kasubbag's); until the kill. */
    private static Callable<Void> client(ApplicationProcess app, Queue<Acknowledged> completions, Queue<Acknowledged> starts,
                                         Queue<Uploaded> uploads, CountDownLatch enough, AtomicBoolean killed, AtomicInteger cutOff) {
        return () -> {
            try {
                String instance = startLakip(app, starts);
                while (!killed.get()) {
                    JsonNode task = app.getJson("/engine-rest/task?processInstanceId=" + instance, STAFF).path(0);
                    if (PELAKSANA_STEPS.contains(task.path("taskDefinitionKey").asText())) {
                        String id = task.get("id").asText();
                        if (task.path("taskDefinitionKey").asText().equals(DRAFT_STEP)) {
                            uploads.add(uploadDraft(app, instance));
                        }
                        app.send(HttpRequest.newBuilder(URI.create(app.url() + "/engine-rest/task/" + id + "/complete"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}")), STAFF, 204);
                        completions.add(new Acknowledged(id, System.nanoTime()));
                        enough.countDown();
                    } else {
                        instance = startLakip(app, starts);
                    }
                }
            } catch (IOException | RuntimeException failure) {
                if (killed.get() && failure instanceof IOException) {
                    cutOff.incrementAndGet(); // in flight when the application died: not acknowledged
                } else {
                    while (enough.getCount() > 0) {
                        enough.countDown(); // no use waiting: fail with this client's exception
                    }
                    throw failure;
                }
            }
            return null;
        };
    }

    private static String startLakip(ApplicationProcess app, Queue<Acknowledged> starts) throws IOException, InterruptedException {
        HttpResponse<String> response = app.send(HttpRequest.newBuilder(URI.create(app.url() + "/api/sop/lakip/mulai"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")), STAFF, 201);
        String id = ApplicationProcess.JSON.readTree(response.body()).get("id").asText();
        starts.add(new Acknowledged(id, System.nanoTime()));
        return id;
    }

    /** Uploads a small PDF as the step's draft; returns what the application acknowledged with 201. */
    private static Uploaded uploadDraft(ApplicationProcess app, String instance) throws IOException, InterruptedException {
        byte[] pdf = id.sopflow.demo.DemoPdf.of("Draf LAKIP", instance);
        String boundary = "----hard-kill-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jenis\"\r\n\r\n" + DRAFT + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"draf-lakip.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = ApplicationProcess.http().send(ApplicationProcess.authorized(HttpRequest.newBuilder(URI.create(app.url() + "/api/instances/" + instance + "/dokumen")),
                        STAFF).timeout(Duration.ofSeconds(30)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload: " + response.statusCode() + " " + response.body());
        }
        return new Uploaded(instance, ApplicationProcess.JSON.readTree(response.body()).get("id").asText(), sha256(pdf));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How long before the kill each was acknowledged, in ms, youngest first. */
    private static List<Long> agesAtKill(long killedAt, Collection<Acknowledged> acknowledged) {
        return acknowledged.stream().map(a -> (killedAt - a.at()) / 1_000_000).sorted().toList();
    }
}
