package id.sopflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up runs as named steps in a fixed order: organisation, calendar, SOP deployment, schedules. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StartupStepsIT {

    @Autowired
    StartupSteps steps;
    @Autowired
    ProcessEngine engine;

    @Test
    void theStepsRunInTheirOrderAndEachDidItsWork() {
        assertThat(steps.names()).containsExactly("organisasi", "kalender", "SOP", "jadwal");
        assertThat(engine.getIdentityService().createTenantQuery().count()).as("organisation synced").isPositive();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("renja").count())
                .as("SOPs deployed").isPositive();
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("rfk-teppa-bulanan").timers().count())
                .as("the RFK/TEPPA schedule waits for its check").isEqualTo(1);
    }
}
