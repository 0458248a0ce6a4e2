package id.sopflow.demo;

import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.SopStart;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.engine.ProcessEngine;
import id.sopflow.engine.EngineClock;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/**
 * Seeds the demo: instances started and worked in the past (the engine clock is moved back while they
 * are made, then reset), so that their timers are due at once and the job executor records the late
 * steps a few seconds after start-up.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final ProcessEngine engine;
    private final WorkingCalendars calendars;
    private final Clock clock;
    /** "Now" when seeding began: the clock is moved back while instances are made. */
    private Instant today;

    DemoData(ProcessEngine engine, WorkingCalendars calendars, Clock clock) {
        this.engine = engine;
        this.calendars = calendars;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        if (engine.getHistoryService().createHistoricProcessInstanceQuery().count() > 0) {
            return;
        }
        Instant now = clock.instant();
        today = now;
        try {
            // Arut Selatan: Renja waiting 5 working days at "menyiapkan draf" (4 hari): late by about a day.
            ProcessInstance renja = start("renja", "arut-selatan", "RENJA-2027", daysAgo("arut-selatan", 7, "08:00"));
            work(renja, 3, daysAgo("arut-selatan", 7, "09:00"), daysAgo("arut-selatan", 6, "09:00"), daysAgo("arut-selatan", 5, "09:00"));
            // Arut Selatan: RUP at the Kasubbag's correction (1 Jam) since yesterday: late and escalated.
            ProcessInstance rup = start("rup", "arut-selatan", "RUP-2027", daysAgo("arut-selatan", 3, "08:00"));
            work(rup, 4, daysAgo("arut-selatan", 3, "09:00"), daysAgo("arut-selatan", 2, "10:00"),
                    daysAgo("arut-selatan", 1, "09:00"), daysAgo("arut-selatan", 1, "10:00"));
            // Arut Selatan: LAKIP just started, on time.
            start("lakip", "arut-selatan", "LAKIP-2026", now);
            // Ajibarang: DPA at the Kasi's draft (1 hari kerja) for 2 working days: late and escalated.
            ProcessInstance dpa = start("dpa", "ajibarang", "DPA-2027", daysAgo("ajibarang", 2, "08:00"));
            work(dpa, 2, daysAgo("ajibarang", 2, "08:10"), daysAgo("ajibarang", 2, "09:00"));
            // Ajibarang: its own Renstra (7 steps), started today.
            start("renstra", "ajibarang", "RENSTRA-2027", now);
            LOG.info("Data demo dibuat: 5 instance SOP di Arut Selatan dan Ajibarang");
        } finally {
            EngineClock.reset();
        }
    }

    private ProcessInstance start(String kode, String kecamatan, String businessKey, Instant at) {
        EngineClock.setTo(at);
        return SopStart.forKecamatan(engine, kode, kecamatan).businessKey(businessKey).execute();
    }

    /** Completes the first {@code steps} waiting tasks, one at each moment, approving review steps. */
    private void work(ProcessInstance instance, int steps, Instant... moments) {
        for (int i = 0; i < steps; i++) {
            EngineClock.setTo(moments[i]);
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
            var model = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId());
            boolean review = StepMetadata.of(model.getModelElementById(task.getTaskDefinitionKey())).map(StepMetadata::isReview).orElse(false);
            engine.getTaskService().complete(task.getId(), review ? Map.of(ProcessContract.APPROVED, true) : Map.of());
        }
    }

    /** {@code n} working days before today, at a local office time. */
    private Instant daysAgo(String kecamatan, int n, String time) {
        WorkingCalendar calendar = calendars.forKecamatan(kecamatan);
        LocalDate day = today.atZone(calendar.zone()).toLocalDate();
        for (int found = 0; found < n; ) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                found++;
            }
        }
        return day.atTime(LocalTime.parse(time)).atZone(calendar.zone()).toInstant();
    }
}
