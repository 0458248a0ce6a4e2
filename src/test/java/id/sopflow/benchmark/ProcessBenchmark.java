package id.sopflow.benchmark;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import id.sopflow.TestProcessEngine;
import id.sopflow.dossier.DossierBeans;
import id.sopflow.monitoring.MonitoringBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.util.FileSystemUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rerunnable benchmark (not a test): starts DPA instances and works them to the end on an engine with the
 * real monitoring beans (due dates, timers, planned finish), and prints the time per instance and per step
 * (wall clock, and CPU time of the whole process, steadier on a shared machine), and the jobs and variables a step
 * creates (counted in the history: machine-independent).
 * By default on in-memory H2; with {@code -Dbenchmark.database=file} the rounds alternate between two H2 file
 * databases under {@code target/benchmark/}, one with {@code WRITE_DELAY=0} (application.yaml: every commit
 * written before it returns) and one with H2's default of 500 ms, and the medians per step are compared. Run:
 * <pre>mvn -q test-compile exec:java@write-delay [-Dbenchmark.instances=500] [-Dbenchmark.database=file]</pre>
 */
public final class ProcessBenchmark {

    private static final OperatingSystemMXBean CPU = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** A database to measure on (its file, or null in memory), and the ms per step (wall clock, CPU) of each round. */
    private record Setup(String name, ProcessEngine engine, DataSource database, Path file, List<Double> msPerStep, List<Double> cpuMsPerStep) {
    }

    /** A round: the steps completed, and the time spent putting their documents into the dossier (not measured). */
    private record Round(int steps, long uploadNanos, long uploadCpuNanos) {
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ProcessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int instances = Integer.getInteger("benchmark.instances", 300);
        List<Setup> setups = new ArrayList<>();
        try {
            if (System.getProperty("benchmark.database", "memory").equals("file")) {
                setups.add(fileSetup("WRITE_DELAY=0  ", "write-delay-0", ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"));
                setups.add(fileSetup("WRITE_DELAY=500", "write-delay-500", ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500"));
            } else {
                setups.add(setup("H2 in memory", TestProcessEngine.database(), null));
            }
            for (Setup setup : setups) {
                run(setup, Math.max(20, instances / 10)); // warm-up
            }
            for (int round = 1; round <= Integer.getInteger("benchmark.rounds", 5); round++) {
                for (Setup setup : setups) {
                    long jobsBefore = setup.engine().getHistoryService().createHistoricJobLogQuery().creationLog().count();
                    long variablesBefore = setup.engine().getHistoryService().createHistoricVariableInstanceQuery().count();
                    long start = System.nanoTime();
                    long cpuStart = CPU.getProcessCpuTime(); // all threads: H2's background writer too
                    Round result = run(setup, instances);
                    int steps = result.steps();
                    double ms = (System.nanoTime() - start - result.uploadNanos()) / 1e6;
                    double cpuMs = (CPU.getProcessCpuTime() - cpuStart - result.uploadCpuNanos()) / 1e6;
                    setup.msPerStep().add(ms / steps);
                    setup.cpuMsPerStep().add(cpuMs / steps);
                    System.out.printf("%s round %d: %d instances, %d steps in %.0f ms: %.2f ms/instance, %.3f ms/step, CPU %.3f ms/step%s%n",
                            setup.name(), round, instances, steps, ms, ms / instances, ms / steps, cpuMs / steps,
                            setup.file() == null ? "" : String.format(", file %.0f MB", Files.size(setup.file()) / 1e6));
                    System.out.printf("  per step: %.2f jobs created, %.2f variables created%n",
                            (setup.engine().getHistoryService().createHistoricJobLogQuery().creationLog().count() - jobsBefore) / (double) steps,
                            (setup.engine().getHistoryService().createHistoricVariableInstanceQuery().count() - variablesBefore) / (double) steps);
                }
            }
            for (Setup setup : setups) {
                System.out.printf("%s median: %.3f ms/step, CPU %.3f ms/step%n", setup.name(), median(setup.msPerStep()),
                        median(setup.cpuMsPerStep()));
            }
        } finally {
            setups.forEach(setup -> setup.engine().close());
        }
    }

    private static Setup setup(String name, DataSource database, Path file) throws IOException {
        ProcessEngine engine = TestProcessEngine.create(database, MonitoringBeans.create(database, List.of()));
        engine.getRepositoryService().createDeployment()
                .addString("dpa.bpmn", Files.readString(Path.of("bpmn/ajibarang/dpa.bpmn"))).deploy();
        return new Setup(name, engine, database, file, new ArrayList<>(), new ArrayList<>());
    }

    /** A fresh H2 file database under target/benchmark with SOPflow's tables, pooled like the application's (Hikari). */
    private static Setup fileSetup(String name, String directory, String flags) throws IOException {
        Path dir = Path.of("target", "benchmark", directory).toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + dir.resolve("sopflow") + flags);
        dataSource.setUsername("sa");
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(id.sopflow.TestDatabase.flywayPlaceholders(false)).load().migrate();
        return setup("H2 file, " + name, dataSource, dir.resolve("sopflow.mv.db"));
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    /**
     * Starts and completes {@code instances} DPAs. The documents a step requires are put into its dossier before it is
     * completed (as an upload would, a separate request in the application); that time is returned apart, so the
     * figures are the engine's work per step with SOPflow's listeners, the dossier's check included.
     */
    private static Round run(Setup setup, int instances) {
        ProcessEngine engine = setup.engine();
        int steps = 0;
        long uploadNanos = 0;
        long uploadCpuNanos = 0;
        for (int i = 0; i < instances; i++) {
            String id = engine.getRuntimeService().startProcessInstanceByKey("dpa", Map.of("kecamatan", "ajibarang")).getId();
            Task task;
            while ((task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult()) != null) {
                long uploadStart = System.nanoTime();
                long uploadCpuStart = THREADS.getCurrentThreadCpuTime();
                DossierBeans.provideRequiredOutputs(engine, setup.database(), task);
                uploadNanos += System.nanoTime() - uploadStart;
                uploadCpuNanos += THREADS.getCurrentThreadCpuTime() - uploadCpuStart;
                boolean review = task.getTaskDefinitionKey().equals("langkah_04") || task.getTaskDefinitionKey().equals("langkah_05");
                engine.getTaskService().complete(task.getId(), review ? Map.of("disetujui", true) : Map.of());
                steps++;
            }
        }
        return new Round(steps, uploadNanos, uploadCpuNanos);
    }
}
