package id.sopflow.benchmark;

import id.sopflow.SopflowApplication;
import id.sopflow.engine.EngineClock;
import id.sopflow.sop.SopStart;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Many deadlines falling due at once: the real application in this JVM (so that the benchmark moves its engine clock),
 * production settings with its job executor on, {@code deadlines} DPAs of Ajibarang started at their first step; then
 * the engine clock is moved past the latest due timer (again whenever a later one appears, e.g. an escalation timer made
 * when the overdue one fires) and the time is taken until every step has both its alerts in {@code SOPFLOW_PERINGATAN}
 * (TERLAMBAT to the Sekcam, ESKALASI to the Camat, by {@code monitoring.AlertRecorder}). The job executor is told at
 * once that the clock moved (it would otherwise notice within its idle wait of up to 5 s).
 */
final class Deadlines {

    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    /**
     * @param startsPerSecond DPAs started per second in the engine (no HTTP), for the record
     * @param seconds         from the first move of the clock until the last alert was recorded (or given up)
     */
    record Result(int deadlines, double startsPerSecond, double seconds, int overdue, int escalated) {
        boolean complete() {
            return overdue == deadlines && escalated == deadlines;
        }
    }

    private Deadlines() {
    }

    static Result measure(BenchmarkDatabase database, BenchmarkSizes sizes) throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN"));
        arguments.addAll(database.newDatabase("deadlines").sopflowArguments());
        arguments.addAll(HttpComparison.sopflowPasswords());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SopflowApplication.class).run(arguments.toArray(String[]::new))) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            int count = sizes.deadlines();
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                SopStart.forKecamatan(engine, "dpa", "ajibarang").businessKey("DPA-TENGGAT-" + i).execute();
            }
            double startsPerSecond = count / ((System.nanoTime() - started) / 1e9);
            System.out.printf("  deadlines: %d DPAs started in the engine, %.1f/s%n", count, startsPerSecond);
            return fallDue(engine, jdbc, count, startsPerSecond);
        } finally {
            EngineClock.reset();
        }
    }

    private static Result fallDue(ProcessEngine engine, JdbcTemplate jdbc, int count, double startsPerSecond) {
        long started = System.nanoTime();
        Instant[] clock = {Instant.now()};
        int[] recorded = {0, 0}; // overdue, escalated
        try {
            org.awaitility.Awaitility.await("every deadline recorded and escalated").atMost(GIVE_UP).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        List<Job> latest = engine.getManagementService().createJobQuery().processDefinitionKey("dpa").timers()
                                .orderByJobDuedate().desc().listPage(0, 1);
                        if (!latest.isEmpty() && latest.get(0).getDuedate().toInstant().isAfter(clock[0])) {
                            clock[0] = latest.get(0).getDuedate().toInstant().plus(Duration.ofMinutes(1));
                            EngineClock.setTo(clock[0]);
                            wakeJobExecutor(engine);
                        }
                        recorded[0] = alerts(jdbc, "TERLAMBAT");
                        recorded[1] = alerts(jdbc, "ESKALASI");
                        return recorded[0] >= count && recorded[1] >= count;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException gaveUp) {
            // reported below with what was recorded by then
        }
        int overdue = recorded[0];
        int escalated = recorded[1];
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  deadlines: %d overdue and %d escalations of %d steps recorded in %.1f s%n", overdue, escalated, count, seconds);
        return new Result(count, startsPerSecond, seconds, overdue, escalated);
    }

    /** Ends the job executor's idle wait (up to 5 s) at once, as if the deadlines had come due while it was looking. */
    private static void wakeJobExecutor(ProcessEngine engine) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    }

    private static int alerts(JdbcTemplate jdbc, String kind) {
        Integer count = jdbc.queryForObject("select count(*) from SOPFLOW_PERINGATAN where proses_key = 'dpa' and jenis = ?", Integer.class, kind);
        return count == null ? 0 : count;
    }
}
