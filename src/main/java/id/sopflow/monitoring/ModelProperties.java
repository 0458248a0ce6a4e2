package id.sopflow.monitoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads what the generator wrote into the BPMN: extension properties, and whose kecamatan an instance is. */
final class ModelProperties {

    /** Variable a system start uses to name the kecamatan when the instance has no tenant. */
    static final String KECAMATAN_VARIABLE = id.sopflow.sop.SopStart.KECAMATAN_VARIABLE;

    private ModelProperties() {
    }

    static Map<String, String> of(BaseElement element) {
        Map<String, String> values = new LinkedHashMap<>();
        if (element == null || element.getExtensionElements() == null) {
            return values;
        }
        element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                .forEach(p -> p.getCamundaProperties().forEach((CamundaProperty c) -> values.put(c.getCamundaName(), c.getCamundaValue())));
        return values;
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
