package id.sopflow.monitoring;

import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Bean {@code mutuBaku}: the moments the generated timers fire at, e.g.
 * {@code <timeDate>${mutuBaku.dueAt(execution)}</timeDate>}. A step's moments are computed once, when it
 * is handed over, and stored on the step's own execution ({@value #STEP_DEADLINES}), so its timers, the
 * task's {@code due} and the recorded alerts all agree, and a calendar change applies to steps handed
 * over after it. Public because the engine's expression language calls its methods
 * by reflection.
 */
@Component("mutuBaku")
public class MutuBakuTimers {

    /** Local variable of a step's execution: its moments, fixed when the step is handed over ({@link StepDeadlines#format()}). */
    static final String STEP_DEADLINES = ProcessContract.STEP_DEADLINES;
    /** Process variable: the planned finish (sum of the steps' mutu baku in working time). */
    static final String PLANNED_FINISH = ProcessContract.PLANNED_FINISH;
    /** Process variable: the deadline of a recurring report (RFK/TEPPA: before the 4th). */
    static final String REPORT_DEADLINE = ProcessContract.REPORT_DEADLINE;

    private final WorkingCalendars calendars;

    MutuBakuTimers(WorkingCalendars calendars) {
        this.calendars = calendars;
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

    /** The report deadline of a recurring SOP: the given variable, else before day N of the month after the start. */
    public Date reportDeadline(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        Object given = instance.getVariable(REPORT_DEADLINE);
        if (given instanceof Date date) {
            return date;
        }
        int beforeDay = Integer.parseInt(Optional.ofNullable(ModelProperties.of(process(execution)).get("tenggatSebelumTanggal"))
                .orElseThrow(() -> new IllegalStateException("proses " + execution.getProcessDefinitionId()
                        + " tidak punya tenggatSebelumTanggal")));
        WorkingCalendar calendar = calendars.forKecamatan(ModelProperties.kecamatan(execution));
        ZonedDateTime now = now().atZone(calendar.zone());
        Date deadline = Date.from(reportDeadline(YearMonth.from(now), beforeDay, calendar, now.toInstant()));
        instance.setVariable(REPORT_DEADLINE, deadline);
        return deadline;
    }

    /** Local midnight starting day {@code beforeDay} of the period's month, or of the next month if that has passed. */
    static Instant reportDeadline(YearMonth period, int beforeDay, WorkingCalendar calendar, Instant now) {
        Instant deadline = period.atDay(beforeDay).atStartOfDay(calendar.zone()).toInstant();
        return deadline.isAfter(now) ? deadline : period.plusMonths(1).atDay(beforeDay).atStartOfDay(calendar.zone()).toInstant();
    }

    /** The deadlines of the step the execution is in: computed and stored on first use, then read. */
    StepDeadlines deadlines(DelegateExecution execution) {
        if (execution.getVariableLocal(STEP_DEADLINES) instanceof String stored) {
            return StepDeadlines.parse(stored);
        }
        Waktu waktu = waktu(execution.getBpmnModelElementInstance());
        StepDeadlines deadlines = StepDeadlines.of(now(), waktu, calendars.forKecamatan(ModelProperties.kecamatan(execution)));
        execution.setVariableLocal(STEP_DEADLINES, deadlines.format());
        return deadlines;
    }

    /** Sets the planned finish of a starting instance: its steps one after another, each within its limit. */
    Instant plan(DelegateExecution instance) {
        Process process = process(instance);
        List<Waktu> steps = process.getChildElementsByType(UserTask.class).stream()
                .map(ModelProperties::of)
                .filter(p -> p.containsKey("waktu") && p.containsKey("langkah"))
                .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.get("langkah"))))
                .map(p -> Waktu.parse(p.get("waktu")).orElseThrow())
                .toList();
        Instant planned = StepDeadlines.plannedFinish(now(), steps, calendars.forKecamatan(ModelProperties.kecamatan(instance)));
        instance.setVariable(PLANNED_FINISH, Date.from(planned));
        return planned;
    }

    WorkingCalendar calendar(DelegateExecution execution) {
        return calendars.forKecamatan(ModelProperties.kecamatan(execution));
    }

    WorkingCalendar calendarOf(String kecamatan) {
        return calendars.forKecamatan(kecamatan);
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static Waktu waktu(FlowElement element) {
        Map<String, String> properties = ModelProperties.of(element);
        String text = properties.get("waktu");
        return Waktu.parse(text).orElseThrow(() -> new NoSuchElementException(
                "langkah " + (element == null ? "?" : element.getId()) + " tidak punya waktu mutu baku"));
    }

    private static Process process(DelegateExecution execution) {
        return execution.getBpmnModelInstance().getModelElementsByType(Process.class).stream()
                .filter(p -> p.getId().equals(execution.getProcessDefinitionId().split(":")[0]))
                .findFirst().orElseThrow();
    }
}
