package id.sopflow.benchmark;

import id.sopflow.TestProcessEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain Camunda's DPA for the benchmark: nothing of SOPflow's left, the same steps, and it runs on a bare engine. */
class StrippedBpmnTest {

    @Test
    void theStrippedDpaHasNoTimerListenerMappingOrProperty() {
        String xml = StrippedBpmn.dpaXml();
        BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(model.getModelElementsByType(BoundaryEvent.class)).isEmpty();
        assertThat(model.getModelElementsByType(CamundaExecutionListener.class)).isEmpty();
        assertThat(model.getModelElementsByType(CamundaTaskListener.class)).isEmpty();
        assertThat(model.getModelElementsByType(CamundaInputOutput.class)).isEmpty();
        assertThat(model.getModelElementsByType(CamundaProperties.class)).isEmpty();
        assertThat(xml).doesNotContain("mutuBaku", "berkasLangkah", "_terlambat", "_eskalasi");
        assertThat(model.getModelElementsByType(ConditionExpression.class)).extracting(ConditionExpression::getTextContent)
                .containsOnly("${disetujui}", "${not disetujui}");
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getCamundaCandidateGroups)
                .containsExactly("camat", "sekcam", "kasubbag", "sekcam", "camat", "pengadministrasi");
    }

    @Test
    void aPlainEngineRunsItToTheEndWithoutSopflowsBeans() {
        ProcessEngine engine = TestProcessEngine.create(TestProcessEngine.database(), Map.of());
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("dpa.bpmn", StrippedBpmn.dpa()).deploy();
            String id = engine.getRuntimeService().startProcessInstanceByKey("dpa").getId();
            int steps = 0;
            Task task;
            while ((task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult()) != null) {
                engine.getTaskService().complete(task.getId(), Map.of("disetujui", true));
                steps++;
            }
            assertThat(steps).isEqualTo(6);
            assertThat(engine.getManagementService().createJobQuery().count()).isZero();
        } finally {
            engine.close();
        }
    }
}
