package id.sopflow.monitoring;

import id.sopflow.engine.StartupStep;
import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopDefinition;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Start-up step 4: the schedules of recurring SOPs (RFK/TEPPA) and when each checks next. */
@Component
class ScheduleStartup implements StartupStep {

    private final SopCatalog catalog;

    ScheduleStartup(SopCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public int order() {
        return SCHEDULES;
    }

    @Override
    public String name() {
        return "jadwal";
    }

    @Override
    public String run(ProcessEngine engine) {
        List<String> schedules = catalog.definitions().stream().filter(s -> s.schedule().isPresent())
                .map(SopDefinition::scheduleProcessKey).distinct().sorted()
                .map(key -> key + " berikutnya " + Optional.ofNullable(engine.getManagementService().createJobQuery()
                        .processDefinitionKey(key).timers().orderByJobDuedate().asc().listPage(0, 1))
                        .filter(jobs -> !jobs.isEmpty()).map(jobs -> jobs.get(0)).map(Job::getDuedate).map(d -> d.toInstant().toString())
                        .orElse("(tidak ada timer)"))
                .toList();
        return schedules.isEmpty() ? "tidak ada SOP berulang" : String.join("; ", schedules);
    }
}
