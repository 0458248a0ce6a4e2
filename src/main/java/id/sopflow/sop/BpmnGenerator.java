package id.sopflow.sop;

import id.sopflow.organisation.Role;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BpmnModelElementInstance;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a validated {@link SopDefinition} into an executable BPMN 2.0 process with full diagram
 * interchange (a pool, a lane per role), built on the Camunda Model API.
 *
 * <p>Element ids are stable and meaningful: {@code mulai}, {@code langkah_05},
 * {@code langkah_05_keputusan}, {@code langkah_05_disetujui}, {@code langkah_05_dikembalikan},
 * {@code selesai}, {@code lane_camat}. A review step (one with {@code kembaliKe}) keeps the reviewer's
 * {@value #APPROVED} and {@value #NOTE} as local variables of its own scope (input mappings, null when the
 * task is created) and hands the decision to the exclusive gateway after it as
 * {@code langkah_NN_disetujui} (output mapping): true goes on, false goes back to the step that produced
 * the draft. No step can so inherit another step's decision (see {@link ProcessContract}).
 */
final class BpmnGenerator {

    static final String APPROVED = ProcessContract.APPROVED;
    static final String NOTE = ProcessContract.NOTE;
    static final String NAMESPACE = "https://sopflow.id/bpmn";

    /* The beans the processes call, by name (ProcessContract); the generator knows nothing of how they work. */
    static final String TASK_LISTENER = "${" + ProcessContract.TASK_LISTENER_BEAN + "}";
    static final String PROCESS_LISTENER = "${" + ProcessContract.PROCESS_LISTENER_BEAN + "}";
    static final String ALERT_LISTENER = "${" + ProcessContract.ALERT_LISTENER_BEAN + "}";
    static final String SCHEDULE_DELEGATE = "${" + ProcessContract.SCHEDULE_DELEGATE_BEAN + "}";
    static final String DOSSIER_LISTENER = "${" + ProcessContract.DOSSIER_LISTENER_BEAN + "}";
    static final String SUBMISSION_DELEGATE = "${" + ProcessContract.SUBMISSION_BEAN + "}";
    static final String ANSWER_DELEGATE = "${" + ProcessContract.ANSWER_BEAN + "}";
    static final String BAPPEDA_STEP_DELEGATE = "${" + ProcessContract.BAPPEDA_STEP_BEAN + "}";
    /** Where Bappeda's inbox lives below {@code bpmn/}. */
    static final String INBOX_PATH = Role.BAPPEDA.id() + "/" + ProcessContract.BAPPEDA_INBOX + ".bpmn";
    private static final int POOL_GAP = 60;
    /** Finished instances stay in history for five years (audit of planning documents). */
    static final String HISTORY_TIME_TO_LIVE = "1825";

    // Layout (pixels). Each lane is tall enough for the task row and the timer row below it.
    private static final int POOL_X = 100;
    private static final int POOL_Y = 60;
    private static final int POOL_HEADER = 30;
    private static final int LANE_HEIGHT = 220;
    private static final int COLUMN_WIDTH = 200;
    private static final int FIRST_COLUMN_CENTER = 100;
    private static final int ROW_CENTER = 75;
    private static final int TASK_WIDTH = 160;
    private static final int TASK_HEIGHT = 100;
    private static final int EVENT_SIZE = 36;
    private static final int GATEWAY_SIZE = 50;

    String toXml(SopDefinition sop) {
        return Bpmn.convertToString(generate(sop));
    }

    BpmnModelInstance generate(SopDefinition sop) {
        return new Build(sop, false).run();
    }

    /**
     * Bappeda's inbox ({@value ProcessContract#BAPPEDA_INBOX}): started by the message a sending step throws, one task
     * for Bappeda (receive with a tanda terima, or return with a note) within its mutu baku, and the answer thrown back.
     * Built from the same parts as an SOP, so its task has a due date and timers that alert Bappeda's head.
     */
    String inboxXml() {
        return Bpmn.convertToString(new Build(inboxDefinition(), true).run());
    }

    static SopDefinition inboxDefinition() {
        String role = Role.BAPPEDA.id();
        SopStep answer = new SopStep(1, "BAPPEDA memeriksa dokumen yang dikirim kecamatan, lalu menerimanya dengan tanda terima "
                + "atau mengembalikannya dengan catatan untuk diperbaiki", role, List.of("dokumen kiriman kecamatan dan surat pengantarnya"),
                ProcessContract.BAPPEDA_ANSWER_WAKTU, id.sopflow.calendar.Waktu.parse(ProcessContract.BAPPEDA_ANSWER_WAKTU),
                "tanda terima, atau catatan pengembalian", "waktu bawaan; diatur dengan sopflow.pemantauan.mutu-baku-bappeda",
                java.util.OptionalInt.empty(), "", List.of(), List.of());
        SopIdentity identity = new SopIdentity("SOPflow: penerimaan dokumen yang dikirim langkah 'mengirim dokumen ke BAPPEDA'", "",
                "", "", "", "", List.of(), List.of(), List.of(), List.of(), "", "");
        return new SopDefinition(ProcessContract.BAPPEDA_INBOX, role, "Penerimaan Dokumen Kiriman Kecamatan", "Bappeda",
                "kiriman dokumen", identity, List.of(new SopRole(role, "Bappeda")), List.of(answer), false, java.util.Optional.empty(),
                List.of(), List.of());
    }

    /** Every file an SOP generates, by path below {@code bpmn/}: its process and, if recurring, its schedule. */
    Map<String, String> files(SopDefinition sop) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(sop.bpmnPath(), toXml(sop));
        sop.schedule().ifPresent(schedule ->
                files.put(sop.scheduleBpmnPath(), Bpmn.convertToString(new ScheduleBuild(sop, schedule).run())));
        return files;
    }

    /** The state of one generation. */
    /** Element helpers shared by both generations. */
    private abstract static class Writer {
        final BpmnModelInstance model = Bpmn.createEmptyModel();

        <T extends BpmnModelElementInstance> T create(BpmnModelElementInstance parent, String id, Class<T> type) {
            T element = model.newInstance(type);
            element.setAttributeValue("id", id, true);
            parent.addChildElement(element);
            return element;
        }

        void documentation(BaseElement element, String text) {
            Documentation documentation = model.newInstance(Documentation.class);
            documentation.setId(element.getId().replace('-', '_') + "_dokumentasi");
            documentation.setTextContent(text);
            element.getDocumentations().add(documentation);
        }

        ExtensionElements properties(BaseElement element, Map<String, String> values) {
            ExtensionElements extensions = model.newInstance(ExtensionElements.class);
            element.setExtensionElements(extensions);
            CamundaProperties properties = model.newInstance(CamundaProperties.class);
            extensions.addChildElement(properties);
            values.forEach((name, value) -> {
                CamundaProperty property = model.newInstance(CamundaProperty.class);
                property.setCamundaName(name);
                property.setCamundaValue(value);
                properties.addChildElement(property);
            });
            return extensions;
        }

        void executionListener(ExtensionElements extensions, String event, String delegateExpression) {
            CamundaExecutionListener listener = model.newInstance(CamundaExecutionListener.class);
            listener.setCamundaEvent(event);
            listener.setCamundaDelegateExpression(delegateExpression);
            extensions.addChildElement(listener);
        }

        BpmnShape shape(BpmnPlane plane, BaseElement element, int x, int y, int w, int h, Boolean horizontal) {
            BpmnShape shape = create(plane, element.getId() + "_di", BpmnShape.class);
            shape.setBpmnElement(element);
            if (horizontal != null) {
                shape.setHorizontal(horizontal);
            }
            Bounds bounds = model.newInstance(Bounds.class);
            bounds.setX(x);
            bounds.setY(y);
            bounds.setWidth(w);
            bounds.setHeight(h);
            shape.setBounds(bounds);
            return shape;
        }

        static String id(String kode) {
            return kode.replace('-', '_');
        }
    }

    private static final class Build extends Writer {
        private final SopDefinition sop;
        private final boolean inbox;
        private Map<String, Lane> lanes = new LinkedHashMap<>();
        private Map<String, Integer> laneIndex = new LinkedHashMap<>();
        private final Map<String, int[]> boxes = new LinkedHashMap<>();
        private final List<SequenceFlow> flows = new ArrayList<>();
        /** Bappeda's pools below the SOP's: participant and its one lane. */
        private final Map<Participant, Lane> bappedaPools = new LinkedHashMap<>();
        private final Map<String, Message> messages = new LinkedHashMap<>();
        private Process process;
        private int column;
        private int mainLanes;

        Build(SopDefinition sop, boolean inbox) {
            this.sop = sop;
            this.inbox = inbox;
        }

        BpmnModelInstance run() {
            Definitions definitions = model.newInstance(Definitions.class);
            definitions.setTargetNamespace(NAMESPACE);
            definitions.setExporter("SOPflow");
            definitions.setExporterVersion("1");
            definitions.setId("definisi_" + id(sop.kode()));
            model.setDefinitions(definitions);

            Collaboration collaboration = create(definitions, "kolaborasi_" + id(sop.kode()), Collaboration.class);
            process = create(definitions, sop.kode(), Process.class);
            process.setName(sop.nama());
            process.setExecutable(true);
            process.setCamundaHistoryTimeToLiveString(HISTORY_TIME_TO_LIVE);
            documentation(process, processDocumentation());
            ExtensionElements processExtensions = properties(process, processProperties());
            executionListener(processExtensions, "start", PROCESS_LISTENER);
            executionListener(processExtensions, "end", PROCESS_LISTENER);

            Participant participant = create(collaboration, "pool_" + id(sop.kode()), Participant.class);
            participant.setName(inbox ? "BAPPEDA" : sop.nama() + " (Kecamatan " + sop.kecamatan() + ")");
            participant.setProcess(process);

            LaneSet laneSet = create(process, "lanes_" + id(sop.kode()), LaneSet.class);
            for (SopRole role : sop.roles()) {
                Lane lane = create(laneSet, "lane_" + role.id(), Lane.class);
                lane.setName(role.name());
                laneIndex.put(role.id(), lanes.size());
                lanes.put(role.id(), lane);
            }

            mainLanes = lanes.size();
            List<SopStep> steps = sop.steps();
            StartEvent start = node(ProcessContract.START_EVENT, StartEvent.class, inbox ? "Kiriman dokumen masuk" : "SOP dimulai",
                    steps.get(0).roleId(), EVENT_SIZE, EVENT_SIZE);
            if (inbox) {
                MessageEventDefinition received = create(start, "mulai_pesan", MessageEventDefinition.class);
                received.setMessage(message(ProcessContract.SUBMISSION_MESSAGE));
            }
            Map<Integer, FlowNode> tasks = new LinkedHashMap<>();
            FlowNode previous = start;
            String previousCondition = null;
            String previousFlowId = null;
            List<SopStep> reviews = new ArrayList<>();
            List<SopStep> sendings = new ArrayList<>();
            Map<Integer, ExclusiveGateway> gateways = new LinkedHashMap<>();
            for (SopStep step : steps) {
                FlowNode task;
                if (step.isBappedaWork() && !inbox) {
                    task = bappedaWork(step, collaboration);
                    tasks.put(step.number(), task);
                    flow(previousFlowId, previous, task, previousCondition, previousCondition == null ? null : "Ya");
                    previous = (FlowNode) model.getModelElementById(ProcessContract.waitElement(step.number()));
                    previousCondition = null;
                    previousFlowId = null;
                    continue;
                } else {
                    UserTask userTask = userTask(step);
                    timers(step, userTask);
                    task = userTask;
                }
                tasks.put(step.number(), task);
                flow(previousFlowId, previous, task, previousCondition, previousCondition == null ? null : "Ya");
                previous = task;
                previousCondition = null;
                previousFlowId = null;
                if (step.sendsToBappeda()) {
                    IntermediateThrowEvent send = node(ProcessContract.sendElement(step.number()), IntermediateThrowEvent.class,
                            "Dokumen dikirim ke Bappeda", step.roleId(), EVENT_SIZE, EVENT_SIZE);
                    MessageEventDefinition sent = create(send, send.getId() + "_pesan", MessageEventDefinition.class);
                    sent.setMessage(message(ProcessContract.SUBMISSION_MESSAGE));
                    sent.setCamundaDelegateExpression(SUBMISSION_DELEGATE);
                    flow(null, task, send, null, null);
                    ReceiveTask wait = node(ProcessContract.waitElement(step.number()), ReceiveTask.class, "Menunggu jawaban Bappeda",
                            step.roleId(), TASK_WIDTH, TASK_HEIGHT);
                    wait.setMessage(message(ProcessContract.ANSWER_MESSAGE));
                    flow(null, send, wait, null, null);
                    ExclusiveGateway answered = node(step.elementId() + "_jawaban", ExclusiveGateway.class, "Diterima Bappeda?",
                            step.roleId(), GATEWAY_SIZE, GATEWAY_SIZE);
                    flow(null, wait, answered, null, null);
                    gateways.put(step.number(), answered);
                    sendings.add(step);
                    previous = answered;
                    previousCondition = "${" + ProcessContract.receivedVariable(step.number()) + "}";
                    previousFlowId = step.elementId() + "_diterima";
                } else if (step.isReview() && !inbox) {
                    ExclusiveGateway gateway = node(step.elementId() + "_keputusan", ExclusiveGateway.class,
                            "Disetujui?", step.roleId(), GATEWAY_SIZE, GATEWAY_SIZE);
                    flow(null, task, gateway, null, null);
                    gateways.put(step.number(), gateway);
                    reviews.add(step);
                    previous = gateway;
                    previousCondition = "${" + ProcessContract.decisionVariable(step.number()) + "}";
                    previousFlowId = step.elementId() + "_disetujui";
                }
            }
            EndEvent end = node("selesai", EndEvent.class, inbox ? "Jawaban dikirim ke kecamatan" : "SOP selesai",
                    steps.get(steps.size() - 1).roleId(), EVENT_SIZE, EVENT_SIZE);
            if (inbox) {
                MessageEventDefinition answer = create(end, "selesai_pesan", MessageEventDefinition.class);
                answer.setMessage(message(ProcessContract.ANSWER_MESSAGE));
                answer.setCamundaDelegateExpression(ANSWER_DELEGATE);
            }
            flow(previousFlowId, previous, end, previousCondition, previousCondition == null ? null : "Ya");
            for (SopStep review : reviews) {
                int target = review.returnTo().orElseThrow();
                flow(review.elementId() + "_dikembalikan", gateways.get(review.number()), tasks.get(target),
                        "${not " + ProcessContract.decisionVariable(review.number()) + "}", "Tidak, kembali ke langkah " + target);
            }
            for (SopStep sending : sendings) {
                int target = sending.bappedaReturnTo().orElseThrow();
                flow(sending.elementId() + "_dikembalikan", gateways.get(sending.number()), tasks.get(target),
                        "${not " + ProcessContract.receivedVariable(sending.number()) + "}", "Dikembalikan Bappeda, ke langkah " + target);
            }
            sop.schedule().ifPresent(schedule -> reportDeadline());
            diagram(collaboration, participant);
            return model;
        }

        private UserTask userTask(SopStep step) {
            SopRole role = sop.role(step.roleId()).orElseThrow();
            UserTask task = node(step.elementId(), UserTask.class, step.activity(), step.roleId(), TASK_WIDTH, TASK_HEIGHT);
            task.setCamundaCandidateGroups(step.roleId());
            documentation(task, stepDocumentation(step, role));
            Map<String, String> props = StepMetadata.propertiesOf(step);
            if (inbox) {
                task.setId(ProcessContract.INBOX_TASK);
                boxes.put(ProcessContract.INBOX_TASK, boxes.remove(step.elementId()));
                props.put(StepMetadata.ANSWERS_SUBMISSION, "true");
            }
            ExtensionElements extensions = properties(task, props);
            if (step.waktu().isPresent() || step.isReview() || inbox) {
                stepScope(extensions, step, task.getId());
            }
            if (step.waktu().isPresent()) {
                for (String event : List.of("create", "complete")) {
                    extensions.addChildElement(taskListener(event, TASK_LISTENER));
                }
            }
            // execution listeners, not task listeners: the engine hands their refusal to the caller as it is
            if (!step.requiredKelengkapan().isEmpty()) {
                executionListener(extensions, "start", DOSSIER_LISTENER);
            }
            if (!step.requiredOutputs().isEmpty()) {
                executionListener(extensions, "end", DOSSIER_LISTENER);
            }
            if (step.isReview() || inbox) {
                CamundaFormData form = model.newInstance(CamundaFormData.class);
                extensions.addChildElement(form);
                CamundaFormField approved = model.newInstance(CamundaFormField.class);
                approved.setCamundaId(APPROVED);
                approved.setCamundaLabel(inbox ? "Diterima (tidak dicentang: dikembalikan ke kecamatan dengan catatan)"
                        : "Disetujui (tidak dicentang: dikembalikan ke langkah " + step.returnTo().getAsInt() + ")");
                approved.setCamundaType("boolean");
                form.addChildElement(approved);
                CamundaFormField note = model.newInstance(CamundaFormField.class);
                note.setCamundaId(NOTE);
                note.setCamundaLabel("Catatan pemeriksa");
                note.setCamundaType("string");
                form.addChildElement(note);
            }
            return task;
        }

        /**
         * The step's own variables, set when it is handed over (input mappings run before its timers are
         * created): its mutu baku moments, computed once by the hand-over ({@code mutuBaku.handOver}) and only
         * read by the timers and the task's due date; and for a review step the reviewer's decision and note,
         * null at the start, so what a completion sends lands here and the step hands only its own decision on.
         */
        private void stepScope(ExtensionElements extensions, SopStep step, String elementId) {
            CamundaInputOutput io = model.newInstance(CamundaInputOutput.class);
            extensions.addChildElement(io);
            if (step.waktu().isPresent()) {
                CamundaInputParameter moments = model.newInstance(CamundaInputParameter.class);
                moments.setCamundaName(ProcessContract.STEP_DEADLINES);
                moments.setTextContent("${" + ProcessContract.TIMER_BEAN + ".handOver(execution, '" + elementId + "')}");
                io.addChildElement(moments);
            }
            if (step.isReview() || inbox) {
                for (String local : List.of(APPROVED, NOTE)) {
                    CamundaInputParameter input = model.newInstance(CamundaInputParameter.class);
                    input.setCamundaName(local);
                    io.addChildElement(input);
                }
                if (inbox) {
                    output(io, ProcessContract.RECEIVED, APPROVED);
                    output(io, ProcessContract.ANSWER_NOTE, NOTE);
                } else {
                    output(io, ProcessContract.decisionVariable(step.number()), APPROVED);
                }
            }
        }

        private void output(CamundaInputOutput io, String name, String local) {
            CamundaOutputParameter out = model.newInstance(CamundaOutputParameter.class);
            out.setCamundaName(name);
            out.setTextContent("${" + local + "}");
            io.addChildElement(out);
        }

        /** A BPMN message of the file, by its name (created once). */
        private Message message(String name) {
            return messages.computeIfAbsent(name, n -> {
                Message message = create(model.getDefinitions(), "pesan_" + n.replace('-', '_'), Message.class);
                message.setName(n);
                return message;
            });
        }

        /**
         * Bappeda's own step (Renstra step 13): in the SOP's pool a call activity {@code langkah_NN_bappeda} that waits for
         * it; in a second pool, Bappeda's process ({@link ProcessContract#bappedaProcessKey}) whose task {@code langkah_NN}
         * has the step's mutu baku and timers. Its instances belong to Bappeda's tenant, so Bappeda works on it without
         * seeing the kecamatan's instance, and its lateness alerts Bappeda's head.
         */
        private FlowNode bappedaWork(SopStep step, Collaboration collaboration) {
            String key = ProcessContract.bappedaProcessKey(sop.kode());
            IntermediateThrowEvent call = node(step.elementId() + "_bappeda", IntermediateThrowEvent.class,
                    "Diserahkan kepada Bappeda", step.roleId(), EVENT_SIZE, EVENT_SIZE);
            documentation(call, "Langkah " + step.number() + " dikerjakan Bappeda di prosesnya sendiri (" + key + ").");
            MessageEventDefinition handed = create(call, call.getId() + "_pesan", MessageEventDefinition.class);
            handed.setMessage(message(ProcessContract.bappedaStartMessage(sop.kode())));
            handed.setCamundaDelegateExpression(BAPPEDA_STEP_DELEGATE);
            ReceiveTask wait = node(ProcessContract.waitElement(step.number()), ReceiveTask.class, "Menunggu Bappeda: " + step.activity(),
                    step.roleId(), TASK_WIDTH, TASK_HEIGHT);
            wait.setMessage(message(ProcessContract.BAPPEDA_STEP_DONE_MESSAGE));
            properties(wait, Map.of(ProcessContract.BAPPEDA_STEP_PROPERTY, String.valueOf(step.number())));
            flow(null, call, wait, null, null);
            Process main = process;
            Map<String, Lane> mainLanesByRole = lanes;
            Map<String, Integer> mainIndex = laneIndex;
            int callColumn = column - 1;
            Process own = create(model.getDefinitions(), key, Process.class);
            own.setName(sop.nama() + ": langkah " + step.number() + " (Bappeda)");
            own.setExecutable(true);
            own.setCamundaHistoryTimeToLiveString(HISTORY_TIME_TO_LIVE);
            documentation(own, "Langkah " + step.number() + " SOP " + sop.nama() + ", dikerjakan Bappeda: dipanggil oleh langkah "
                    + step.number() + " proses " + sop.kode() + ".");
            Map<String, String> ownProperties = new LinkedHashMap<>();
            ownProperties.put(ProcessContract.DOCUMENT_PROPERTY, sop.dokumen());
            ownProperties.put(ProcessContract.STEP_COUNT_PROPERTY, "1");
            ExtensionElements ownExtensions = properties(own, ownProperties);
            executionListener(ownExtensions, "start", PROCESS_LISTENER);
            executionListener(ownExtensions, "end", PROCESS_LISTENER);
            Participant pool = create(collaboration, "pool_" + id(key), Participant.class);
            pool.setName("BAPPEDA (" + sop.nama() + ", langkah " + step.number() + ")");
            pool.setProcess(own);
            LaneSet laneSet = create(own, "lanes_" + id(key), LaneSet.class);
            Lane lane = create(laneSet, "lane_" + id(key), Lane.class);
            lane.setName(sop.role(step.roleId()).orElseThrow().name());
            bappedaPools.put(pool, lane);
            process = own;
            lanes = Map.of(step.roleId(), lane);
            laneIndex = Map.of(step.roleId(), mainLanes + bappedaPools.size() - 1);
            column = callColumn - 1;
            StartEvent start = node(step.elementId() + "_mulai", StartEvent.class, "Diserahkan kecamatan", step.roleId(), EVENT_SIZE, EVENT_SIZE);
            MessageEventDefinition started = create(start, start.getId() + "_pesan", MessageEventDefinition.class);
            started.setMessage(message(ProcessContract.bappedaStartMessage(sop.kode())));
            UserTask task = userTask(step);
            timers(step, task);
            EndEvent end = node(step.elementId() + "_selesai", EndEvent.class, "Kembali ke kecamatan", step.roleId(), EVENT_SIZE, EVENT_SIZE);
            MessageEventDefinition done = create(end, end.getId() + "_pesan", MessageEventDefinition.class);
            done.setMessage(message(ProcessContract.BAPPEDA_STEP_DONE_MESSAGE));
            done.setCamundaDelegateExpression(BAPPEDA_STEP_DELEGATE);
            flow(null, start, task, null, null);
            flow(null, task, end, null, null);
            process = main;
            lanes = mainLanesByRole;
            laneIndex = mainIndex;
            column = callColumn + 1;
            return call;
        }

        private CamundaTaskListener taskListener(String event, String delegateExpression) {
            CamundaTaskListener listener = model.newInstance(CamundaTaskListener.class);
            listener.setCamundaEvent(event);
            listener.setCamundaDelegateExpression(delegateExpression);
            return listener;
        }

        private String stepDocumentation(SopStep step, SopRole role) {
            StringBuilder sb = new StringBuilder();
            sb.append("Langkah ").append(step.number()).append(": ").append(step.activity()).append('\n');
            sb.append("Pelaksana: ").append(role.name()).append('\n');
            sb.append("Kelengkapan: ").append(step.kelengkapan().isEmpty() ? "-" : String.join("; ", step.kelengkapan())).append('\n');
            sb.append("Waktu: ").append(step.waktuText().isBlank() ? "belum ditetapkan" : step.waktuText()).append('\n');
            sb.append("Output: ").append(step.output().isBlank() ? "belum ditetapkan" : step.output());
            if (!step.keterangan().isBlank()) {
                sb.append('\n').append("Keterangan: ").append(step.keterangan());
            }
            step.returnTo().ifPresent(r -> sb.append('\n').append("Jika tidak disetujui: kembali ke langkah ").append(r));
            if (!step.requiredKelengkapan().isEmpty()) {
                sb.append('\n').append("Harus sudah ada di berkas: ").append(String.join("; ", step.requiredKelengkapan()));
            }
            if (!step.requiredOutputs().isEmpty()) {
                sb.append('\n').append(step.isReview() ? "Diunggah sebelum disetujui: " : "Diunggah sebelum selesai: ")
                        .append(String.join("; ", step.requiredOutputs()));
            }
            return sb.toString();
        }

        private String processDocumentation() {
            SopIdentity id = sop.identitas();
            StringBuilder sb = new StringBuilder("SOP ").append(sop.nama()).append(", Kecamatan ").append(sop.kecamatan());
            if (!id.sumber().isBlank()) {
                sb.append("\nLembar identitas: ").append(id.sumber());
            }
            if (!id.nomor().isBlank()) {
                sb.append("\nNomor SOP: ").append(id.nomor());
            }
            if (!id.tanggalEfektif().isBlank()) {
                sb.append("\nTanggal efektif: ").append(id.tanggalEfektif());
            }
            if (!id.disahkanOleh().isBlank()) {
                sb.append("\nDisahkan oleh: ").append(id.disahkanOleh());
            }
            if (!id.peringatan().isBlank()) {
                sb.append("\nPeringatan: ").append(id.peringatan());
            }
            return sb.toString();
        }

        private Map<String, String> processProperties() {
            Map<String, String> props = new LinkedHashMap<>();
            props.put(ProcessContract.KECAMATAN_PROPERTY, sop.kecamatan());
            props.put(ProcessContract.DOCUMENT_PROPERTY, sop.dokumen());
            props.put(ProcessContract.SOP_NUMBER_PROPERTY, sop.identitas().nomor());
            props.put(ProcessContract.STEP_COUNT_PROPERTY, String.valueOf(sop.steps().size()));
            if (!sop.documentKinds().isEmpty()) {
                props.put(ProcessContract.DOCUMENT_KINDS_PROPERTY, String.join(StepMetadata.LIST_SEPARATOR, sop.documentKinds()));
            }
            sop.schedule().ifPresent(s -> props.put(ProcessContract.REPORT_DEADLINE_DAY_PROPERTY, String.valueOf(s.deadlineBeforeDay())));
            return props;
        }

        /**
         * One non-interrupting timer on a step with a waktu ({@link ProcessContract#deadlineTimer}): it waits for the
         * step's first moment (the reminder at the target of a range, else the limit); the listener of the end event
         * behind it records that moment and re-arms it for the next (overdue at the limit: the Sekcam is told;
         * escalation at twice the limit: the Camat). The task stays open; a step done in time costs one timer job.
         */
        private void timers(SopStep step, UserTask task) {
            if (step.waktu().isEmpty()) {
                return;
            }
            boolean bappeda = step.isBappedaWork();
            boolean range = step.waktu().get().isRange();
            String id = ProcessContract.deadlineTimer(step.elementId());
            BoundaryEvent boundary = create(process, id, BoundaryEvent.class);
            boundary.setName("Mutu baku " + step.waktuText());
            boundary.setAttachedTo(task);
            boundary.setCancelActivity(false);
            TimerEventDefinition timer = create(boundary, id + "_timer", TimerEventDefinition.class);
            TimeDate date = create(timer, id + "_saat", TimeDate.class);
            date.setTextContent("${" + ProcessContract.TIMER_BEAN + ".firstAt(execution)}");
            EndEvent recorded = create(process, id + "_dicatat", EndEvent.class);
            recorded.setName((range ? "Pemegang diingatkan; " : "")
                    + (bappeda ? "Kepala Bappeda diberi tahu (batas, 2x batas)" : "Sekcam (batas), Camat (2x batas) diberi tahu"));
            ExtensionElements extensions = model.newInstance(ExtensionElements.class);
            recorded.setExtensionElements(extensions);
            executionListener(extensions, "start", ALERT_LISTENER);
            lanes.get(step.roleId()).getFlowNodeRefs().add(boundary);
            lanes.get(step.roleId()).getFlowNodeRefs().add(recorded);
            int[] box = boxes.get(task.getId());
            int cx = box[0] + box[2] / 2;
            int cy = box[1] + box[3];
            boxes.put(id, new int[] {cx - EVENT_SIZE / 2, cy - EVENT_SIZE / 2, EVENT_SIZE, EVENT_SIZE});
            boxes.put(id + "_dicatat", new int[] {cx - EVENT_SIZE / 2, cy + 52, EVENT_SIZE, EVENT_SIZE});
            flow("alur_" + id, boundary, recorded, null, null);
        }

        /** The recurring SOP's own deadline: an event subprocess that fires once the report is late. */
        private void reportDeadline() {
            String laneRole = sop.roles().get(0).id();
            SubProcess sub = create(process, "tenggat_laporan", SubProcess.class);
            sub.setTriggeredByEvent(true);
            sub.setName("Tenggat laporan bulanan");
            lanes.get(laneRole).getFlowNodeRefs().add(sub);
            StartEvent late = create(sub, "tenggat_laporan_lewat", StartEvent.class);
            late.setName("Tenggat laporan terlewati");
            late.setInterrupting(false);
            TimerEventDefinition timer = create(late, "tenggat_laporan_lewat_timer", TimerEventDefinition.class);
            TimeDate date = create(timer, "tenggat_laporan_lewat_saat", TimeDate.class);
            date.setTextContent("${" + ProcessContract.TIMER_BEAN + ".reportDeadline(execution)}");
            EndEvent recorded = create(sub, "tenggat_laporan_dicatat", EndEvent.class);
            recorded.setName("Keterlambatan laporan dicatat, Sekcam dan Camat diberi tahu");
            executionListener(properties(recorded, Map.of(ProcessContract.ALERT_KIND_PROPERTY, ProcessContract.AlertKind.TENGGAT_LAPORAN.name())), "start", ALERT_LISTENER);
            int x = POOL_X + POOL_HEADER + FIRST_COLUMN_CENTER + column * COLUMN_WIDTH - COLUMN_WIDTH / 2;
            int y = POOL_Y + laneIndex.get(laneRole) * LANE_HEIGHT + 20;
            boxes.put(sub.getId(), new int[] {x, y, 2 * COLUMN_WIDTH - 40, LANE_HEIGHT - 40});
            int cy = y + (LANE_HEIGHT - 40) / 2;
            boxes.put(late.getId(), new int[] {x + 40, cy - EVENT_SIZE / 2, EVENT_SIZE, EVENT_SIZE});
            boxes.put(recorded.getId(), new int[] {x + 2 * COLUMN_WIDTH - 40 - 76, cy - EVENT_SIZE / 2, EVENT_SIZE, EVENT_SIZE});
            column += 2;
            SequenceFlow flow = create(sub, "alur_tenggat_laporan", SequenceFlow.class);
            flow.setSource(late);
            flow.setTarget(recorded);
            late.getOutgoing().add(flow);
            recorded.getIncoming().add(flow);
            flows.add(flow);
        }


        // --- elements ---------------------------------------------------------------------------

        private <T extends FlowNode> T node(String id, Class<T> type, String name, String roleId, int width, int height) {
            T node = create(process, id, type);
            node.setName(name);
            lanes.get(roleId).getFlowNodeRefs().add(node);
            int lane = laneIndex.get(roleId);
            int cx = POOL_X + POOL_HEADER + FIRST_COLUMN_CENTER + column * COLUMN_WIDTH;
            int cy = laneY(lane) + ROW_CENTER;
            boxes.put(id, new int[] {cx - width / 2, cy - height / 2, width, height});
            column++;
            return node;
        }

        /** The top of a lane: the SOP's lanes one under another, Bappeda's pools below them with a gap. */
        private int laneY(int lane) {
            return POOL_Y + lane * LANE_HEIGHT + (lane >= mainLanes ? POOL_GAP * (lane - mainLanes + 1) : 0);
        }

        private void flow(String id, FlowNode from, FlowNode to, String condition, String name) {
            String flowId = id != null ? id : "alur_" + from.getId() + "_ke_" + to.getId();
            SequenceFlow flow = create(process, flowId, SequenceFlow.class);
            flow.setSource(from);
            flow.setTarget(to);
            from.getOutgoing().add(flow);
            to.getIncoming().add(flow);
            if (name != null) {
                flow.setName(name);
            }
            if (condition != null) {
                ConditionExpression expression = model.newInstance(ConditionExpression.class);
                expression.setId(flowId + "_syarat");
                expression.setTextContent(condition);
                flow.setConditionExpression(expression);
            }
            flows.add(flow);
        }

        // --- diagram interchange ----------------------------------------------------------------

        private void diagram(Collaboration collaboration, Participant participant) {
            BpmnDiagram diagram = create(model.getDefinitions(), "diagram_" + id(sop.kode()), BpmnDiagram.class);
            diagram.setName(sop.nama());
            BpmnPlane plane = create(diagram, "bidang_" + id(sop.kode()), BpmnPlane.class);
            plane.setBpmnElement(collaboration);
            int laneWidth = FIRST_COLUMN_CENTER + column * COLUMN_WIDTH;
            int poolHeight = lanes.size() * LANE_HEIGHT;
            shape(plane, participant, POOL_X, POOL_Y, POOL_HEADER + laneWidth, poolHeight, true);
            int i = 0;
            for (Lane lane : lanes.values()) {
                shape(plane, lane, POOL_X + POOL_HEADER, POOL_Y + i * LANE_HEIGHT, laneWidth, LANE_HEIGHT, true);
                i++;
            }
            for (Map.Entry<Participant, Lane> pool : bappedaPools.entrySet()) {
                int y = laneY(i);
                shape(plane, pool.getKey(), POOL_X, y, POOL_HEADER + laneWidth, LANE_HEIGHT, true);
                shape(plane, pool.getValue(), POOL_X + POOL_HEADER, y, laneWidth, LANE_HEIGHT, true);
                i++;
            }
            for (Map.Entry<String, int[]> box : boxes.entrySet()) {
                int[] b = box.getValue();
                BaseElement element = model.getModelElementById(box.getKey());
                BpmnShape shape = shape(plane, element, b[0], b[1], b[2], b[3], null);
                if (element instanceof ExclusiveGateway) {
                    shape.setMarkerVisible(true);
                }
                if (element instanceof SubProcess) {
                    shape.setExpanded(true);
                }
            }
            for (SequenceFlow flow : flows) {
                edge(plane, flow);
            }
        }


        private void edge(BpmnPlane plane, SequenceFlow flow) {
            BpmnEdge edge = create(plane, flow.getId() + "_di", BpmnEdge.class);
            edge.setBpmnElement(flow);
            int[] s = boxes.get(flow.getSource().getId());
            int[] t = boxes.get(flow.getTarget().getId());
            int sx = s[0] + s[2];
            int sy = s[1] + s[3] / 2;
            int tx = t[0];
            int ty = t[1] + t[3] / 2;
            List<int[]> points = new ArrayList<>();
            if (s[0] + s[2] / 2 == t[0] + t[2] / 2 && t[1] > s[1]) {
                // a timer path straight down from a boundary event
                points.add(new int[] {s[0] + s[2] / 2, s[1] + s[3]});
                points.add(new int[] {t[0] + t[2] / 2, t[1]});
            } else if (t[0] > s[0]) {
                points.add(new int[] {sx, sy});
                if (sy != ty) {
                    int mx = (sx + tx) / 2;
                    points.add(new int[] {mx, sy});
                    points.add(new int[] {mx, ty});
                }
                points.add(new int[] {tx, ty});
            } else {
                // A return flow: leave the gateway upwards, run left along the top band of the gateway's
                // lane, then enter the target task from above or below.
                int gx = s[0] + s[2] / 2;
                int laneTop = s[1] + s[3] / 2 - ROW_CENTER;
                int band = laneTop + 12;
                int cx = t[0] + t[2] / 2;
                int entryY = t[1] + t[3] < band ? t[1] + t[3] : t[1];
                points.add(new int[] {gx, s[1]});
                points.add(new int[] {gx, band});
                points.add(new int[] {cx, band});
                points.add(new int[] {cx, entryY});
            }
            for (int[] p : points) {
                Waypoint waypoint = model.newInstance(Waypoint.class);
                waypoint.setX(p[0]);
                waypoint.setY(p[1]);
                edge.getWaypoints().add(waypoint);
            }
        }
    }

    /**
     * The process that starts a recurring SOP: a timer start event on the SOP's cron, then a service
     * task that starts one instance per kecamatan (the delegate decides which kecamatan use it).
     */
    private static final class ScheduleBuild extends Writer {
        private final SopDefinition sop;
        private final SopSchedule schedule;

        ScheduleBuild(SopDefinition sop, SopSchedule schedule) {
            this.sop = sop;
            this.schedule = schedule;
        }

        BpmnModelInstance run() {
            Definitions definitions = model.newInstance(Definitions.class);
            definitions.setTargetNamespace(NAMESPACE);
            definitions.setExporter("SOPflow");
            definitions.setExporterVersion("1");
            definitions.setId("definisi_" + id(sop.scheduleProcessKey()));
            model.setDefinitions(definitions);
            Process process = create(definitions, sop.scheduleProcessKey(), Process.class);
            process.setName("Jadwal " + sop.nama());
            process.setExecutable(true);
            process.setCamundaHistoryTimeToLiveString("180");
            documentation(process, "Memulai SOP " + sop.nama() + " untuk setiap kecamatan menurut jadwal (cron "
                    + schedule.startCron() + ", zona waktu server); laporan harus selesai sebelum tanggal "
                    + schedule.deadlineBeforeDay() + ".");

            StartEvent start = create(process, "awal_periode", StartEvent.class);
            start.setName("Awal periode");
            TimerEventDefinition timer = create(start, "awal_periode_timer", TimerEventDefinition.class);
            TimeCycle cycle = create(timer, "awal_periode_siklus", TimeCycle.class);
            cycle.setTextContent(schedule.startCron());
            ServiceTask startEach = create(process, "mulai_per_kecamatan", ServiceTask.class);
            startEach.setName("Mulai " + sop.dokumen() + " untuk setiap kecamatan");
            startEach.setCamundaDelegateExpression(SCHEDULE_DELEGATE);
            properties(startEach, Map.of(ProcessContract.SCHEDULED_PROCESS_PROPERTY, sop.kode()));
            EndEvent end = create(process, "selesai", EndEvent.class);
            end.setName("Semua kecamatan dimulai");

            BpmnDiagram diagram = create(definitions, "diagram_" + id(sop.scheduleProcessKey()), BpmnDiagram.class);
            BpmnPlane plane = create(diagram, "bidang_" + id(sop.scheduleProcessKey()), BpmnPlane.class);
            plane.setBpmnElement(process);
            shape(plane, start, 150, 142, EVENT_SIZE, EVENT_SIZE, null);
            shape(plane, startEach, 250, 110, TASK_WIDTH, TASK_HEIGHT, null);
            shape(plane, end, 480, 142, EVENT_SIZE, EVENT_SIZE, null);
            connect(plane, process, start, startEach, new int[] {186, 160, 250, 160});
            connect(plane, process, startEach, end, new int[] {410, 160, 480, 160});
            return model;
        }

        private void connect(BpmnPlane plane, Process process, FlowNode from, FlowNode to, int[] points) {
            SequenceFlow flow = create(process, "alur_" + from.getId() + "_ke_" + to.getId(), SequenceFlow.class);
            flow.setSource(from);
            flow.setTarget(to);
            from.getOutgoing().add(flow);
            to.getIncoming().add(flow);
            BpmnEdge edge = create(plane, flow.getId() + "_di", BpmnEdge.class);
            edge.setBpmnElement(flow);
            for (int i = 0; i < points.length; i += 2) {
                Waypoint waypoint = model.newInstance(Waypoint.class);
                waypoint.setX(points[i]);
                waypoint.setY(points[i + 1]);
                edge.getWaypoints().add(waypoint);
            }
        }
    }
}
