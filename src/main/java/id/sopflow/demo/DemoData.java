package id.sopflow.demo;

import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.dossier.Dossier;
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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

/**
 * Seeds the demo: instances started and worked in the past (the engine clock is moved back while they
 * are made, then reset), each step's required documents uploaded (small generated PDFs), so that their
 * timers are due at once and the job executor records the late steps a few seconds after start-up.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final ProcessEngine engine;
    private final WorkingCalendars calendars;
    private final Clock clock;
    private final Dossier dossier;
    /** "Now" when seeding began: the clock is moved back while instances are made. */
    private Instant today;

    DemoData(ProcessEngine engine, WorkingCalendars calendars, Clock clock, Dossier dossier) {
        this.engine = engine;
        this.calendars = calendars;
        this.clock = clock;
        this.dossier = dossier;
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
            // ... with a first draft in its dossier, not yet finished
            file(renja, "pelaksana.arut-selatan", "draf dan matrik rancangan renja", "draf-renja-2027-v1.pdf", daysAgo("arut-selatan", 2, "14:00"));
            // Arut Selatan: RUP at the Kasubbag's correction (1 Jam) since yesterday: late and escalated.
            ProcessInstance rup = start("rup", "arut-selatan", "RUP-2027", daysAgo("arut-selatan", 3, "08:00"));
            work(rup, 4, daysAgo("arut-selatan", 3, "09:00"), daysAgo("arut-selatan", 2, "10:00"),
                    daysAgo("arut-selatan", 1, "09:00"), daysAgo("arut-selatan", 1, "10:00"));
            // Arut Selatan: last year's RUP signed and sent to Bappeda yesterday: waiting in Bappeda's inbox (Kotak masuk).
            ProcessInstance sent = start("rup", "arut-selatan", "RUP-2026", daysAgo("arut-selatan", 1, "08:00"));
            work(sent, 11, java.util.stream.IntStream.range(0, 11)
                    .mapToObj(i -> daysAgo("arut-selatan", 1, "08:05").plus(java.time.Duration.ofMinutes(5L * i))).toArray(Instant[]::new));
            // Arut Selatan: LAKIP just started, on time.
            start("lakip", "arut-selatan", "LAKIP-2026", now);
            // Ajibarang: DPA at the Kasi's draft (1 hari kerja) for 2 working days: late and escalated.
            ProcessInstance dpa = start("dpa", "ajibarang", "DPA-2027", daysAgo("ajibarang", 2, "08:00"));
            work(dpa, 2, daysAgo("ajibarang", 2, "08:10"), daysAgo("ajibarang", 2, "09:00"));
            file(dpa, "kasubbag.ajibarang", "RKA", "rka-kecamatan-2027.pdf", daysAgo("ajibarang", 1, "10:00"));
            // Ajibarang: its own Renstra (7 steps), started today, the SK Tim already in its dossier.
            ProcessInstance renstra = start("renstra", "ajibarang", "RENSTRA-2027", now);
            file(renstra, "camat.ajibarang", "SK Tim penyusunan Renstra / Revisi Renstra", "sk-tim-renstra.pdf", now);
            LOG.info("Data demo dibuat: 6 instance SOP di Arut Selatan dan Ajibarang, satu kiriman di kotak masuk Bappeda");
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
            StepMetadata step = StepMetadata.of(model.getModelElementById(task.getTaskDefinitionKey())).orElseThrow();
            String holder = (step.role().equals("pengadministrasi") ? "umum" : step.role()) + "." + task.getTenantId();
            for (String kind : step.requiredOutputs()) {
                file(instance, holder, kind, kind.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT) + ".pdf", moments[i]);
            }
            engine.getTaskService().complete(task.getId(), step.isReview() ? Map.of(ProcessContract.APPROVED, true) : Map.of());
        }
    }

    /** A small real PDF in the instance's dossier, uploaded at its running step by {@code userId} at {@code at}. */
    private void file(ProcessInstance instance, String userId, String kind, String fileName, Instant at) {
        EngineClock.setTo(at);
        byte[] pdf = DemoPdf.of("SOPflow - data demo", kind, "Instance " + instance.getBusinessKey(), "Diunggah oleh " + userId);
        dossier.uploadAs(userId, instance.getId(), new Dossier.Upload(kind, fileName, pdf.length, new ByteArrayResource(pdf), null));
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
