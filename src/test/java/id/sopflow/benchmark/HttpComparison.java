package id.sopflow.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * SOPflow and plain Camunda end to end over HTTP, each in a fresh JVM on a fresh database, in alternated runs: start
 * time (until readiness is UP and the DPA is deployed), memory at rest (heap after a full GC, RSS), then a warm-up and the
 * measured load of {@link DpaOverHttp} (instances and steps per second), and the RSS after it.
 * SOPflow is the real application ({@code id.sopflow.SopflowApplication}, no profile: production settings, BCrypt of
 * the default strength, job executor on) with the passwords as arguments; plain Camunda is
 * {@link id.sopflow.benchmark.plain.PlainCamundaApplication}. Both with the same JVM options.
 */
final class HttpComparison {

    static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-XX:+UseG1GC");

    /** One run of one application. */
    record Run(double startSeconds, AppJvm.Memory atRest, DpaOverHttp.Throughput load, double rssAfterLoadMb) {
    }

    /** The medians of each application's runs. */
    record Result(List<Run> sopflow, List<Run> plain) {
        double sopflowMedian(ToDoubleFunction<Run> figure) {
            return Stats.median(sopflow.stream().map(figure::applyAsDouble).toList());
        }

        double plainMedian(ToDoubleFunction<Run> figure) {
            return Stats.median(plain.stream().map(figure::applyAsDouble).toList());
        }
    }

    private HttpComparison() {
    }

    static Result measure(BenchmarkDatabase database, BenchmarkSizes sizes) throws Exception {
        List<Run> sopflow = new ArrayList<>();
        List<Run> plain = new ArrayList<>();
        for (int run = 1; run <= sizes.httpRuns(); run++) {
            boolean sopflowFirst = run % 2 == 1;
            for (boolean isSopflow : List.of(sopflowFirst, !sopflowFirst)) {
                Run result = isSopflow ? run(sopflow(database, run), true, sizes) : run(plain(database, run), false, sizes);
                (isSopflow ? sopflow : plain).add(result);
                System.out.printf("  http, %s, run %d: ready in %.1f s, heap after GC %.0f MB, RSS %.0f MB; %d instances %.1f/s, %d steps %.1f/s;"
                                + " RSS after load %.0f MB%n", isSopflow ? "SOPflow" : "plain Camunda", run, result.startSeconds(),
                        result.atRest().heapAfterGcMb(), result.atRest().rssMb(), result.load().instances(), result.load().instancesPerSecond(),
                        result.load().steps(), result.load().stepsPerSecond(), result.rssAfterLoadMb());
            }
        }
        return new Result(sopflow, plain);
    }

    static AppJvm sopflow(BenchmarkDatabase database, int run) throws Exception {
        List<String> arguments = new ArrayList<>(database.newDatabase("http-sopflow-" + run).sopflowArguments());
        arguments.addAll(sopflowPasswords());
        return AppJvm.launch(slug(database) + "-sopflow-" + run, "id.sopflow.SopflowApplication", false, JVM_OPTIONS, arguments);
    }

    static List<String> sopflowPasswords() {
        return List.of("--sopflow.organisasi.admin-password=" + DpaUsers.ADMIN_PASSWORD,
                "--sopflow.organisasi.staff-password=" + DpaUsers.STAFF_PASSWORD);
    }

    private static AppJvm plain(BenchmarkDatabase database, int run) throws Exception {
        return AppJvm.launch(slug(database) + "-plain-" + run, "id.sopflow.benchmark.plain.PlainCamundaApplication", true, JVM_OPTIONS,
                database.newDatabase("http-plain-" + run).springArguments());
    }

    static String slug(BenchmarkDatabase database) {
        return database.name().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static Run run(AppJvm app, boolean isSopflow, BenchmarkSizes sizes) throws Exception {
        try {
            double startSeconds = app.awaitReady(DpaUsers.STARTER);
            AppJvm.Memory atRest = app.memory();
            DpaOverHttp client = new DpaOverHttp(app.url(), isSopflow, sizes.httpClients());
            client.run(Math.max(4, sizes.httpInstances() / 5), "DPA-PEMANASAN"); // warm-up
            DpaOverHttp.Throughput load = client.run(sizes.httpInstances(), "DPA-UJI");
            return new Run(startSeconds, atRest, load, app.rssMb());
        } finally {
            app.stop();
        }
    }
}
