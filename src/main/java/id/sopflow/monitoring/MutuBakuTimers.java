package id.sopflow.monitoring;

import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bean {@code mutuBaku} ({@link ProcessContract#TIMER_BEAN}), called by the generated processes:
 * <ul>
 *   <li>{@link #handOver}: the hand-over of a step, the one place where its moments are computed: the
 *       step's input mapping stores the result as its local variable {@value ProcessContract#STEP_DEADLINES}
 *       before its timers are created;</li>
 *   <li>{@link #firstAt}: the date of the step's one timer, the first of those moments (it computes nothing):
 *       {@code <timeDate>${mutuBaku.firstAt(execution)}</timeDate>}; when the timer fires, {@link AlertRecorder}
 *       records that moment and re-arms the timer for the next one ({@link StepDeadlines#after});</li>
 *   <li>{@link #reminderAt}, {@link #dueAt}, {@link #escalationAt}: the dates of the three timers of process
 *       versions generated before, still running where they were deployed;</li>
 *   <li>{@link #reportDeadline}: a recurring report's deadline, given by the schedule or computed from the
 *       start's month.</li>
 * </ul>
 * So the timers, the task's {@code due} and the recorded alerts all agree, and a calendar change applies to
 * steps handed over after it. What a process definition says (a step's waktu, the limits of its steps, its report
 * deadline day) is read from its model once per definition, not per step. Public because the engine's expression
 * language calls its methods by reflection.
 */
@Component(ProcessContract.TIMER_BEAN)
public class MutuBakuTimers {

    static final String STEP_DEADLINES = ProcessContract.STEP_DEADLINES;
    static final String PLANNED_FINISH = ProcessContract.PLANNED_FINISH;
    static final String REPORT_DEADLINE = ProcessContract.REPORT_DEADLINE;

    private final WorkingCalendars calendars;
    private final Clock clock;
    private final Optional<Waktu> bappedaAnswer;
    /** A step's waktu by process definition id and step id: read from the model once. */
    private final Map<String, Waktu> stepWaktu = new ConcurrentHashMap<>();
    /** What a process definition says of its instances, by definition id: read from the model once. */
    private final Map<String, ProcessFacts> processFacts = new ConcurrentHashMap<>();
    /** The moments this thread handed over last, with their stored form: read back by its timer and task unparsed. */
    private final ThreadLocal<Stored> handedOver = new ThreadLocal<>();

    /** The limits of a process's steps in order, and its report deadline day if it is a recurring SOP. */
    private record ProcessFacts(List<Waktu> stepLimits, OptionalInt reportDeadlineDay) {
    }

    private record Stored(String text, StepDeadlines deadlines) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    MutuBakuTimers(WorkingCalendars calendars, Clock clock, MonitoringSettings settings) {
        this.calendars = calendars;
        this.clock = clock;
        this.bappedaAnswer = Waktu.parse(settings.mutuBakuBappeda());
    }

    MutuBakuTimers(WorkingCalendars calendars, Clock clock) {
        this(calendars, clock, new MonitoringSettings(List.of()));
    }

    /**
     * Handing a step over: its moments from now, its waktu and its kecamatan's calendar, as stored on the step.
     *
     * @param execution the execution entering the step (an input mapping is evaluated in the enclosing scope)
     * @param stepId    the step's element id, e.g. {@code langkah_05}
     */
    public String handOver(DelegateExecution execution, String stepId) {
        Waktu waktu = stepWaktu.computeIfAbsent(execution.getProcessDefinitionId() + "/" + stepId,
                key -> waktuOf(execution.getBpmnModelInstance().getModelElementById(stepId)));
        StepDeadlines deadlines = StepDeadlines.of(now(), waktu, calendar(execution));
        String text = deadlines.format();
        handedOver.set(new Stored(text, deadlines));
        return text;
    }

    /** The date of a step's one timer when the step is handed over: its first moment (the reminder, else the limit). */
    public Date firstAt(DelegateExecution execution) {
        return Date.from(deadlines(execution).first());
    }

    public Date reminderAt(DelegateExecution execution) {
        return Date.from(deadlines(execution).reminder().orElseThrow(
                () -> new IllegalStateException("langkah " + execution.getCurrentActivityId() + " tidak punya rentang waktu")));
    }

    public Date dueAt(DelegateExecution execution) {
        return Date.from(deadlines(execution).due());
    }

    public Date escalationAt(DelegateExecution execution) {
        return Date.from(deadlines(execution).escalation());
    }

    /** The report deadline of a recurring SOP: the schedule's, else before day N of the start's month (or the next). */
    public Date reportDeadline(DelegateExecution execution) {
        if (execution.getProcessInstance().getVariable(REPORT_DEADLINE) instanceof Date given) {
            return given;
        }
        return Date.from(computeReportDeadline(execution));
    }

    /** The deadline a recurring SOP's instance gets when the schedule gave none (stored by the start listener). */
    Instant computeReportDeadline(DelegateExecution execution) {
        int beforeDay = facts(execution).reportDeadlineDay().orElseThrow(() -> new IllegalStateException(
                "proses " + execution.getProcessDefinitionId() + " tidak punya " + ProcessContract.REPORT_DEADLINE_DAY_PROPERTY));
        WorkingCalendar calendar = calendar(execution);
        ZonedDateTime now = now().atZone(calendar.zone());
        // a start for a named period (periode, YYYY-MM: the deadline's month) is due in that month
        Object period = execution.getVariable(ProcessContract.PERIOD);
        if (period instanceof String text && text.matches("\\d{4}-\\d{2}")) {
            try {
                return YearMonth.parse(text).atDay(beforeDay).atStartOfDay(calendar.zone()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                // not a month: the current period, as without one
            }
        }
        return reportDeadline(YearMonth.from(now), beforeDay, calendar, now.toInstant());
    }

    /** Whether the instance's process plans its steps: at least one has a waktu (else its planned finish is its start). */
    boolean plansSteps(DelegateExecution instance) {
        return !facts(instance).stepLimits().isEmpty();
    }

    /** Whether the instance's process is a recurring SOP with a report deadline. */
    boolean hasReportDeadline(DelegateExecution execution) {
        return facts(execution).reportDeadlineDay().isPresent();
    }

    /** Local midnight starting day {@code beforeDay} of the period's month, or of the next month if that has passed. */
    static Instant reportDeadline(YearMonth period, int beforeDay, WorkingCalendar calendar, Instant now) {
        Instant deadline = period.atDay(beforeDay).atStartOfDay(calendar.zone()).toInstant();
        return deadline.isAfter(now) ? deadline : period.plusMonths(1).atDay(beforeDay).atStartOfDay(calendar.zone()).toInstant();
    }

    /**
     * The moments of the step the execution is in, as stored at its hand-over. A step of a process version
     * generated before the hand-over mapping existed has none stored: its moments are computed from now,
     * which is the same moment for its timers and its task (all are created in the step's first transaction).
     */
    StepDeadlines deadlines(DelegateExecution execution) {
        if (execution.getVariableLocal(STEP_DEADLINES) instanceof String stored) {
            Stored last = handedOver.get();
            return last != null && last.text().equals(stored) ? last.deadlines() : StepDeadlines.parse(stored);
        }
        return compute(execution);
    }

    private StepDeadlines compute(DelegateExecution execution) {
        Waktu waktu = waktuOf(execution.getBpmnModelElementInstance());
        return StepDeadlines.of(now(), waktu, calendar(execution));
    }

    /** The planned finish of a starting instance: its steps one after another, each within its limit. */
    Instant plan(DelegateExecution instance) {
        return StepDeadlines.plannedFinish(now(), facts(instance).stepLimits(), calendar(instance));
    }

    private ProcessFacts facts(DelegateExecution execution) {
        return processFacts.computeIfAbsent(execution.getProcessDefinitionId(), id -> {
            Process process = process(execution);
            return new ProcessFacts(stepLimits(process), ProcessContract.reportDeadlineDay(process));
        });
    }

    /** The waktu of a process's steps in step order (steps without one take no time in the plan). */
    static List<Waktu> stepLimits(Process process) {
        return process.getChildElementsByType(UserTask.class).stream()
                .map(StepMetadata::of).flatMap(Optional::stream)
                .filter(step -> step.waktu().isPresent())
                .sorted(Comparator.comparingInt(StepMetadata::number))
                .map(step -> Waktu.parse(step.waktu().get()).orElseThrow())
                .toList();
    }

    WorkingCalendar calendar(DelegateExecution execution) {
        return calendars.forKecamatan(InstanceKecamatan.kecamatan(execution));
    }

    WorkingCalendar calendarOf(String kecamatan) {
        return calendars.forKecamatan(kecamatan);
    }

    /** The calendars for one look at many instances (added days read once). */
    java.util.function.Function<String, WorkingCalendar> calendars() {
        return calendars.snapshot();
    }

    Instant now() {
        return clock.instant();
    }

    /** A step's waktu: its mutu baku, or for Bappeda's answer to a submission the installation's setting when it has one. */
    Waktu waktuOf(FlowElement element) {
        boolean answer = element != null && StepMetadata.of(element).map(StepMetadata::answersSubmission).orElse(false);
        return answer && bappedaAnswer.isPresent() ? bappedaAnswer.get() : waktu(element);
    }

    /** The waktu as written for a step (the setting for Bappeda's answer when set). */
    String waktuText(FlowElement element) {
        boolean answer = element != null && StepMetadata.of(element).map(StepMetadata::answersSubmission).orElse(false);
        return answer && bappedaAnswer.isPresent() ? bappedaAnswer.get().text()
                : StepMetadata.of(element).flatMap(StepMetadata::waktu).orElse("");
    }

    static Waktu waktu(FlowElement element) {
        return (element == null ? Optional.<StepMetadata>empty() : StepMetadata.of(element))
                .flatMap(StepMetadata::waktu).flatMap(Waktu::parse)
                .orElseThrow(() -> new NoSuchElementException(
                        "langkah " + (element == null ? "?" : element.getId()) + " tidak punya waktu mutu baku"));
    }

    private static Process process(DelegateExecution execution) {
        return execution.getBpmnModelInstance().getModelElementsByType(Process.class).stream()
                .filter(p -> p.getId().equals(InstanceKecamatan.processKey(execution)))
                .findFirst().orElseThrow();
    }
}
