package id.sopflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A kabupaten in a 512 MB heap: SOPflow started with {@code -Xmx512m} (and {@code -XX:+ExitOnOutOfMemoryError}) on an
 * organisation of {@code kabupatenKecamatan} kecamatan ({@code config/organisasi.yaml} has two, Arut Selatan and
 * Ajibarang; the others are generated under {@code target/benchmark/} with the same six staff roles each), then
 * {@code kabupatenInstances} live DPAs started over {@code /engine-rest} by the Camat of each kecamatan in turn, and the
 * first two steps (Camat, Sekcam) completed in every fifth. OK when the JVM is alive with no OutOfMemoryError.
 */
final class Kabupaten {

    private static final Path ORGANISATION = Path.of("target", "benchmark", "organisasi-kabupaten.yaml").toAbsolutePath();
    private static final List<String> STAFF_ROLES = List.of("camat", "sekcam", "kasubbag", "pelaksana", "tim", "pengadministrasi");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the kabupaten took: OK (no OutOfMemoryError) and the memory after the load. */
    record Result(int kecamatan, int instances, int steps, boolean ok, AppJvm.Memory memory) {
    }

    private Kabupaten() {
    }

    static Result measure(BenchmarkDatabase database, BenchmarkSizes sizes) throws Exception {
        List<String> kecamatan = writeOrganisation(sizes.kabupatenKecamatan());
        List<String> arguments = new ArrayList<>(database.newDatabase("kabupaten").sopflowArguments());
        arguments.addAll(HttpComparison.sopflowPasswords());
        arguments.add("--sopflow.organisasi.file=" + ORGANISATION);
        AppJvm app = AppJvm.launch(HttpComparison.slug(database) + "-kabupaten", "id.sopflow.SopflowApplication", false,
                List.of("-Xmx512m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"), arguments);
        int steps = 0;
        try {
            app.awaitReady(DpaUsers.STARTER);
            steps = load(app.url(), kecamatan, sizes.kabupatenInstances(), sizes.httpClients());
            boolean ok = app.process().isAlive() && !app.outOfMemory();
            return new Result(kecamatan.size(), sizes.kabupatenInstances(), steps, ok, ok ? app.memory() : new AppJvm.Memory(Double.NaN, Double.NaN));
        } catch (IOException | IllegalStateException failure) {
            if (app.outOfMemory() || !app.process().isAlive()) {
                System.out.printf("  kabupaten: the application stopped (%s); see %s%n", failure, app.log());
                return new Result(kecamatan.size(), sizes.kabupatenInstances(), steps, false, new AppJvm.Memory(Double.NaN, Double.NaN));
            }
            throw failure;
        } finally {
            app.stop();
        }
    }

    /** Starts the instances round the kecamatan; completes steps 1 and 2 of every fifth; returns the steps completed. */
    private static int load(String base, List<String> kecamatan, int instances, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> work = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String office = kecamatan.get(i % kecamatan.size());
                boolean worked = i % 5 == 0;
                int number = i;
                work.add(pool.submit(() -> startAndWork(base, office, "DPA-KAB-" + number, worked)));
            }
            int steps = 0;
            for (Future<Integer> future : work) {
                steps += future.get();
            }
            return steps;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int startAndWork(String base, String office, String businessKey, boolean worked) throws Exception {
        JsonNode started = JSON.readTree(send(base, "/engine-rest/process-definition/key/dpa/start", "{\"businessKey\":\"" + businessKey + "\"}",
                "camat." + office, 200));
        if (!worked) {
            return 0;
        }
        for (String role : List.of("camat", "sekcam")) {
            JsonNode task = JSON.readTree(send(base, "/engine-rest/task?processInstanceId=" + started.get("id").asText(), null, role + "." + office, 200)).get(0);
            send(base, "/engine-rest/task/" + task.get("id").asText() + "/complete", "{}", role + "." + office, 204);
        }
        return 2;
    }

    private static String send(String base, String path, String json, String user, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", DpaUsers.basic(user));
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /**
     * {@code config/organisasi.yaml} with kecamatan added up to {@code count} ({@code kecamatan-03}, ...), each with a user
     * per staff role ({@code camat.kecamatan-03}, ..., the Pengadministrasi {@code umum.kecamatan-03}); returns every
     * kecamatan id.
     */
    @SuppressWarnings("unchecked")
    static List<String> writeOrganisation(int count) throws IOException {
        Map<String, Object> organisation = new Yaml().load(Files.readString(Path.of("config", "organisasi.yaml")));
        List<Map<String, Object>> offices = (List<Map<String, Object>>) organisation.get("kecamatan");
        List<Map<String, Object>> users = (List<Map<String, Object>>) organisation.get("pengguna");
        for (int n = offices.size() + 1; n <= count; n++) {
            String id = String.format("kecamatan-%02d", n);
            offices.add(new LinkedHashMap<>(Map.of("id", id, "nama", "Kecamatan Uji " + n, "zona", "WIB")));
            for (String role : STAFF_ROLES) {
                String user = (role.equals("pengadministrasi") ? "umum" : role) + "." + id;
                users.add(new LinkedHashMap<>(Map.of("id", user, "nama", role + " " + id + " (benchmark)", "peran", List.of(role), "kantor", id)));
            }
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.createDirectories(ORGANISATION.getParent());
        Files.writeString(ORGANISATION, new Yaml(options).dump(organisation));
        return offices.stream().map(office -> (String) office.get("id")).toList();
    }
}
