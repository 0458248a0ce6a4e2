package id.sopflow.benchmark;

import id.sopflow.TestProcessEngine;
import id.sopflow.monitoring.MonitoringBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A rerunnable benchmark (not a test): starts DPA instances and works them to the end on an in-memory
 * engine with the real monitoring beans (due dates, timers, planned finish), and prints the time per
 * instance and per step. Run:
 * <pre>mvn -q test-compile exec:java@benchmark [-Dbenchmark.instances=500]</pre>
 */
public final class ProcessBenchmark {

    private ProcessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int instances = Integer.getInteger("benchmark.instances", 300);
        DataSource database = TestProcessEngine.database();
        ProcessEngine engine = TestProcessEngine.create(database, MonitoringBeans.create(database, List.of()));
        try {
            engine.getRepositoryService().createDeployment()
                    .addString("dpa.bpmn", Files.readString(Path.of("bpmn/ajibarang/dpa.bpmn"))).deploy();
            run(engine, Math.max(20, instances / 10)); // warm-up
            for (int round = 1; round <= Integer.getInteger("benchmark.rounds", 5); round++) {
                long start = System.nanoTime();
                int steps = run(engine, instances);
                double ms = (System.nanoTime() - start) / 1e6;
                System.out.printf("round %d: %d instances, %d steps in %.0f ms: %.2f ms/instance, %.3f ms/step%n",
                        round, instances, steps, ms, ms / instances, ms / steps);
            }
        } finally {
            engine.close();
        }
    }

    private static int run(ProcessEngine engine, int instances) {
        int steps = 0;
        for (int i = 0; i < instances; i++) {
            String id = engine.getRuntimeService().startProcessInstanceByKey("dpa", Map.of("kecamatan", "ajibarang")).getId();
            Task task;
            while ((task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult()) != null) {
                boolean review = task.getTaskDefinitionKey().equals("langkah_04") || task.getTaskDefinitionKey().equals("langkah_05");
                engine.getTaskService().complete(task.getId(), review ? Map.of("disetujui", true) : Map.of());
                steps++;
            }
        }
        return steps;
    }
}
