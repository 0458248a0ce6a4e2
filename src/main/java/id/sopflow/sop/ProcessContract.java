package id.sopflow.sop;

import id.sopflow.organisation.Organisation;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the generated processes promise the code that runs them: the variables a client may send, and the
 * variables SOPflow computes itself. Spelled here once; everyone else imports them.
 *
 * <p>A review step (one with {@code kembaliKe}) declares {@value #APPROVED} and {@value #NOTE} as local
 * variables of its own scope (input mappings set both to null when the task is created), so the decision a
 * reviewer sends lands on that step and no later step can inherit it. The step hands its decision to its
 * gateway as {@code langkah_NN_disetujui} ({@link #decisionVariable(int)}), a variable of that step alone.
 */
public final class ProcessContract {

    /** The id of every SOP's start event: an instance starts here and nowhere else. */
    public static final String START_EVENT = "mulai";

    /** Sent by a reviewer when completing a review step: true goes on, false returns the work. Required there. */
    public static final String APPROVED = "disetujui";
    /** Sent by a reviewer: what must be corrected. Required when {@value #APPROVED} is false. */
    public static final String NOTE = "catatan";
    /** Start variable naming the instance's kecamatan (system and admin starts; users start for their own). */
    public static final String KECAMATAN = Organisation.TENANT_VARIABLE;
    /** Start variable naming the period of a recurring SOP, e.g. {@code 2026-11}. */
    public static final String PERIOD = "periode";

    /** The most characters of a {@value #NOTE}; the database keeps at most 4000 per text value. */
    public static final int NOTE_MAX_LENGTH = 2000;
    /** The most characters of a business key (the engine's column). */
    public static final int BUSINESS_KEY_MAX_LENGTH = 255;
    /** The most characters of any text value a client sends (the engine's column). */
    public static final int TEXT_MAX_LENGTH = 4000;
    /** The most variables one request may carry. */
    public static final int MAX_VARIABLES = 20;

    /** Local variable of a step's execution: its moments, fixed when the step is handed over. */
    public static final String STEP_DEADLINES = "mutuBakuLangkah";
    /** The planned finish of an instance (its steps' mutu baku one after another, in working time). */
    public static final String PLANNED_FINISH = "rencanaSelesai";
    /** The deadline of a recurring report (RFK/TEPPA: before the 4th), set by the schedule. */
    public static final String REPORT_DEADLINE = "tenggatLaporan";
    /** When an instance finished. */
    public static final String FINISHED_AT = "selesaiPada";
    /** How late an instance finished, in working minutes (0 on time). */
    public static final String LATE_MINUTES = "terlambatMenit";

    // --- Bappeda: the inbox that receives what a kecamatan sends, and Bappeda's own steps ---

    /** The key of Bappeda's receiving process: one instance per submission (and per re-sending). */
    public static final String BAPPEDA_INBOX = "penerimaan-dokumen-bappeda";
    /** The message a sending step throws: it starts {@value #BAPPEDA_INBOX}. */
    public static final String SUBMISSION_MESSAGE = "kiriman-dokumen-bappeda";
    /** The message Bappeda's answer throws back to the kecamatan's instance, waiting after its sending step. */
    public static final String ANSWER_MESSAGE = "jawaban-bappeda";
    /** Variable of an inbox instance: the submission it answers (set by the sending step, never by a client). */
    public static final String SUBMISSION_ID = "kirimanId";
    /** Variable of an inbox instance: Bappeda's answer, handed out of its task (true: received, false: returned). */
    public static final String RECEIVED = "diterima";
    /** Variable of an inbox instance: the note of a return, handed out of its task. */
    public static final String ANSWER_NOTE = "catatanBappeda";
    /** The id of the inbox's task. */
    public static final String INBOX_TASK = "periksa_kiriman";
    /** The waktu the inbox's task gets when the installation sets none ({@code sopflow.pemantauan.mutu-baku-bappeda}). */
    public static final String BAPPEDA_ANSWER_WAKTU = "3 hari kerja";
    /** The message Bappeda's own step throws back when done; the kecamatan's instance waits for it. */
    public static final String BAPPEDA_STEP_DONE_MESSAGE = "langkah-bappeda-selesai";
    /** Variable of Bappeda's step process: the kecamatan instance that handed the step over (set by SOPflow only). */
    public static final String KECAMATAN_INSTANCE = "prosesKecamatan";
    /**
     * Delegate of both throw events around Bappeda's own step (implemented in bappeda): the kecamatan's hand-over starts
     * Bappeda's process; its end tells the kecamatan's instance, which goes on.
     */
    public static final String BAPPEDA_STEP_BEAN = "langkahBappeda";
    /** Delegate of a sending step's throw event (implemented in bappeda): records the submission and sends it. */
    public static final String SUBMISSION_BEAN = "kirimanBappeda";
    /** Delegate of the inbox's answer end event (implemented in bappeda): the tanda terima or the return, sent back. */
    public static final String ANSWER_BEAN = "jawabanBappeda";

    /** Variables a client may send when starting an SOP. */
    public static final Set<String> START_VARIABLES = Set.of(KECAMATAN, PERIOD);
    /** Variables a reviewer may send when completing a review step. */
    public static final Set<String> REVIEW_VARIABLES = Set.of(APPROVED, NOTE);
    /** Variables only SOPflow writes: no client sets them, through any API. */
    public static final Set<String> COMPUTED_VARIABLES = Set.of(STEP_DEADLINES, PLANNED_FINISH, REPORT_DEADLINE, FINISHED_AT,
            LATE_MINUTES, SUBMISSION_ID, RECEIVED, ANSWER_NOTE, KECAMATAN_INSTANCE);

    // --- the beans the generated expressions call (implemented in monitoring; a test resolves every one) ---

    /** Expression bean of the mutu baku: a step's moments at hand-over, and its timers' dates read from them. */
    public static final String TIMER_BEAN = "mutuBaku";
    /** Task listener of a step with a waktu: due date on create, open alerts closed on complete. */
    public static final String TASK_LISTENER_BEAN = "mutuBakuTugas";
    /** Execution listener of the process: planned finish at start, lateness at end. */
    public static final String PROCESS_LISTENER_BEAN = "mutuBakuProses";
    /** Execution listener of the end events behind the timers: records the alert. */
    public static final String ALERT_LISTENER_BEAN = "mutuBakuPeringatan";
    /** Delegate of a schedule process: starts the recurring SOP for every kecamatan. */
    public static final String SCHEDULE_DELEGATE_BEAN = "jadwalBulanan";
    /**
     * Execution listener of a step that requires documents (implemented in dossier): at the step's start, refuses the
     * hand-over while a required kelengkapan is missing from the dossier; at its end, refuses the completion (a review
     * step's approval) while a required output has not been uploaded at this visit of the step.
     */
    public static final String DOSSIER_LISTENER_BEAN = "berkasLangkah";

    // --- extension properties of elements other than steps (steps: StepMetadata) ---

    /**
     * Property of an alert's end event: which {@link AlertKind} it records. The end event behind a step's one timer
     * ({@link #deadlineTimer}) has none: it records the moment its timer was due at, each in turn.
     */
    public static final String ALERT_KIND_PROPERTY = "jenis";
    /** Property of a schedule's service task: the key of the process it starts. */
    public static final String SCHEDULED_PROCESS_PROPERTY = "proses";
    /** Process properties. */
    public static final String KECAMATAN_PROPERTY = "kecamatan";
    public static final String DOCUMENT_PROPERTY = "dokumen";
    public static final String SOP_NUMBER_PROPERTY = "nomorSop";
    public static final String STEP_COUNT_PROPERTY = "jumlahLangkah";
    /** Process property: the kinds of document its dossier holds, separated by ';'. */
    public static final String DOCUMENT_KINDS_PROPERTY = "berkas";
    /** Property of the call activity that waits for Bappeda's own step: that step's number. */
    public static final String BAPPEDA_STEP_PROPERTY = "langkahBappeda";
    /** Process property of a recurring SOP: its report is due before this day of the month. */
    public static final String REPORT_DEADLINE_DAY_PROPERTY = "tenggatSebelumTanggal";

    /** What a timer of the mutu baku records, and so who is told (see monitoring's alert policy). */
    public enum AlertKind {
        /** The target of a range is reached: the holder is reminded. */
        PENGINGAT,
        /** The limit is passed: the step is overdue. */
        TERLAMBAT,
        /** Twice the limit is passed: escalated. */
        ESKALASI,
        /** A recurring report missed its deadline. */
        TENGGAT_LAPORAN
    }

    private static final Pattern STEP_ELEMENT = Pattern.compile("langkah_(\\d+)");

    private ProcessContract() {
    }

    /** The alert kind an element records ({@value #ALERT_KIND_PROPERTY}), if it records one. */
    public static java.util.Optional<AlertKind> alertKind(org.camunda.bpm.model.bpmn.instance.BaseElement element) {
        return java.util.Optional.ofNullable(StepMetadata.properties(element).get(ALERT_KIND_PROPERTY)).map(AlertKind::valueOf);
    }

    /** The report deadline day of a recurring SOP's process ({@value #REPORT_DEADLINE_DAY_PROPERTY}). */
    public static java.util.OptionalInt reportDeadlineDay(org.camunda.bpm.model.bpmn.instance.BaseElement process) {
        String day = StepMetadata.properties(process).get(REPORT_DEADLINE_DAY_PROPERTY);
        return day == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(Integer.parseInt(day));
    }

    /** The process a schedule's service task starts ({@value #SCHEDULED_PROCESS_PROPERTY}). */
    public static String scheduledProcess(org.camunda.bpm.model.bpmn.instance.BaseElement serviceTask) {
        String key = StepMetadata.properties(serviceTask).get(SCHEDULED_PROCESS_PROPERTY);
        if (key == null) {
            throw new IllegalStateException("elemen " + serviceTask.getId() + " tidak punya properti '" + SCHEDULED_PROCESS_PROPERTY + "'");
        }
        return key;
    }

    /** The kinds of document an SOP process's dossier holds ({@value #DOCUMENT_KINDS_PROPERTY}), in the SOP's order. */
    public static java.util.List<String> documentKinds(org.camunda.bpm.model.bpmn.instance.BaseElement process) {
        return StepMetadata.list(StepMetadata.properties(process).get(DOCUMENT_KINDS_PROPERTY));
    }

    /** The step number of a step's user task id, e.g. 5 for {@code langkah_05}; empty for any other id. */
    public static Optional<Integer> stepNumber(String elementId) {
        Matcher m = elementId == null ? null : STEP_ELEMENT.matcher(elementId);
        return m != null && m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static final String DEADLINE_TIMER_SUFFIX = "_tenggat";

    /**
     * The one timer of a step with a waktu, e.g. {@code langkah_05_tenggat}: a non-interrupting boundary timer that waits
     * for the step's first moment (the reminder of a range, else the limit) and, once fired, for the next (the limit,
     * then twice the limit); behind it, {@code langkah_05_tenggat_dicatat} records each moment.
     *
     * @param stepElement the step's element id, e.g. {@code langkah_05} ({@link #stepElement})
     */
    public static String deadlineTimer(String stepElement) {
        return stepElement + DEADLINE_TIMER_SUFFIX;
    }

    /** The user task of a step, e.g. {@code langkah_05} for step 5. */
    public static String stepElement(int step) {
        return SopStep.elementId(step);
    }

    /** The variable a review step hands its decision to its gateway in, e.g. {@code langkah_09_disetujui}. */
    public static String decisionVariable(int step) {
        return SopStep.elementId(step) + "_" + APPROVED;
    }

    /** The variable in which Bappeda's answer reaches a sending step's gateway, e.g. {@code langkah_11_diterima}. */
    public static String receivedVariable(int step) {
        return SopStep.elementId(step) + "_" + RECEIVED;
    }

    private static final String SEND_SUFFIX = "_kirim";
    private static final String WAIT_SUFFIX = "_menunggu";

    /** The event after a sending step that throws its submission to Bappeda's inbox, e.g. {@code langkah_11_kirim}. */
    public static String sendElement(int step) {
        return SopStep.elementId(step) + SEND_SUFFIX;
    }

    /** The step number of a sending step's throw event ({@link #sendElement}); empty for any other id. */
    public static Optional<Integer> stepOfSendElement(String elementId) {
        return stepOf(elementId, SEND_SUFFIX);
    }

    /** Where a kecamatan's instance waits for Bappeda (its answer, or its own step), e.g. {@code langkah_11_menunggu}. */
    public static String waitElement(int step) {
        return SopStep.elementId(step) + WAIT_SUFFIX;
    }

    /** The step number of a waiting receive task ({@link #waitElement}); empty for any other id. */
    public static Optional<Integer> stepOfWaitElement(String elementId) {
        return stepOf(elementId, WAIT_SUFFIX);
    }

    private static Optional<Integer> stepOf(String elementId, String suffix) {
        return elementId != null && elementId.endsWith(suffix)
                ? stepNumber(elementId.substring(0, elementId.length() - suffix.length())) : Optional.empty();
    }

    /** The key of Bappeda's own process that holds an SOP's Bappeda steps, e.g. {@code renstra-bappeda}. */
    public static String bappedaProcessKey(String sopKode) {
        return sopKode + Organisation.BAPPEDA_PROCESS_SUFFIX;
    }

    /** The message that starts an SOP's Bappeda process, e.g. {@code mulai-renstra-bappeda} (unique per SOP). */
    public static String bappedaStartMessage(String sopKode) {
        return "mulai-" + bappedaProcessKey(sopKode);
    }

    /** Whether a process is Bappeda's (its inbox, its steps of an SOP): started by the engine only, never by a client. */
    public static boolean isBappedaProcess(String processKey) {
        return Organisation.isBappedaProcess(processKey);
    }

    /** The key of the process that starts a recurring SOP on its schedule ({@link SopDefinition#scheduleProcessKey()}). */
    public static boolean isSchedule(String processKey) {
        return processKey != null && processKey.endsWith(SopDefinition.SCHEDULE_SUFFIX);
    }

    /** Whether the name is one SOPflow computes or routes by (a client never writes it). */
    public static boolean isComputed(String name) {
        return COMPUTED_VARIABLES.contains(name) || name.matches("langkah_\\d+_(" + APPROVED + "|" + RECEIVED + ")");
    }
}
