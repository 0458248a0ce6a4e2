package id.sopflow.sop;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated processes and the code that runs them agree: every expression and delegate of every deployed
 * SOP resolves against the running application (a bean with that name and method, or a variable the process
 * itself declares or the contract names), and every extension property is one the contract reads. A rename on
 * either side fails here, not at run time as a job incident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProcessContractIT {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{(.*?)}");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_]\\w*)\\.(\\w+)\\s*\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'])([A-Za-z_]\\w*)(?![\\w'])");
    private static final Set<String> EL_WORDS = Set.of("not", "and", "or", "true", "false", "null", "empty", "eq", "ne", "lt", "gt",
            "le", "ge", "div", "mod", "instanceof");
    /** What the engine itself provides to expressions. */
    private static final Set<String> ENGINE_PROVIDED = Set.of("execution", "task");

    @Autowired
    RepositoryService repository;
    @Autowired
    ApplicationContext context;

    @Test
    void everyExpressionAndDelegateOfEveryDeployedProcessResolves() {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().latestVersion().list();
        assertThat(definitions).extracting(ProcessDefinition::getKey).contains("renja", "renstra", "lakip", "rfk-teppa", "rup", "dpa",
                "rfk-teppa-bulanan");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ProcessDefinition definition : definitions) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            Set<String> declared = declaredVariables(model);
            for (String[] expression : expressions(model)) {
                checked++;
                problems.addAll(unresolved(definition.getResourceName(), expression[0], expression[1], declared));
            }
        }
        assertThat(problems).as("expressions that nothing provides").isEmpty();
        assertThat(checked).as("expressions checked").isGreaterThan(100);
    }

    @Test
    void delegatesAreBeansOfTheRightKind() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                assertThat(bean(listener.getCamundaDelegateExpression())).isInstanceOf(TaskListener.class);
            }
            for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
                assertThat(bean(listener.getCamundaDelegateExpression())).isInstanceOf(ExecutionListener.class);
            }
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                assertThat(bean(task.getCamundaDelegateExpression())).isInstanceOf(JavaDelegate.class);
                assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ProcessContract.scheduledProcess(task)).count())
                        .as("the process a schedule starts is deployed").isPositive();
            }
        }
    }

    @Test
    void everyExtensionPropertyIsOneTheContractReads() {
        Set<String> stepProperties = Set.of(StepMetadata.STEP, StepMetadata.ROLE, StepMetadata.KELENGKAPAN, StepMetadata.WAKTU,
                StepMetadata.OUTPUT, StepMetadata.KETERANGAN, StepMetadata.RETURN_TO, StepMetadata.REQUIRED_KELENGKAPAN,
                StepMetadata.REQUIRED_OUTPUTS, StepMetadata.SEND_TO, StepMetadata.BAPPEDA_RETURN_TO, StepMetadata.ANSWERS_SUBMISSION);
        Set<String> processProperties = Set.of(ProcessContract.KECAMATAN_PROPERTY, ProcessContract.DOCUMENT_PROPERTY,
                ProcessContract.SOP_NUMBER_PROPERTY, ProcessContract.STEP_COUNT_PROPERTY, ProcessContract.REPORT_DEADLINE_DAY_PROPERTY,
                ProcessContract.DOCUMENT_KINDS_PROPERTY);
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(StepMetadata.properties(task).keySet()).as(task.getId()).isSubsetOf(stepProperties);
                StepMetadata step = StepMetadata.of(task).orElseThrow();
                assertThat(task.getId()).isEqualTo(step.answersSubmission() ? ProcessContract.INBOX_TASK : SopStep.elementId(step.number()));
                assertThat(task.getCamundaCandidateGroups()).isEqualTo(step.role());
                assertThat(step.waktu().isPresent()).as(task.getId() + " has a hand-over exactly when it has a waktu")
                        .isEqualTo(model.getModelElementsByType(CamundaInputParameter.class).stream()
                                .anyMatch(p -> p.getCamundaName().equals(ProcessContract.STEP_DEADLINES) && ancestor(p, task)));
                // the dossier's listener runs at a step's start exactly when it requires kelengkapan, at its end exactly
                // when it requires outputs; and what it requires are kinds of the process's dossier
                List<String> events = model.getModelElementsByType(CamundaExecutionListener.class).stream()
                        .filter(l -> ancestor(l, task) && ("${" + ProcessContract.DOSSIER_LISTENER_BEAN + "}").equals(l.getCamundaDelegateExpression()))
                        .map(CamundaExecutionListener::getCamundaEvent).toList();
                assertThat(events.contains("start")).as(task.getId() + " start").isEqualTo(!step.requiredKelengkapan().isEmpty());
                assertThat(events.contains("end")).as(task.getId() + " end").isEqualTo(!step.requiredOutputs().isEmpty());
                Process owner = (Process) task.getParentElement();
                assertThat(ProcessContract.documentKinds(owner)).as(task.getId()).containsAll(step.requiredKelengkapan())
                        .containsAll(step.requiredOutputs());
            }
            for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
                if (StepMetadata.properties(end).containsKey(ProcessContract.ALERT_KIND_PROPERTY)) {
                    assertThat(ProcessContract.alertKind(end)).isPresent();
                }
            }
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(StepMetadata.properties(process).keySet()).as(process.getId()).isSubsetOf(processProperties);
            }
        }
    }

    private List<String> unresolved(String file, String where, String expression, Set<String> declared) {
        List<String> problems = new ArrayList<>();
        Matcher call = CALL.matcher(expression);
        Set<String> calledRoots = new HashSet<>();
        while (call.find()) {
            calledRoots.add(call.group(1));
            if (!context.containsBean(call.group(1))) {
                problems.add(file + " " + where + ": ${" + expression + "}: tidak ada bean '" + call.group(1) + "'");
            } else if (Arrays.stream(context.getType(call.group(1)).getMethods()).map(Method::getName).noneMatch(call.group(2)::equals)) {
                problems.add(file + " " + where + ": ${" + expression + "}: bean '" + call.group(1) + "' tidak punya metode " + call.group(2));
            }
        }
        Matcher identifiers = IDENTIFIER.matcher(expression);
        while (identifiers.find()) {
            String name = identifiers.group(1);
            if (EL_WORDS.contains(name) || ENGINE_PROVIDED.contains(name) || calledRoots.contains(name) || declared.contains(name)
                    || context.containsBean(name)) {
                continue;
            }
            problems.add(file + " " + where + ": ${" + expression + "}: '" + name + "' tidak disediakan oleh proses maupun aplikasi");
        }
        return problems;
    }

    /** Variables the process itself declares (mappings, form fields), plus those the contract names. */
    private static Set<String> declaredVariables(BpmnModelInstance model) {
        Set<String> names = new HashSet<>(ProcessContract.START_VARIABLES);
        names.addAll(ProcessContract.COMPUTED_VARIABLES);
        model.getModelElementsByType(CamundaInputParameter.class).forEach(p -> names.add(p.getCamundaName()));
        model.getModelElementsByType(CamundaOutputParameter.class).forEach(p -> names.add(p.getCamundaName()));
        model.getModelElementsByType(CamundaFormField.class).forEach(f -> names.add(f.getCamundaId()));
        // Bappeda's answer, which the answer delegate correlates into the receive task after a sending step
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ReceiveTask.class).stream()
                .filter(r -> r.getMessage() != null && ProcessContract.ANSWER_MESSAGE.equals(r.getMessage().getName()))
                .forEach(r -> names.add(ProcessContract.receivedVariable(ProcessContract.stepOfWaitElement(r.getId()).orElseThrow())));
        return names;
    }

    /** Every expression of a model with where it stands: timers, conditions, listeners, delegates, mappings. */
    private static List<String[]> expressions(BpmnModelInstance model) {
        List<String[]> found = new ArrayList<>();
        for (Class<? extends ModelElementInstance> type : List.of(TimeDate.class, TimeCycle.class, ConditionExpression.class,
                CamundaInputParameter.class, CamundaOutputParameter.class)) {
            for (ModelElementInstance element : model.getModelElementsByType(type)) {
                add(found, where(element), element.getTextContent());
            }
        }
        model.getModelElementsByType(CamundaTaskListener.class).forEach(l -> add(found, where(l), l.getCamundaDelegateExpression()));
        model.getModelElementsByType(CamundaExecutionListener.class).forEach(l -> add(found, where(l), l.getCamundaDelegateExpression()));
        model.getModelElementsByType(ServiceTask.class).forEach(t -> add(found, t.getId(), t.getCamundaDelegateExpression()));
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.MessageEventDefinition.class)
                .forEach(d -> add(found, where(d), d.getCamundaDelegateExpression()));
        return found;
    }

    private static void add(List<String[]> found, String where, String text) {
        if (text == null) {
            return;
        }
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) {
            found.add(new String[] {where, m.group(1)});
        }
    }

    private static String where(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof BaseElement base && base.getId() != null) {
                return base.getId();
            }
        }
        return "?";
    }

    private static boolean ancestor(ModelElementInstance element, BaseElement of) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e == of) {
                return true;
            }
        }
        return false;
    }

    private Object bean(String delegateExpression) {
        Matcher m = EXPRESSION.matcher(delegateExpression);
        assertThat(m.matches()).as(delegateExpression).isTrue();
        return context.getBean(m.group(1));
    }
}
