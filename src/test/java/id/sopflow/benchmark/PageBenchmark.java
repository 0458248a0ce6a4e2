package id.sopflow.benchmark;

import id.sopflow.SopflowApplication;
import id.sopflow.engine.EngineClock;
import id.sopflow.sop.SopStart;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rerunnable benchmark (not a test) of the web app's pages: the application on an in-memory database with
 * {@code benchmark.tasks} DPA instances of Ajibarang open at the Camat's first step, all of them overdue (their timers
 * fired, so Terlambat lists them), then each page fetched {@code benchmark.rounds} times by the Camat over HTTP with a
 * session, and the median time per page printed. Run:
 * <pre>mvn -q test-compile exec:java@pages [-Dbenchmark.tasks=10000]</pre>
 */
public final class PageBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("benchmark.tasks", 10_000);
        int rounds = Integer.getInteger("benchmark.rounds", 7);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SopflowApplication.class).profiles("test")
                .run("--server.port=0", "--logging.level.root=WARN")) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            ManagementService management = engine.getManagementService();
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                SopStart.forKecamatan(engine, "dpa", "ajibarang").businessKey("DPA-BENCH-" + i).execute();
            }
            System.out.printf("%d instances started in %d s%n", count, (System.nanoTime() - started) / 1_000_000_000);
            started = System.nanoTime();
            List<Job> overdue = management.createJobQuery().activityId(id.sopflow.sop.ProcessContract.deadlineTimer("langkah_01")).list();
            EngineClock.setTo(overdue.get(0).getDuedate().toInstant().plus(Duration.ofHours(1)));
            for (Job job : overdue) {
                management.executeJob(job.getId());
            }
            System.out.printf("%d overdue steps recorded in %d s%n", overdue.size(), (System.nanoTime() - started) / 1_000_000_000);

            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
            String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(login);
            csrf.find();
            String form = "username=camat.ajibarang&password=Uji-Staf-Rahasia-2026&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            for (String page : List.of("/", "/tugas", "/tugas?halaman=100", "/terlambat", "/proses", "/pemberitahuan", "/mulai")) {
                List<Double> ms = new ArrayList<>();
                int status = 0;
                for (int r = 0; r < rounds; r++) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    ms.add((System.nanoTime() - t) / 1e6);
                    status = response.statusCode();
                }
                System.out.printf("%-20s %d  median %.0f ms (min %.0f, max %.0f) with %d open, overdue steps%n", page, status,
                        ms.stream().sorted().toList().get(ms.size() / 2), ms.stream().min(Double::compare).orElse(0.0),
                        ms.stream().max(Double::compare).orElse(0.0), count);
            }
        } finally {
            EngineClock.reset();
        }
    }
}
