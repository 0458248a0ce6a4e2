package id.sopflow.benchmark;

import com.sun.management.OperatingSystemMXBean;
import id.sopflow.TestProcessEngine;
import id.sopflow.dossier.DossierBeans;
import id.sopflow.monitoring.MonitoringBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine's cost per step in one JVM, side by side: SOPflow's DPA with its monitoring and dossier beans (deadlines,
 * timers, planned finish, the dossier's check) against plain Camunda running the same DPA stripped ({@link StrippedBpmn}),
 * each engine on a fresh database of its own, configured alike (history full, no job executor), in alternated rounds after
 * a warm-up. The documents SOPflow's steps require are put into the dossier before the completion, and that time is not
 * counted (an upload is a request of its own in the application); so a step is: the task's query, its completion and the
 * next task's creation.
 */
final class EngineCost {

    private static final OperatingSystemMXBean CPU = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> REVIEWS = List.of("langkah_04", "langkah_05");

    /** The median ms per step, wall clock and CPU of the whole process (steadier on a shared machine). */
    record PerStep(double ms, double cpuMs) {
    }

    /** SOPflow's and plain Camunda's medians. */
    record Result(PerStep sopflow, PerStep plain) {
    }

    /** One engine measured: ms per step of each round. */
    private record Side(String name, ProcessEngine engine, DataSource dataSource, boolean sopflow, List<Double> ms, List<Double> cpuMs) {
        PerStep median() {
            return new PerStep(Stats.median(ms), Stats.median(cpuMs));
        }
    }

    /** A round's steps, and the time spent on the dossier's documents, not counted. */
    private record Round(int steps, long uploadNanos, long uploadCpuNanos) {
    }

    private EngineCost() {
    }

    static Result measure(BenchmarkDatabase database, BenchmarkSizes sizes) throws IOException {
        DataSource sopflowData = database.newDatabase("engine-sopflow").dataSource(true);
        DataSource plainData = database.newDatabase("engine-plain").dataSource(false);
        Side sopflow = new Side("SOPflow", TestProcessEngine.create(sopflowData, MonitoringBeans.create(sopflowData, List.of())),
                sopflowData, true, new ArrayList<>(), new ArrayList<>());
        Side plain = new Side("plain Camunda", TestProcessEngine.create(plainData, Map.of()), plainData, false, new ArrayList<>(), new ArrayList<>());
        try {
            deploy(sopflow.engine(), "dpa.bpmn", Files.readString(StrippedBpmn.DPA));
            deploy(plain.engine(), "dpa-stripped.bpmn", StrippedBpmn.dpaXml());
            for (Side side : List.of(sopflow, plain)) {
                run(side, Math.max(10, sizes.engineInstances() / 5)); // warm-up
            }
            for (int round = 1; round <= sizes.engineRounds(); round++) {
                for (Side side : round % 2 == 1 ? List.of(sopflow, plain) : List.of(plain, sopflow)) {
                    measureRound(side, round, sizes.engineInstances());
                }
            }
            return new Result(sopflow.median(), plain.median());
        } finally {
            for (Side side : List.of(sopflow, plain)) {
                side.engine().close();
                BenchmarkDatabase.close(side.dataSource());
            }
        }
    }

    private static void deploy(ProcessEngine engine, String name, String xml) {
        engine.getRepositoryService().createDeployment().addString(name, xml).deploy();
    }

    private static void measureRound(Side side, int round, int instances) {
        long start = System.nanoTime();
        long cpuStart = CPU.getProcessCpuTime();
        Round result = run(side, instances);
        double ms = (System.nanoTime() - start - result.uploadNanos()) / 1e6 / result.steps();
        double cpuMs = (CPU.getProcessCpuTime() - cpuStart - result.uploadCpuNanos()) / 1e6 / result.steps();
        side.ms().add(ms);
        side.cpuMs().add(cpuMs);
        System.out.printf("  engine, %s, round %d: %d instances, %d steps: %.3f ms/step (CPU %.3f ms/step)%n",
                side.name(), round, instances, result.steps(), ms, cpuMs);
    }

    /** Starts and completes {@code instances} DPAs, every review approved. */
    private static Round run(Side side, int instances) {
        ProcessEngine engine = side.engine();
        int steps = 0;
        long uploadNanos = 0;
        long uploadCpuNanos = 0;
        for (int i = 0; i < instances; i++) {
            // SOPflow's start names the kecamatan (SopStart); plain Camunda's needs no variable
            Map<String, Object> variables = side.sopflow() ? Map.of("kecamatan", "ajibarang") : Map.of();
            String id = engine.getRuntimeService().startProcessInstanceByKey("dpa", variables).getId();
            Task task;
            while ((task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult()) != null) {
                if (side.sopflow()) {
                    long uploadStart = System.nanoTime();
                    long uploadCpuStart = THREADS.getCurrentThreadCpuTime();
                    DossierBeans.provideRequiredOutputs(engine, side.dataSource(), task);
                    uploadNanos += System.nanoTime() - uploadStart;
                    uploadCpuNanos += THREADS.getCurrentThreadCpuTime() - uploadCpuStart;
                }
                engine.getTaskService().complete(task.getId(), REVIEWS.contains(task.getTaskDefinitionKey()) ? Map.of("disetujui", true) : Map.of());
                steps++;
            }
        }
        return new Round(steps, uploadNanos, uploadCpuNanos);
    }
}
