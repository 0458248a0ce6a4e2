package id.sopflow.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sopflow.TestPostgres;
import org.awaitility.Awaitility;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application in a JVM of its own ({@code id.sopflow.SopflowApplication} with the main classpath of this one,
 * from the repository root for config/ and bpmn/), as a node of production: killed with SIGKILL (HardKillIT), or one
 * of two nodes on one database (ClusterIT). Its output goes to {@code target/application-processes/}.
 */
record ApplicationProcess(Process process, String url, Path log) {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Uji-Admin-Rahasia-2026";
    static final String STAFF_PASSWORD = "Uji-Staf-Rahasia-2026";
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Path LOGS = Path.of("target", "application-processes");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    /** A database the application runs on: its URL, user and password, and the arguments that select it. */
    record Database(String name, String url, String user, String password, List<String> arguments) {

        /** The embedded default: H2 in file mode under {@code dir}, with the URL flags of {@code application.yaml}. */
        static Database h2File(Path dir) throws IOException {
            String url = "jdbc:h2:file:" + dir.resolve("sopflow") + productionUrlFlags();
            return new Database("H2 file", url, "sa", "", List.of("--spring.datasource.url=" + url));
        }

        /** A new database on the build's PostgreSQL server, with the production profile {@code postgres}. */
        static Database postgres() {
            TestPostgres server = TestPostgres.shared();
            String url = server.url(server.newDatabase());
            return new Database("PostgreSQL", url, server.user(), server.password(), List.of("--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + url, "--spring.datasource.username=" + server.user(),
                    "--spring.datasource.password=" + server.password()));
        }

        /** A connection of the test's own, e.g. while the application is down. */
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Starts the application on {@code database} and waits until it is ready (readiness: processes deployed);
     * {@code arguments} are added to its command line.
     */
    static ApplicationProcess start(Database database, String logName, String... arguments) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "id.sopflow.SopflowApplication",
                "--server.port=" + port,
                "--sopflow.organisasi.admin-password=" + ADMIN_PASSWORD,
                "--sopflow.organisasi.staff-password=" + STAFF_PASSWORD,
                "--sopflow.organisasi.bcrypt-strength=4"));
        command.addAll(database.arguments());
        command.addAll(List.of(arguments));
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(logName).toAbsolutePath();
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ApplicationProcess application = new ApplicationProcess(process, "http://localhost:" + port, log);
        Awaitility.await("the application ready; see " + log).atMost(STARTUP).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertThat(process.isAlive()).as("the application stopped during start-up; see %s", log).isTrue();
                    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(application.url() + "/actuator/health/readiness"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    return health.statusCode() == 200 && JSON.readTree(health.body()).path("status").asText().equals("UP");
                });
        // ready means deployed: a client that starts at once finds its process (issue 12)
        application.send(HttpRequest.newBuilder(URI.create(application.url() + "/engine-rest/process-definition/key/lakip")).GET(), ADMIN, 200);
        return application;
    }

    /** SIGKILL, no graceful stop; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("killed within 10 s").isTrue();
        assertThat(process.exitValue()).as("exit status 128 + 9: killed by SIGKILL").isEqualTo(137);
    }

    JsonNode getJson(String path, String user) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url + path)).GET(), user, 200).body());
    }

    /** The request as {@code user} (HTTP Basic, JSON); fails unless answered {@code expectedStatus}. */
    HttpResponse<String> send(HttpRequest.Builder request, String user, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(request, user);
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.build().uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /** The request as {@code user} (HTTP Basic, JSON), whatever the answer. */
    static HttpResponse<String> exchange(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
        return HTTP.send(authorized(request.timeout(Duration.ofSeconds(60)), user).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder authorized(HttpRequest.Builder request, String user) {
        String password = user.equals(ADMIN) ? ADMIN_PASSWORD : STAFF_PASSWORD;
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static HttpClient http() {
        return HTTP;
    }

    /** The flags of the production URL (application.yaml), e.g. {@code ;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0}. */
    @SuppressWarnings("unchecked")
    private static String productionUrlFlags() throws IOException {
        try (InputStream in = ApplicationProcess.class.getResourceAsStream("/application.yaml")) {
            Map<String, Object> spring = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("spring");
            String url = (String) ((Map<String, Object>) spring.get("datasource")).get("url");
            assertThat(url).as("the embedded default").startsWith("jdbc:h2:file:");
            return url.contains(";") ? url.substring(url.indexOf(';')) : "";
        }
    }
}
