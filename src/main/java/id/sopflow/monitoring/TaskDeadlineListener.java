package id.sopflow.monitoring;

import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * Bean {@code mutuBakuTugas}: on create, the task's {@code due} is the step's mutu baku limit in working
 * time (and its follow-up date the target of a range), read from the moments of its hand-over; on complete,
 * the step's open alerts are finished.
 */
@Component(ProcessContract.TASK_LISTENER_BEAN)
class TaskDeadlineListener implements TaskListener {

    private final MutuBakuTimers timers;
    private final AlertLog alerts;

    TaskDeadlineListener(MutuBakuTimers timers, AlertLog alerts) {
        this.timers = timers;
        this.alerts = alerts;
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
            case EVENTNAME_COMPLETE -> alerts.finishTask(task.getId(), timers.now());
            default -> { }
        }
    }
}
