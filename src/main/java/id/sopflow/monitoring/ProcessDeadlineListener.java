package id.sopflow.monitoring;

import id.sopflow.metrics.Metrics;
import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Bean {@code mutuBakuProses}, on the process: at start the planned finish ({@code rencanaSelesai}) and, for a
 * recurring SOP started without one from its schedule, its report deadline ({@code tenggatLaporan});
 * at end the finish ({@code selesaiPada}) and the lateness in working minutes ({@code terlambatMenit},
 * 0 when on time). The metrics count both (a cancelled instance is no finished one).
 */
@Component(ProcessContract.PROCESS_LISTENER_BEAN)
class ProcessDeadlineListener implements ExecutionListener {

    static final String FINISHED_AT = ProcessContract.FINISHED_AT;
    static final String LATE_MINUTES = ProcessContract.LATE_MINUTES;
    static final String PLANNED_FINISH = ProcessContract.PLANNED_FINISH;

    private final MutuBakuTimers timers;
    private final AlertLog alerts;
    private final Metrics metrics;

    ProcessDeadlineListener(MutuBakuTimers timers, AlertLog alerts, Metrics metrics) {
        this.timers = timers;
        this.alerts = alerts;
        this.metrics = metrics;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (EVENTNAME_START.equals(execution.getEventName())) {
            execution.setVariable(PLANNED_FINISH, Date.from(timers.plan(execution)));
            if (timers.hasReportDeadline(execution) && !(execution.getVariable(ProcessContract.REPORT_DEADLINE) instanceof Date)) {
                execution.setVariable(ProcessContract.REPORT_DEADLINE, Date.from(timers.computeReportDeadline(execution)));
            }
            metrics.instanceStarted(InstanceKecamatan.processKey(execution), InstanceKecamatan.kecamatan(execution));
        } else if (EVENTNAME_END.equals(execution.getEventName())) {
            Instant now = timers.now();
            execution.setVariable(FINISHED_AT, Date.from(now));
            long lateMinutes = 0;
            if (execution.getVariable(PLANNED_FINISH) instanceof Date planned) {
                Duration late = timers.calendar(execution).workingTimeBetween(planned.toInstant(), now);
                lateMinutes = late.toMinutes();
                execution.setVariable(LATE_MINUTES, lateMinutes);
            }
            if (!execution.isCanceled()) {
                // an SOP whose table gives no waktu (Wangon's DPA) plans nothing: its finish is never late
                metrics.instanceFinished(InstanceKecamatan.processKey(execution), InstanceKecamatan.kecamatan(execution),
                        lateMinutes > 0 && timers.plansSteps(execution));
            }
            alerts.finishInstance(execution.getProcessInstanceId(), now);
        }
    }
}
