package id.sopflow.monitoring;

import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.metrics.Metrics;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bean {@code mutuBakuTugas}: on create, the task's {@code due} is the step's mutu baku limit in working
 * time (and its follow-up date the target of a range), read from the moments of its hand-over; on complete,
 * the step's open alerts are finished and its working time (from its hand-over) and that time against its mutu baku
 * limit go to the metrics: two sums over the calendar's periods, no query.
 */
@Component(ProcessContract.TASK_LISTENER_BEAN)
class TaskDeadlineListener implements TaskListener {

    private final MutuBakuTimers timers;
    private final AlertLog alerts;
    private final Metrics metrics;
    /** A step's number by process definition and task id (the model is read once per definition and step). */
    private final Map<String, Integer> stepNumbers = new ConcurrentHashMap<>();

    TaskDeadlineListener(MutuBakuTimers timers, AlertLog alerts, Metrics metrics) {
        this.timers = timers;
        this.alerts = alerts;
        this.metrics = metrics;
    }

    @Override
    public void notify(DelegateTask task) {
        String event = task.getEventName();
        if (event == null) {
            return; // no event: nothing to compute (seen when a completion races another)
        }
        switch (event) {
            case EVENTNAME_CREATE -> {
                StepDeadlines deadlines = timers.deadlines(task.getExecution());
                task.setDueDate(Date.from(deadlines.due()));
                deadlines.reminder().ifPresent(r -> task.setFollowUpDate(Date.from(r)));
            }
            case EVENTNAME_COMPLETE -> {
                Instant now = timers.now();
                alerts.finishTask(task.getId(), now);
                measure(task, now);
            }
            default -> { }
        }
    }

    /** The step's working time from its hand-over, and against its limit, for the metrics. */
    private void measure(DelegateTask task, Instant now) {
        StepDeadlines deadlines = timers.deadlines(task.getExecution());
        WorkingCalendar calendar = timers.calendar(task.getExecution());
        int step = stepNumbers.computeIfAbsent(task.getProcessDefinitionId() + '/' + task.getTaskDefinitionKey(),
                key -> ProcessContract.stepNumber(task.getTaskDefinitionKey())
                        .or(() -> StepMetadata.of(task.getBpmnModelElementInstance()).map(StepMetadata::number)).orElse(0));
        metrics.stepCompleted(InstanceKecamatan.processKey(task.getExecution()), InstanceKecamatan.kecamatan(task.getExecution()), step,
                calendar.workingTimeBetween(deadlines.start(), now),
                Optional.of(calendar.workingTimeBetween(deadlines.start(), deadlines.due())));
    }
}
