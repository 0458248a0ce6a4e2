package id.sopflow.monitoring;

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

import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.Locale;

/**
 * Bean {@code jadwalBulanan}, the service task of a schedule process ({@code rfk-teppa-bulanan}): starts
 * the recurring SOP once per period for every kecamatan in {@code sopflow.pemantauan.kecamatan-bulanan},
 * with business key {@code RFK-TEPPA-<kecamatan>-<yyyy-MM>} and its report deadline. A period already
 * started is skipped, so a retried job starts nothing twice.
 */
@Component(ProcessContract.SCHEDULE_DELEGATE_BEAN)
class MonthlyStarter implements JavaDelegate {

    static final String PERIOD = "periode";
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
        int deadlineDay = deadlineDayOf(execution, processKey);
        for (String kecamatan : settings.kecamatanBulanan()) {
            start(execution, processKey, kecamatan, deadlineDay);
        }
    }

    private void start(DelegateExecution execution, String processKey, String kecamatan, int deadlineDay) {
        WorkingCalendar calendar = timers.calendarOf(kecamatan);
        Instant now = timers.now();
        YearMonth period = YearMonth.from(now.atZone(calendar.zone()));
        String businessKey = processKey.toUpperCase(Locale.ROOT) + "-" + kecamatan + "-" + period;
        // history holds running and finished instances alike
        long existing = execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).count();
        if (existing > 0) {
            LOG.info("{} sudah dimulai, dilewati", businessKey);
            return;
        }
        Date deadline = Date.from(MutuBakuTimers.reportDeadline(period, deadlineDay, calendar, now));
        SopStart.forKecamatan(execution.getProcessEngineServices(), processKey, kecamatan)
                .businessKey(businessKey)
                .setVariable(PERIOD, period.toString())
                .setVariable(MutuBakuTimers.REPORT_DEADLINE, deadline)
                .execute();
        LOG.info("{} dimulai, tenggat {}", businessKey, deadline);
    }

    private static int deadlineDayOf(DelegateExecution execution, String processKey) {
        var definition = execution.getProcessEngineServices().getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).withoutTenantId().latestVersion().singleResult();
        var model = execution.getProcessEngineServices().getRepositoryService().getBpmnModelInstance(definition.getId());
        Process process = model.getModelElementById(processKey);
        return ProcessContract.reportDeadlineDay(process).orElseThrow();
    }
}
