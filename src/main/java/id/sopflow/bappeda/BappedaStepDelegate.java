package id.sopflow.bappeda;

import id.sopflow.engine.Caller;
import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Bean {@code langkahBappeda} ({@link ProcessContract#BAPPEDA_STEP_BEAN}): the two messages around Bappeda's own step of an
 * SOP (Renstra step 13). Thrown by the kecamatan's instance, it starts Bappeda's process for the step (whose instance
 * belongs to Bappeda's tenant: Bappeda works on it without seeing the kecamatan's instance, and its lateness alerts
 * Bappeda's head); thrown at the end of Bappeda's process, it lets the kecamatan's waiting instance go on. SOPflow sends
 * both, as no user may start the other's process or touch its instance.
 */
@Component(ProcessContract.BAPPEDA_STEP_BEAN)
class BappedaStepDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        String processKey = execution.getBpmnModelElementInstance().getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process p
                ? p.getId() : execution.getProcessDefinitionId().split(":")[0];
        if (ProcessContract.isBappedaProcess(processKey)) {
            String kecamatanInstance = (String) execution.getVariable(ProcessContract.KECAMATAN_INSTANCE);
            Caller.without(execution.getProcessEngineServices().getIdentityService(), () -> runtime
                    .createMessageCorrelation(ProcessContract.BAPPEDA_STEP_DONE_MESSAGE).processInstanceId(kecamatanInstance)
                    .correlateWithResult());
            return;
        }
        String businessKey = Submission.bappedaBusinessKey(execution.getTenantId(), execution.getProcessBusinessKey(),
                execution.getProcessInstanceId());
        Caller.without(execution.getProcessEngineServices().getIdentityService(), () -> runtime
                .createMessageCorrelation(ProcessContract.bappedaStartMessage(processKey)).processInstanceBusinessKey(businessKey)
                .setVariable(ProcessContract.KECAMATAN_INSTANCE, execution.getProcessInstanceId()).correlateStartMessage());
    }
}
