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
 * A rerunnable benchmark (not a test) of the web app's pages and the overdue queries: the application on an in-memory
 * database with {@code benchmark.tasks} DPA instances of Ajibarang open at the Camat's first step, all of them overdue
 * (their timers fired, so Terlambat lists them), then each page and {@code /api/keterlambatan} fetched
 * {@code benchmark.rounds} times (default 20) by the Camat over HTTP with a session, and p50 / p95 per address printed.
 * With {@code -Dbenchmark.copies=N} the open steps and their alerts are then copied N-1 times in the database (synthetic
 * rows beside the real ones, same instances: for 100,000 open steps without starting 100,000 instances) and every address
 * measured again. Run:
 * <pre>mvn -q test-compile exec:java@pages [-Dbenchmark.tasks=10000] [-Dbenchmark.copies=10] [-Dbenchmark.rounds=20] [-Dbenchmark.pages=/tugas,/terlambat]</pre>
 */
public final class PageBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The pages measured, Tugas Saya and Terlambat first; {@code -Dbenchmark.pages=/tugas,/terlambat} for some of them. */
    private static final List<String> PAGES = java.util.Arrays.stream(System.getProperty("benchmark.pages",
                    "/tugas,/tugas?halaman=100,/terlambat,/terlambat?halaman=100,/api/keterlambatan?jenis=TERLAMBAT,"
                            + "/api/keterlambatan?halaman=100,/api/keterlambatan/instances,/,/proses,/pemberitahuan,/mulai").split(","))
            .map(String::strip).filter(p -> !p.isEmpty()).toList();

    private PageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("benchmark.tasks", 10_000);
        int rounds = Integer.getInteger("benchmark.rounds", 20);
        int copies = Integer.getInteger("benchmark.copies", 1);
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
            measure(browser, base, rounds, engine.getTaskService().createTaskQuery().count());
            if (copies > 1) {
                copy(app.getBean(javax.sql.DataSource.class), copies);
                measure(browser, base, rounds, engine.getTaskService().createTaskQuery().count());
            }
        } finally {
            EngineClock.reset();
        }
    }

    private static void measure(HttpClient browser, String base, int rounds, long open) throws Exception {
            for (String page : PAGES) {
                List<Double> ms = new ArrayList<>();
                int status = 0;
                for (int r = 0; r < rounds; r++) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    ms.add((System.nanoTime() - t) / 1e6);
                    status = response.statusCode();
                }
                List<Double> sorted = ms.stream().sorted().toList();
                System.out.printf("%-36s %d  p50 %4.0f ms  p95 %4.0f ms  (min %.0f, max %.0f) with %d open, overdue steps%n", page, status,
                        sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(0),
                        sorted.get(sorted.size() - 1), open);
            }
    }

    /**
     * Copies every open step (its task and candidate group) and every alert {@code copies - 1} times, ids suffixed: the
     * lists then hold {@code copies} times as many rows, as many open steps would (the copies share their instances).
     */
    private static void copy(javax.sql.DataSource database, int copies) throws java.sql.SQLException {
        long started = System.nanoTime();
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(database);
        for (int c = 2; c <= copies; c++) {
            String suffix = "'-k" + c + "'";
            jdbc.update(copySql(database, "ACT_RU_TASK", java.util.Map.of("ID_", suffix)));
            jdbc.update(copySql(database, "ACT_RU_IDENTITYLINK", java.util.Map.of("ID_", suffix, "TASK_ID_", suffix)) + " where TASK_ID_ is not null "
                    + "and TASK_ID_ not like '%-k%'");
            jdbc.update(copySql(database, "SOPFLOW_PERINGATAN", java.util.Map.of("ID", suffix, "KUNCI", suffix, "TUGAS_ID", suffix))
                    + " where ID not like '%-k%'");
        }
        System.out.printf("copied to %d times the open steps and alerts in %d s%n", copies, (System.nanoTime() - started) / 1_000_000_000);
    }

    private static String copySql(javax.sql.DataSource database, String table, java.util.Map<String, String> suffixed) throws java.sql.SQLException {
        List<String> columns = new ArrayList<>();
        try (var connection = database.getConnection(); var rs = connection.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        String select = String.join(", ", columns.stream().map(c -> suffixed.containsKey(c) ? "concat(" + c + ", " + suffixed.get(c) + ")" : c).toList());
        String where = table.equals("ACT_RU_TASK") ? " where ID_ not like '%-k%'" : "";
        return "insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table + where;
    }
}
