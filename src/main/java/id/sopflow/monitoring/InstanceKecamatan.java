package id.sopflow.monitoring;

import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;



/** Whose kecamatan an instance is. */
final class InstanceKecamatan {

    /** Variable a system start uses to name the kecamatan when the instance has no tenant. */
    static final String KECAMATAN_VARIABLE = ProcessContract.KECAMATAN;

    private InstanceKecamatan() {
    }

    /**
     * The key of the execution's process. A definition id is {@code key:version:uuid} unless that is longer than the
     * engine's column (then only the uuid, as for {@code penerimaan-dokumen-bappeda}): then the file's one process, or
     * the repository.
     */
    static String processKey(DelegateExecution execution) {
        String id = execution.getProcessDefinitionId();
        if (id.contains(":")) {
            return id.split(":")[0];
        }
        java.util.List<org.camunda.bpm.model.bpmn.instance.Process> processes = execution.getBpmnModelInstance()
                .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
                .filter(org.camunda.bpm.model.bpmn.instance.Process::isExecutable).toList();
        return processes.size() == 1 ? processes.get(0).getId()
                : execution.getProcessEngineServices().getRepositoryService().getProcessDefinition(id).getKey();
    }

    /** The instance's kecamatan: its tenant, else the {@value #KECAMATAN_VARIABLE} variable; null if neither. */
    static String kecamatan(DelegateExecution execution) {
        if (execution.getTenantId() != null) {
            return execution.getTenantId();
        }
        Object value = execution.getVariable(KECAMATAN_VARIABLE);
        return value instanceof String s && !s.isBlank() ? s : null;
    }
}
