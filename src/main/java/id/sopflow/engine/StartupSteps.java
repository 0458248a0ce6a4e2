package id.sopflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Runs the {@link StartupStep}s of every capability in their order as soon as the engine is built (before the
 * job executor runs), with one log line each, e.g. {@code Mulai 3/4 - SOP: 8 SOP siap}. The order is the
 * steps' own, not the order Spring happens to create beans in.
 */
@Component
class StartupSteps extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSteps.class);

    private final List<StartupStep> steps;

    StartupSteps(List<StartupStep> steps) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(StartupStep::order)).toList();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        for (int i = 0; i < steps.size(); i++) {
            StartupStep step = steps.get(i);
            String done = step.run(engine);
            LOG.info("Mulai {}/{} - {}: {}", i + 1, steps.size(), step.name(), done);
        }
    }

    /** The steps in the order they run (for tests). */
    List<String> names() {
        return steps.stream().map(StartupStep::name).toList();
    }
}
