package id.sopflow.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * SOPflow side by side with plain Camunda 7.24, in one run, on H2 (file mode, the embedded default) and on PostgreSQL:
 * the engine's cost per step in one JVM ({@link EngineCost}); instances and steps per second end to end over HTTP, start
 * time and memory, each application in a JVM of its own ({@link HttpComparison}); the time to record and escalate
 * simultaneous deadlines ({@link Deadlines}); a kabupaten in a 512 MB heap ({@link Kabupaten}). Prints every figure as it
 * is measured and a table at the end. Not a test. Run:
 * <pre>mvn -q test-compile exec:java@benchmark [-Dbenchmark.size=quick] [-Dbenchmark.databases=h2,postgres]</pre>
 * and the query times of Tugas Saya and Terlambat at 1,000, 10,000 and 100,000 open steps ({@link PageBenchmark}, which
 * {@code exec:java@pages} also runs alone, with every page).
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        BenchmarkSizes sizes = BenchmarkSizes.fromSystemProperties();
        Report report = new Report();
        System.out.printf("SOPflow benchmark, %s sizes: %s%nStripped for plain Camunda: %s%n", sizes.name(), sizes,
                String.join("; ", StrippedBpmn.WHAT_IS_STRIPPED));
        for (String name : sizes.databases()) {
            try (BenchmarkDatabase database = open(name)) {
                measure(database, sizes, report);
            }
        }
        report.print(sizes);
        System.exit(0); // the app JVMs are gone; stop Maven's lingering threads of the engines and pools
    }

    private static BenchmarkDatabase open(String name) {
        return switch (name) {
            case "h2" -> new H2Files();
            case "postgres" -> new EmbeddedPostgres();
            default -> throw new IllegalArgumentException("unknown database " + name + " (h2, postgres)");
        };
    }

    private static void measure(BenchmarkDatabase database, BenchmarkSizes sizes, Report report) {
        List<Part> parts = new ArrayList<>();
        if (sizes.runs("engine")) {
            parts.add(new Part("engine cost per step", () -> engine(database, sizes, report)));
        }
        if (sizes.runs("http")) {
            parts.add(new Part("end to end over HTTP, start time and memory", () -> http(database, sizes, report)));
        }
        if (sizes.runs("deadlines")) {
            parts.add(new Part("simultaneous deadlines", () -> deadlines(database, sizes, report)));
        }
        if (sizes.runs("kabupaten")) {
            parts.add(new Part("a kabupaten in a 512 MB heap", () -> kabupaten(database, sizes, report)));
        }
        if (sizes.runs("pages")) {
            parts.add(new Part("Tugas Saya and Terlambat at growing numbers of open steps", () -> pages(database, sizes, report)));
        }
        for (Part part : parts) {
            System.out.printf("%n== %s, %s ==%n", database.name(), part.name());
            try {
                part.body().run();
            } catch (Exception failure) {
                failure.printStackTrace();
                report.failed(database.name(), part.name(), failure);
            }
        }
    }

    private static void engine(BenchmarkDatabase database, BenchmarkSizes sizes, Report report) throws Exception {
        EngineCost.Result engine = EngineCost.measure(database, sizes);
        report.slowdown(database.name(), "engine: ms per step (wall)", engine.sopflow().ms(), engine.plain().ms(), "ms", 1.15);
        report.slowdown(database.name(), "engine: ms per step (CPU of the JVM)", engine.sopflow().cpuMs(), engine.plain().cpuMs(), "ms", 1.15);
    }

    private static void http(BenchmarkDatabase database, BenchmarkSizes sizes, Report report) throws Exception {
        HttpComparison.Result http = HttpComparison.measure(database, sizes);
        String db = database.name();
        report.throughput(db, "HTTP: instances started per second", http.sopflowMedian(run -> run.load().instancesPerSecond()),
                http.plainMedian(run -> run.load().instancesPerSecond()), "/s", 1.15);
        report.throughput(db, "HTTP: steps completed per second", http.sopflowMedian(run -> run.load().stepsPerSecond()),
                http.plainMedian(run -> run.load().stepsPerSecond()), "/s", 1.15);
        report.compare(db, "start: until readiness UP and DPA deployed", http.sopflowMedian(HttpComparison.Run::startSeconds),
                http.plainMedian(HttpComparison.Run::startSeconds), "s");
        report.compare(db, "memory at rest: heap after full GC", http.sopflowMedian(run -> run.atRest().heapAfterGcMb()),
                http.plainMedian(run -> run.atRest().heapAfterGcMb()), "MB");
        report.compare(db, "memory at rest: RSS", http.sopflowMedian(run -> run.atRest().rssMb()), http.plainMedian(run -> run.atRest().rssMb()), "MB");
        report.compare(db, "memory after the load: RSS", http.sopflowMedian(HttpComparison.Run::rssAfterLoadMb),
                http.plainMedian(HttpComparison.Run::rssAfterLoadMb), "MB");
    }

    private static void deadlines(BenchmarkDatabase database, BenchmarkSizes sizes, Report report) throws Exception {
        Deadlines.Result result = Deadlines.measure(database, sizes);
        String figure = String.format("%,d deadlines at once: overdue + escalated recorded", result.deadlines());
        String value = String.format("%.1f s%s", result.seconds(), result.complete() ? ""
                : String.format(" (INCOMPLETE: %d overdue, %d escalated)", result.overdue(), result.escalated()));
        if (result.deadlines() != 10_000) {
            report.unjudged(database.name(), figure, value, "≤ 60 s for 10,000");
        } else {
            report.alone(database.name(), figure, value, "≤ 60 s", result.complete() && result.seconds() <= 60,
                    String.format("%.0f %% over", (result.seconds() / 60 - 1) * 100));
        }
    }

    private static void kabupaten(BenchmarkDatabase database, BenchmarkSizes sizes, Report report) throws Exception {
        Kabupaten.Result result = Kabupaten.measure(database, sizes);
        String figure = String.format("kabupaten: %d kecamatan, %,d live DPAs, %d steps, -Xmx512m", result.kecamatan(), result.instances(), result.steps());
        String value = result.ok() ? String.format("OK, heap after GC %.0f MB, RSS %.0f MB", result.memory().heapAfterGcMb(), result.memory().rssMb())
                : "OutOfMemoryError";
        report.alone(database.name(), figure, value, "runs in 512 MB", result.ok(), "out of memory");
    }

    private static void pages(BenchmarkDatabase database, BenchmarkSizes sizes, Report report) throws Exception {
        List<PageBenchmark.Timing> timings = PageBenchmark.measure(database, sizes.openSteps(), sizes.realOpenSteps(), sizes.pageRounds(),
                List.of("/tugas", "/terlambat", "/api/keterlambatan?jenis=TERLAMBAT"));
        for (PageBenchmark.Timing t : timings) {
            String figure = String.format("%s p50 / p95 at %,d open steps", t.page(), t.size());
            String value = String.format("%.0f / %.0f ms%s", t.p50(), t.p95(), t.status() == 200 ? "" : " (HTTP " + t.status() + ")");
            if (t.size() == 100_000 && !t.page().equals("/tugas")) {
                report.alone(database.name(), figure, value, "p95 < 150 ms", t.status() == 200 && t.p95() < 150,
                        String.format("%.0f %% over", (t.p95() / 150 - 1) * 100));
            } else {
                report.unjudged(database.name(), figure, value, t.page().equals("/tugas") ? "" : "p95 < 150 ms at 100,000");
            }
        }
    }

    /** A part of the benchmark; one failing does not stop the others. */
    private record Part(String name, Body body) {
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }
}
