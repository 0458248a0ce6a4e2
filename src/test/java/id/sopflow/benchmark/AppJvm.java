package id.sopflow.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An application in a JVM of its own (no shared heap with the benchmark or the other application), started from the
 * repository root with the benchmark's classpath on a free port, its output in {@code target/benchmark/logs/}.
 *
 * @param launchedAt System.nanoTime() when the process was started
 */
record AppJvm(String name, Process process, String url, Path log, long launchedAt) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    /** Memory of the JVM: heap used right after a full GC, resident set size, in MB. */
    record Memory(double heapAfterGcMb, double rssMb) {
    }

    /**
     * Starts {@code mainClass}; {@code testClasses}: whether {@code target/test-classes} is on its classpath (never for
     * SOPflow, whose scan of {@code id.sopflow} would pick up the tests' and the benchmark's own configurations).
     */
    static AppJvm launch(String name, String mainClass, boolean testClasses, List<String> jvmOptions, List<String> arguments) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath(testClasses), mainClass, "--server.port=" + port));
        command.addAll(arguments);
        Path log = Path.of("target", "benchmark", "logs", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        long launchedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppJvm(name, process, "http://localhost:" + port, log, launchedAt);
    }

    /**
     * Waits until readiness is UP and the DPA is deployed (the user may read its definition), failing at once when the
     * JVM stops; returns the seconds since launch.
     */
    double awaitReady(String user) {
        boolean[] ready = {false, false}; // readiness UP, the DPA deployed
        org.awaitility.Awaitility.await(name + " ready; see " + log).atMost(STARTUP).pollInterval(Duration.ofMillis(100))
                .pollDelay(Duration.ZERO).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " stopped during start-up (exit " + process.exitValue() + "); see " + log);
                    }
                    ready[0] = ready[0] || status("/actuator/health/readiness", null, body -> body.contains("\"UP\""));
                    ready[1] = ready[1] || status("/engine-rest/process-definition/key/dpa", user, body -> true);
                    return ready[0] && ready[1];
                });
        return (System.nanoTime() - launchedAt) / 1e9;
    }

    private boolean status(String path, String user, Predicate<String> body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            request.header("Authorization", DpaUsers.basic(user));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && body.test(response.body());
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Heap after a full GC ({@code jcmd GC.run}, G1's heap info) and the resident set size (/proc). */
    Memory memory() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher heap = HEAP_USED.matcher(jcmd("GC.heap_info"));
        double heapMb = heap.find() ? Long.parseLong(heap.group(1)) / 1024.0 : Double.NaN;
        return new Memory(heapMb, rssMb());
    }

    double rssMb() throws IOException {
        Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status")));
        return rss.find() ? Long.parseLong(rss.group(1)) / 1024.0 : Double.NaN;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    /** Whether the log says the heap ran out. */
    boolean outOfMemory() throws IOException {
        return Files.readString(log).contains("OutOfMemoryError");
    }

    /** A graceful stop (SIGTERM), forced after 30 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The classpath of the benchmark: exec:java's class loader (inside Maven) or this JVM's own. */
    private static String classpath(boolean testClasses) {
        List<String> entries = Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader
                ? Arrays.stream(loader.getURLs()).map(AppJvm::path).toList()
                : List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        return entries.stream().filter(entry -> testClasses || !entry.replace('\\', '/').matches(".*/test-classes/?"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String path(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
