package id.sopflow.benchmark;

import java.util.Arrays;
import java.util.List;

/**
 * How big the benchmark runs: {@code -Dbenchmark.size=quick} (about two minutes, for development) or {@code full}
 * (the default, the figures of the README; under twenty minutes on an idle 2-core machine), each figure overridable on
 * its own ({@code -Dbenchmark.engine.instances=...}). {@code -Dbenchmark.databases=h2,postgres} chooses the databases (quick: H2 only),
 * {@code -Dbenchmark.parts=engine,http,deadlines,kabupaten,pages} the parts.
 *
 * @param engineInstances DPA instances per round of the in-JVM engine comparison
 * @param engineRounds    alternated rounds of the engine comparison (the median is reported)
 * @param httpInstances   DPA instances started and worked to the end over HTTP per run
 * @param httpRuns        alternated runs (each a fresh JVM) of SOPflow and of plain Camunda
 * @param httpClients     concurrent REST clients
 * @param deadlines       steps whose deadlines fall due at once
 * @param kabupatenInstances live instances of the kabupaten in a 512 MB heap
 * @param kabupatenKecamatan kecamatan of the kabupaten
 * @param openSteps       the numbers of open, overdue steps at which Tugas Saya and Terlambat are timed
 * @param realOpenSteps   of those, at most this many are real (started) steps; the rest are copies
 * @param pageRounds      requests per page and number (p50 and p95 of them)
 */
public record BenchmarkSizes(String name, int engineInstances, int engineRounds, int httpInstances, int httpRuns, int httpClients,
                             int deadlines, int kabupatenInstances, int kabupatenKecamatan, List<Integer> openSteps, int realOpenSteps,
                             int pageRounds, List<String> databases, List<String> parts) {

    public BenchmarkSizes {
        if (engineRounds < 1 || httpRuns < 1 || httpClients < 1) {
            throw new IllegalArgumentException("at least one round, run and client");
        }
        openSteps = List.copyOf(openSteps);
        databases = List.copyOf(databases);
        parts = List.copyOf(parts);
    }

    /** The sizes named by {@code benchmark.size}, each overridden by its own system property. */
    public static BenchmarkSizes fromSystemProperties() {
        boolean quick = System.getProperty("benchmark.size", "full").equals("quick");
        return new BenchmarkSizes(quick ? "quick" : "full",
                Integer.getInteger("benchmark.engine.instances", quick ? 30 : 300),
                Integer.getInteger("benchmark.engine.rounds", quick ? 3 : 5),
                Integer.getInteger("benchmark.http.instances", quick ? 15 : 60),
                Integer.getInteger("benchmark.http.runs", quick ? 1 : 3),
                Integer.getInteger("benchmark.http.clients", 2),
                Integer.getInteger("benchmark.deadlines", quick ? 200 : 10_000),
                Integer.getInteger("benchmark.kabupaten.instances", quick ? 100 : 1_000),
                Integer.getInteger("benchmark.kabupaten.kecamatan", 30),
                list("benchmark.open", quick ? "100,1000" : "1000,10000,100000").stream().map(Integer::valueOf).toList(),
                Integer.getInteger("benchmark.tasks", quick ? 100 : 10_000),
                Integer.getInteger("benchmark.rounds", quick ? 5 : 20),
                list("benchmark.databases", quick ? "h2" : "h2,postgres"),
                list("benchmark.parts", "engine,http,deadlines,kabupaten,pages"));
    }

    public boolean runs(String part) {
        return parts.contains(part);
    }

    private static List<String> list(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
