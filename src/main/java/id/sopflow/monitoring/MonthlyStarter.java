package id.sopflow.monitoring;

import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.SopStart;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;

/**
 * Bean {@code jadwalBulanan}, the service task of a schedule process ({@code rfk-teppa-bulanan}), run by its
 * daily timer: for every kecamatan in {@code sopflow.pemantauan.kecamatan-bulanan} it starts the recurring SOP
 * for its coming report deadline (before the 4th) <em>early enough that the SOP's own mutu baku fits</em>: at
 * the last daily check before the latest start from which its steps, each within its limit, still finish by
 * the deadline ({@link StepDeadlines#latestStart}). Business key {@code RFK-TEPPA-<kecamatan>-<yyyy-MM>} (the
 * deadline's month). A period already started is skipped, so a retried job starts nothing twice.
 *
 * <p>Decision: RFK/TEPPA's twelve steps take 4 hari kerja and 3 jam 40 menit, more than lies between the 1st
 * and the 4th; started on the 1st, every instance would be late by construction. The first steps (disposition,
 * studying the DPA cash plan, asking for the material) need no figures of the closing month, so the instance
 * starts in the last days of the month before.
 */
@Component(ProcessContract.SCHEDULE_DELEGATE_BEAN)
class MonthlyStarter implements JavaDelegate {

    static final String PERIOD = ProcessContract.PERIOD;
    /** How often the schedule checks (its cron runs daily): an instance starts at the last check before its latest start. */
    static final Duration CHECK_INTERVAL = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(MonthlyStarter.class);

    private final MonitoringSettings settings;
    private final MutuBakuTimers timers;

    MonthlyStarter(MonitoringSettings settings, MutuBakuTimers timers) {
        this.settings = settings;
        this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String processKey = ProcessContract.scheduledProcess((BaseElement) execution.getBpmnModelElementInstance());
        Process process = process(execution, processKey);
        int deadlineDay = ProcessContract.reportDeadlineDay(process).orElseThrow();
        List<Waktu> steps = MutuBakuTimers.stepLimits(process);
        for (String kecamatan : settings.kecamatanBulanan()) {
            start(execution, processKey, kecamatan, deadlineDay, steps);
        }
    }

    private void start(DelegateExecution execution, String processKey, String kecamatan, int deadlineDay, List<Waktu> steps) {
        WorkingCalendar calendar = timers.calendarOf(kecamatan);
        Instant now = timers.now();
        Instant deadline = MutuBakuTimers.reportDeadline(YearMonth.from(now.atZone(calendar.zone())), deadlineDay, calendar, now);
        Instant latestStart = StepDeadlines.latestStart(deadline, steps, calendar);
        if (now.plus(CHECK_INTERVAL).isBefore(latestStart)) {
            return; // a later check still starts it in time
        }
        YearMonth period = YearMonth.from(deadline.atZone(calendar.zone()));
        String businessKey = SopStart.businessKey(processKey, kecamatan, period.toString(), true);
        // history holds running and finished instances alike
        long existing = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).count();
        if (existing > 0) {
            return;
        }
        SopStart.forKecamatan(execution.getProcessEngineServices(), processKey, kecamatan)
                .businessKey(businessKey)
                .setVariable(PERIOD, period.toString())
                .setVariable(MutuBakuTimers.REPORT_DEADLINE, Date.from(deadline))
                .execute();
        LOG.info("{} dimulai, tenggat {} (paling lambat dimulai {})", businessKey, deadline, latestStart);
    }

    private static Process process(DelegateExecution execution, String processKey) {
        var definition = execution.getProcessEngineServices().getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).withoutTenantId().latestVersion().singleResult();
        var model = execution.getProcessEngineServices().getRepositoryService().getBpmnModelInstance(definition.getId());
        return model.getModelElementById(processKey);
    }
}
