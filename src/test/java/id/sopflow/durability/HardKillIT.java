package id.sopflow.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confirmed means stored (issue 7): the real application, on its embedded default database (H2 in file mode
 * with the URL flags of {@code application.yaml}), is killed with SIGKILL while clients start LAKIPs and
 * complete the pelaksana's steps over HTTP. Started again on the same files, it has every task completion
 * and every start it had answered with a 2xx, and every document it acknowledged (issue 9: the draft of step 4, uploaded
 * before the step is completed) with the SHA-256 of the bytes sent; no draft step is finished without its draft. Without {@code WRITE_DELAY=0} in that URL, H2 kept commits in
 * memory for up to 500 ms, and each run lost the completions of the last few hundred milliseconds.
 * The application runs in a JVM of its own (not a Spring test context), its output in {@code target/hard-kill-it/}.
 */
class HardKillIT {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "Uji-Admin-Rahasia-2026";
    private static final String STAFF = "pelaksana.arut-selatan";
    private static final String STAFF_PASSWORD = "Uji-Staf-Rahasia-2026";
    /** LAKIP steps 1-5 are the pelaksana's and none is a review: each is completed with an empty body. */
    private static final Set<String> PELAKSANA_STEPS = Set.of("langkah_01", "langkah_02", "langkah_03", "langkah_04", "langkah_05");
    /** LAKIP step 4 (the draft) is completed only with its draft uploaded to the instance's dossier. */
    private static final String DRAFT_STEP = "langkah_04";
    private static final String DRAFT = "draf dan matrik laporan";
    private static final int CLIENTS = 3;
    /** The kill comes right after this many completions were acknowledged, while the other clients' requests are in flight. */
    private static final int COMPLETIONS_BEFORE_KILL = 150;
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Path LOGS = Path.of("target", "hard-kill-it");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Process> APPLICATIONS = new CopyOnWriteArrayList<>();

    /** An id the application answered with a 2xx, and when (System.nanoTime). */
    record Acknowledged(String id, long at) {
    }

    /** A document the application answered 201 for: its instance, id and the SHA-256 of the bytes sent. */
    record Uploaded(String instance, String id, String sha256) {
    }

    /** The application in its JVM, and its base URL. */
    record Application(Process process, String url) {
    }

    @AfterAll
    static void killApplications() {
        APPLICATIONS.forEach(Process::destroyForcibly);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void everyAcknowledgedCompletionAndStartIsStillThereAfterSigkill(@TempDir Path dir) throws Exception {
        String database = "jdbc:h2:file:" + dir.resolve("sopflow") + productionUrlFlags();

        Application first = start(database, "app-before-kill.log");
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
                running.add(clients.submit(client(first.url(), completions, starts, uploads, enough, killed, cutOff)));
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("%d completions within 60 s", COMPLETIONS_BEFORE_KILL).isTrue();
            killed.set(true);
            killedAt = System.nanoTime();
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(first.process().exitValue()).as("exit status 128 + 9: killed by SIGKILL").isEqualTo(137);
            for (Future<Void> client : running) {
                client.get(30, TimeUnit.SECONDS); // a failure before the kill fails the test
            }
        } finally {
            clients.shutdownNow();
        }

        String second = start(database, "app-after-kill.log").url();
        Set<String> finishedTasks = new HashSet<>();
        for (JsonNode task : getJson(second + "/engine-rest/history/task?processDefinitionKey=lakip&finished=true&maxResults=100000", ADMIN)) {
            if (!task.path("endTime").isNull()) {
                finishedTasks.add(task.get("id").asText());
            }
        }
        Set<String> instances = new HashSet<>();
        getJson(second + "/engine-rest/history/process-instance?processDefinitionKey=lakip&maxResults=100000", ADMIN)
                .forEach(instance -> instances.add(instance.get("id").asText()));

        List<Acknowledged> lostCompletions = completions.stream().filter(c -> !finishedTasks.contains(c.id())).toList();
        List<Acknowledged> lostStarts = starts.stream().filter(s -> !instances.contains(s.id())).toList();
        System.out.printf("HardKillIT: %d completions and %d starts acknowledged in %d ms (the last %d ms before SIGKILL, %d requests "
                        + "cut off); after the restart %d completions and %d starts are missing%s%n",
                completions.size(), starts.size(), (killedAt - loadStarted) / 1_000_000, agesAtKill(killedAt, completions).get(0),
                cutOff.get(), lostCompletions.size(), lostStarts.size(),
                lostCompletions.isEmpty() ? "" : ", completions acknowledged " + agesAtKill(killedAt, lostCompletions) + " ms before the kill");
        assertThat(lostCompletions).as("acknowledged completions missing from history").extracting(Acknowledged::id).isEmpty();
        assertThat(lostStarts).as("acknowledged starts missing").extracting(Acknowledged::id).isEmpty();

        // every acknowledged document is there with the bytes that were sent
        assertThat(uploads).as("drafts uploaded before the kill").isNotEmpty();
        for (Uploaded upload : uploads) {
            HttpResponse<byte[]> content = HTTP.send(authorized(HttpRequest.newBuilder(
                    URI.create(second + "/api/instances/" + upload.instance() + "/dokumen/" + upload.id() + "/isi")), ADMIN).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(content.statusCode()).as("document %s", upload.id()).isEqualTo(200);
            assertThat(sha256(content.body())).as("bytes of document %s", upload.id()).isEqualTo(upload.sha256());
            assertThat(getJson(second + "/api/instances/" + upload.instance() + "/dokumen/" + upload.id(), ADMIN).get("sha256").asText())
                    .isEqualTo(upload.sha256());
        }
        // and no draft step finished without its draft: a completion and the document it needed were stored together
        for (JsonNode task : getJson(second + "/engine-rest/history/task?processDefinitionKey=lakip&taskDefinitionKey=" + DRAFT_STEP
                + "&finished=true&maxResults=100000", ADMIN)) {
            JsonNode step4 = getJson(second + "/api/instances/" + task.get("processInstanceId").asText() + "/kelengkapan", ADMIN).get("langkah").get(3);
            assertThat(step4.get("hasilWajib").get(0).get("ada").asBoolean()).as("draft of %s", task.get("processInstanceId")).isTrue();
        }
        System.out.printf("HardKillIT: %d documents acknowledged, all intact after the restart%n", uploads.size());
    }

    /** Starts a LAKIP, completes its pelaksana steps one by one, starts the next at step 6 (the Kasubbag's); until the kill. */
    private static Callable<Void> client(String base, Queue<Acknowledged> completions, Queue<Acknowledged> starts,
                                         Queue<Uploaded> uploads, CountDownLatch enough, AtomicBoolean killed, AtomicInteger cutOff) {
        return () -> {
            try {
                String instance = startLakip(base, starts);
                while (!killed.get()) {
                    JsonNode task = getJson(base + "/engine-rest/task?processInstanceId=" + instance, STAFF).path(0);
                    if (PELAKSANA_STEPS.contains(task.path("taskDefinitionKey").asText())) {
                        String id = task.get("id").asText();
                        if (task.path("taskDefinitionKey").asText().equals(DRAFT_STEP)) {
                            uploads.add(uploadDraft(base, instance));
                        }
                        send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/task/" + id + "/complete"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}")), STAFF, 204);
                        completions.add(new Acknowledged(id, System.nanoTime()));
                        enough.countDown();
                    } else {
                        instance = startLakip(base, starts);
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

    private static String startLakip(String base, Queue<Acknowledged> starts) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/sop/lakip/mulai"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")), STAFF, 201);
        String id = JSON.readTree(response.body()).get("id").asText();
        starts.add(new Acknowledged(id, System.nanoTime()));
        return id;
    }

    /** Uploads a small PDF as the step's draft; returns what the application acknowledged with 201. */
    private static Uploaded uploadDraft(String base, String instance) throws IOException, InterruptedException {
        byte[] pdf = id.sopflow.demo.DemoPdf.of("Draf LAKIP", instance);
        String boundary = "----hard-kill-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jenis\"\r\n\r\n" + DRAFT + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"draf-lakip.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(authorized(HttpRequest.newBuilder(URI.create(base + "/api/instances/" + instance + "/dokumen")),
                        STAFF).timeout(Duration.ofSeconds(30)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload: " + response.statusCode() + " " + response.body());
        }
        return new Uploaded(instance, JSON.readTree(response.body()).get("id").asText(), sha256(pdf));
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
        String password = user.equals(ADMIN) ? ADMIN_PASSWORD : STAFF_PASSWORD;
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The flags of the production URL (application.yaml), e.g. {@code ;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0}. */
    @SuppressWarnings("unchecked")
    private static String productionUrlFlags() throws IOException {
        try (InputStream in = HardKillIT.class.getResourceAsStream("/application.yaml")) {
            Map<String, Object> spring = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("spring");
            String url = (String) ((Map<String, Object>) spring.get("datasource")).get("url");
            assertThat(url).as("the embedded default").startsWith("jdbc:h2:file:");
            return url.contains(";") ? url.substring(url.indexOf(';')) : "";
        }
    }

    /**
     * Runs {@code id.sopflow.SopflowApplication} in a new JVM with the main classpath of this one, from the
     * repository root (config/, bpmn/), and waits until it is healthy (C1 only, to start faster).
     */
    private static Application start(String database, String logName) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "id.sopflow.SopflowApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + database,
                "--sopflow.organisasi.admin-password=" + ADMIN_PASSWORD,
                "--sopflow.organisasi.staff-password=" + STAFF_PASSWORD,
                "--sopflow.organisasi.bcrypt-strength=4");
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(logName);
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        APPLICATIONS.add(process);

        String base = "http://localhost:" + port;
        // a separate JVM: wait for its health, bounded, failing at once if it stops
        Awaitility.await("the application healthy; see " + log.toAbsolutePath()).atMost(STARTUP).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertThat(process.isAlive()).as("the application stopped during start-up; see %s", log.toAbsolutePath()).isTrue();
                    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return health.statusCode() == 200 && JSON.readTree(health.body()).path("status").asText().equals("UP");
                });
        return new Application(process, base);
    }

    private static JsonNode getJson(String url, String user) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url)).GET(), user, 200).body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String user, int expectedStatus)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(authorized(request.timeout(Duration.ofSeconds(30)), user)
                        .header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.build().uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /** How long before the kill each was acknowledged, in ms, youngest first. */
    private static List<Long> agesAtKill(long killedAt, Collection<Acknowledged> acknowledged) {
        return acknowledged.stream().map(a -> (killedAt - a.at()) / 1_000_000).sorted().toList();
    }
}
