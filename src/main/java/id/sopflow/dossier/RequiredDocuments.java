package id.sopflow.dossier;

import id.sopflow.engine.StepNotReady;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The engine's side of the dossier ({@value ProcessContract#DOSSIER_LISTENER_BEAN}): an execution listener of every
 * step that requires documents. At the step's start it refuses the hand-over while a required kelengkapan is not in
 * the dossier; at its end (completed, not cancelled) it refuses the completion, for a review step the approval, while a
 * required output was not uploaded at this visit of the step. The refusal rolls back the whole command, however it
 * came (SOPflow API, Camunda REST API, Tasklist, Java API), and names the documents.
 */
@Component(ProcessContract.DOSSIER_LISTENER_BEAN)
class RequiredDocuments implements ExecutionListener {

    private final DocumentRecords records;

    RequiredDocuments(DocumentRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        StepMetadata step = StepMetadata.of(element).orElse(null);
        if (step == null) {
            return;
        }
        if (EVENTNAME_START.equals(execution.getEventName())) {
            List<String> missing = DossierRules.missing(step.requiredKelengkapan(),
                    step.requiredKelengkapan().isEmpty() ? java.util.Set.of() : records.kindsInInstance(execution.getProcessInstanceId()));
            if (!missing.isEmpty()) {
                throw new StepNotReady(DossierRules.handOverRefused(step.number(), element.getName(), missing));
            }
        } else if (EVENTNAME_END.equals(execution.getEventName()) && !execution.isCanceled() && !step.requiredOutputs().isEmpty()) {
            if (step.isReview() && !Boolean.TRUE.equals(execution.getVariableLocal(ProcessContract.APPROVED))) {
                return; // sent back: nothing is produced
            }
            List<String> missing = DossierRules.missing(step.requiredOutputs(), records.kindsAtVisit(execution.getActivityInstanceId()));
            if (!missing.isEmpty()) {
                throw new StepNotReady(DossierRules.completionRefused(step.number(), element.getName(), step.isReview(), missing));
            }
        }
    }
}
