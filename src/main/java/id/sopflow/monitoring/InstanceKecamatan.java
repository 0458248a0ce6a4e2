package id.sopflow.monitoring;

import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;



/** Whose kecamatan an instance is. */
final class InstanceKecamatan {

    /** Variable a system start uses to name the kecamatan when the instance has no tenant. */
    static final String KECAMATAN_VARIABLE = ProcessContract.KECAMATAN;

    private InstanceKecamatan() {
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
