package id.sopflow.bappeda;

import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * Bappeda's engine beans for process tests without Spring whose subject is the kecamatan's process: a sending step's
 * submission goes nowhere (the inbox is {@link BappedaIT}'s subject) and the test answers in Bappeda's place with
 * {@link #answer}; Bappeda's own step runs through the real messages.
 */
public final class BappedaBeans {

    private BappedaBeans() {
    }

    /** {@code beans} with a submission that reaches no inbox and the real messages around Bappeda's own step. */
    public static Map<Object, Object> with(Map<Object, Object> beans) {
        Map<Object, Object> all = new HashMap<>(beans);
        all.put(ProcessContract.SUBMISSION_BEAN, (JavaDelegate) execution -> { });
        all.put(ProcessContract.BAPPEDA_STEP_BEAN, new BappedaStepDelegate());
        return all;
    }

    /** The instance of Bappeda's process that works on its step for the kecamatan's instance. */
    public static ProcessInstance stepInstance(ProcessEngine engine, String kecamatanInstanceId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .variableValueEquals(ProcessContract.KECAMATAN_INSTANCE, kecamatanInstanceId).singleResult();
    }

    /** Bappeda's answer to the submission of {@code step}, as its inbox sends it. */
    public static void answer(ProcessEngine engine, String instanceId, int step, boolean received) {
        engine.getRuntimeService().createMessageCorrelation(ProcessContract.ANSWER_MESSAGE).processInstanceId(instanceId)
                .setVariable(ProcessContract.receivedVariable(step), received).correlateWithResult();
    }
}
