package id.sopflow.benchmark;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A generated SOP process as plain Camunda would run it: the same user tasks, candidate groups, gateways and flows,
 * without what SOPflow adds to the engine's work. Stripped, with the Camunda model API ({@link #WHAT_IS_STRIPPED}):
 * <ol>
 *   <li>every boundary event (the deadline timers {@code langkah_NN_terlambat}, {@code langkah_NN_eskalasi}), with the
 *       sequence flows and end events reached only from it (the alerts {@code ..._dicatat});</li>
 *   <li>every {@code camunda:executionListener} and {@code camunda:taskListener} (process, steps, end events):
 *       deadlines, planned finish, the dossier's check, Bappeda's messages;</li>
 *   <li>every {@code camunda:inputOutput}: the hand-over moment {@code mutuBakuLangkah}, a review's local
 *       {@code disetujui} and {@code catatan} and its output {@code langkah_NN_disetujui};</li>
 *   <li>every {@code camunda:properties} (the step's metadata: langkah, peran, waktu, ...);</li>
 *   <li>and, the output mapping being gone, a review gateway's condition {@code ${langkah_NN_disetujui}} reads
 *       {@code ${disetujui}}, the variable the client sends when it completes the review.</li>
 * </ol>
 * Kept: the pool and lanes, names, documentation, {@code candidateGroups}, the review forms ({@code camunda:formData}),
 * {@code historyTimeToLive}, the diagram of what is left.
 */
public final class StrippedBpmn {

    public static final Path DPA = Path.of("bpmn", "ajibarang", "dpa.bpmn");

    public static final List<String> WHAT_IS_STRIPPED = List.of(
            "boundary events (deadline timers) with the flows and end events reached only from them (alerts)",
            "camunda:executionListener and camunda:taskListener everywhere",
            "camunda:inputOutput (hand-over moment; a review's local disetujui/catatan and its output langkah_NN_disetujui)",
            "camunda:properties (step metadata)",
            "a review gateway's condition ${langkah_NN_disetujui} reads ${disetujui}, the variable the client sends");

    private static final Pattern REVIEW_OUTPUT = Pattern.compile("langkah_\\d+_disetujui");

    private StrippedBpmn() {
    }

    /** The DPA of {@code bpmn/ajibarang}, stripped. */
    public static BpmnModelInstance dpa() {
        return strip(Bpmn.readModelFromFile(DPA.toFile()));
    }

    public static String dpaXml() {
        return Bpmn.convertToString(dpa());
    }

    /** {@code model} itself, stripped (see the class comment). */
    public static BpmnModelInstance strip(BpmnModelInstance model) {
        removeWithDiagram(model, deadlineElements(model));
        for (ExtensionElements extensions : List.copyOf(model.getModelElementsByType(ExtensionElements.class))) {
            stripExtensions(extensions);
        }
        for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
            condition.setTextContent(REVIEW_OUTPUT.matcher(condition.getTextContent()).replaceAll("disetujui"));
        }
        Bpmn.validateModel(model);
        return model;
    }

    /** The boundary events and what is reached only from them. */
    private static Set<BaseElement> deadlineElements(BpmnModelInstance model) {
        Set<BaseElement> removed = new HashSet<>();
        List<FlowNode> reached = new ArrayList<>(model.getModelElementsByType(BoundaryEvent.class));
        while (!reached.isEmpty()) {
            FlowNode node = reached.remove(reached.size() - 1);
            if (removed.add(node)) {
                for (SequenceFlow flow : node.getOutgoing()) {
                    removed.add(flow);
                    if (removed.containsAll(flow.getTarget().getIncoming())) {
                        reached.add(flow.getTarget());
                    }
                }
            }
        }
        return removed;
    }

    private static void removeWithDiagram(BpmnModelInstance model, Set<BaseElement> removed) {
        for (Lane lane : model.getModelElementsByType(Lane.class)) {
            lane.getFlowNodeRefs().removeIf(removed::contains);
        }
        for (BpmnShape shape : List.copyOf(model.getModelElementsByType(BpmnShape.class))) {
            if (removed.contains(shape.getBpmnElement())) {
                remove(shape);
            }
        }
        for (BpmnEdge edge : List.copyOf(model.getModelElementsByType(BpmnEdge.class))) {
            if (removed.contains(edge.getBpmnElement())) {
                remove(edge);
            }
        }
        for (BaseElement element : removed) {
            if (element instanceof FlowNode node) {
                node.getIncoming().clear();
                node.getOutgoing().clear();
            }
        }
        removed.forEach(StrippedBpmn::remove);
    }

    private static void stripExtensions(ExtensionElements extensions) {
        for (ModelElementInstance element : List.copyOf(extensions.getElements())) {
            if (element instanceof CamundaExecutionListener || element instanceof CamundaTaskListener
                    || element instanceof CamundaInputOutput || element instanceof CamundaProperties) {
                extensions.removeChildElement(element);
            }
        }
        if (extensions.getElements().isEmpty()) {
            remove(extensions);
        }
    }

    private static void remove(ModelElementInstance element) {
        element.getParentElement().removeChildElement(element);
    }
}
