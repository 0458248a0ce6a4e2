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
 * A rerunnable benchmark (not a test) of the web app's pages and the overdue queries, at growing numbers of open, overdue
 * steps: the application (production settings, job executor on) on H2 files or the embedded PostgreSQL
 * ({@code -Dbenchmark.database=h2|postgres}); for each size of {@code -Dbenchmark.open} (default 1,000, 10,000 and 100,000)
 * DPA instances of Ajibarang are started up to {@code -Dbenchmark.tasks} (default 10,000) and their Camat's first step
 * made overdue (timers fired, so Terlambat lists them and Tugas Saya counts them late); a size above that is reached by
 * copying the open steps and their alerts in the database (synthetic rows beside the real ones, same instances: 100,000
 * open steps without starting 100,000 instances). Then each page and {@code /api/keterlambatan} is fetched
 * {@code benchmark.rounds} times (default 20) by the Camat over HTTP with a session, and p50 / p95 per address printed,
 * Tugas Saya and Terlambat first, against the target (p95 under 150 ms at 100,000). Run:
 * <pre>mvn -q test-compile exec:java@pages [-Dbenchmark.database=postgres] [-Dbenchmark.open=1000,10000,100000] [-Dbenchmark.rounds=20] [-Dbenchmark.pages=/tugas,/terlambat]</pre>
 */
public final class PageBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The pages measured, Tugas Saya and Terlambat first; {@code -Dbenchmark.pages=/tugas,/terlambat} for some of them. */
    private static final List<String> PAGES = list("benchmark.pages",
            "/tugas,/tugas?halaman=100,/terlambat,/terlambat?halaman=100,/api/keterlambatan?jenis=TERLAMBAT,"
                    + "/api/keterlambatan?halaman=100,/api/keterlambatan/instances,/,/proses,/pemberitahuan,/mulai");

    private PageBenchmark() {
    }

    /** One page's times at one number of open steps. */
    record Timing(String database, int size, long open, String page, int status, double p50, double p95) {
        @Override
        public String toString() {
            return String.format("%-10s %,8d open  %-36s %d  p50 %5.0f ms  p95 %5.0f ms", database, open, page, status, p50, p95);
        }
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        List<Integer> sizes = list("benchmark.open", "1000,10000,100000").stream().map(Integer::valueOf).toList();
        List<Timing> results;
        try (BenchmarkDatabase database = System.getProperty("benchmark.database", "h2").equals("postgres") ? new EmbeddedPostgres() : new H2Files()) {
            results = measure(database, sizes, Integer.getInteger("benchmark.tasks", 10_000), Integer.getInteger("benchmark.rounds", 20), PAGES);
        }
        System.out.printf("%nSummary (target: p95 < 150 ms at 100,000 open steps)%n");
        results.forEach(System.out::println);
        System.exit(0); // stop the engine's lingering threads
    }

    /**
     * The application on a fresh database of {@code database}; for each size (ascending) of open overdue steps, up to
     * {@code realMost} of them real, the rest copies, each page fetched {@code rounds} times after one unmeasured fetch.
     */
    static List<Timing> measure(BenchmarkDatabase database, List<Integer> sizes, int realMost, int rounds, List<String> pages) throws Exception {
        List<Timing> results = new ArrayList<>();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN"));
        arguments.addAll(database.newDatabase("pages").sopflowArguments());
        arguments.addAll(HttpComparison.sopflowPasswords());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SopflowApplication.class).run(arguments.toArray(String[]::new))) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient browser = login(base);
            int started = 0;
            for (int size : sizes.stream().sorted().toList()) {
                int real = Math.min(size, realMost);
                started = startOverdue(engine, started, real);
                if (size > real) {
                    copy(app.getBean(javax.sql.DataSource.class), size / real);
                }
                long open = engine.getTaskService().createTaskQuery().count();
                System.out.printf("%n== %s, %,d open overdue steps ==%n", database.name(), open);
                for (String page : pages) {
                    Timing timing = time(browser, base, page, rounds, database.name(), size, open);
                    System.out.println(timing);
                    results.add(timing);
                }
            }
        } finally {
            EngineClock.reset();
        }
        return results;
    }

    /** Starts DPAs until {@code target} run, then moves the clock past their first step's deadline and fires every due timer. */
    private static int startOverdue(ProcessEngine engine, int started, int target) {
        long t = System.nanoTime();
        for (int i = started; i < target; i++) {
            SopStart.forKecamatan(engine, "dpa", "ajibarang").businessKey("DPA-BENCH-" + i).execute();
        }
        System.out.printf("%d instances started in %d s%n", target - started, (System.nanoTime() - t) / 1_000_000_000);
        t = System.nanoTime();
        ManagementService management = engine.getManagementService();
        List<Job> latest = management.createJobQuery().timers().orderByJobDuedate().desc().listPage(0, 1);
        if (!latest.isEmpty()) {
            EngineClock.setTo(latest.get(0).getDuedate().toInstant().plus(Duration.ofHours(1)));
        }
        // the job executor runs them too; whatever is left is run here, until no timer is due
        for (List<Job> due = dueTimers(management); !due.isEmpty(); due = dueTimers(management)) {
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException taken) {
                    // run by the job executor meanwhile (gone, or its alert recorded first): rolled back, nothing lost
                }
            }
        }
        System.out.printf("their deadlines recorded in %d s%n", (System.nanoTime() - t) / 1_000_000_000);
        return target;
    }

    private static List<Job> dueTimers(ManagementService management) {
        return management.createJobQuery().timers().duedateLowerThan(new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + 1000))
                .listPage(0, 1000);
    }

    private static HttpClient login(String base) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "username=camat.ajibarang&password=" + URLEncoder.encode(DpaUsers.STAFF_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return browser;
    }

    private static List<String> list(String property, String defaults) {
        return java.util.Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static Timing time(HttpClient browser, String base, String page, int rounds, String database, int size, long open) throws Exception {
        // one request first, not measured: the figures are those of a page in use, not of its first load after a change
        browser.send(HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.discarding());
        List<Double> ms = new ArrayList<>();
        int status = 0;
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.ofString());
            ms.add((System.nanoTime() - t) / 1e6);
            status = response.statusCode();
        }
        List<Double> sorted = ms.stream().sorted().toList();
        return new Timing(database, size, open, page, status, sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
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
        try (var connection = database.getConnection()) {
            if (connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                jdbc.execute("vacuum analyze"); // what autovacuum does after so many inserts (PostgreSQL 13 and later), in the time it takes
            }
        }
        System.out.printf("copied to %d times the open steps and alerts in %d s%n", copies, (System.nanoTime() - started) / 1_000_000_000);
    }

    private static String copySql(javax.sql.DataSource database, String table, java.util.Map<String, String> suffixed) throws java.sql.SQLException {
        List<String> columns = new ArrayList<>();
        try (var connection = database.getConnection()) {
            // H2 keeps unquoted names in upper case, PostgreSQL in lower case
            for (String name : List.of(table, table.toLowerCase(java.util.Locale.ROOT))) {
                try (var rs = connection.getMetaData().getColumns(null, null, name, null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME").toUpperCase(java.util.Locale.ROOT));
                    }
                }
                if (!columns.isEmpty()) {
                    break;
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no columns found for table " + table);
        }
        String select = String.join(", ", columns.stream().map(c -> suffixed.containsKey(c) ? "concat(" + c + ", " + suffixed.get(c) + ")" : c).toList());
        String where = table.equals("ACT_RU_TASK") ? " where ID_ not like '%-k%'" : "";
        return "insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table + where;
    }
}
