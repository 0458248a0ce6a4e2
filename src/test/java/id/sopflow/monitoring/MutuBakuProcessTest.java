package id.sopflow.monitoring;

import id.sopflow.sop.ProcessContract.AlertKind;
import id.sopflow.TestProcessEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * The mutu baku of the generated processes in working time, with the engine's clock under control:
 * due dates, the overdue timer and its record, escalation, reminders, the planned finish, the monthly
 * RFK/TEPPA start and its deadline. All moments are WIB (Asia/Jakarta).
 */
class MutuBakuProcessTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DataSource DATABASE = TestProcessEngine.database();
    // not final: ProcessEngineExtension injects the engine into ProcessEngine fields
    private static ProcessEngine engine = TestProcessEngine.create(DATABASE,
            MonitoringBeans.create(DATABASE, List.of("arut-selatan", "ajibarang")));

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(engine).build();

    private final AlertLog alerts = new AlertLog(new JdbcTemplate(DATABASE));

    @BeforeEach
    void deploy() throws IOException {
        init(engine);
        if (engine.getRepositoryService().createDeploymentQuery().count() == 0) {
            var builder = engine.getRepositoryService().createDeployment().name("test");
            for (String file : List.of("ajibarang/dpa.bpmn", "arut-selatan/renstra.bpmn", "arut-selatan/rfk-teppa.bpmn",
                    "arut-selatan/rfk-teppa-bulanan.bpmn")) {
                builder.addString(file, Files.readString(Path.of("bpmn", file)));
            }
            builder.deploy();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        new JdbcTemplate(DATABASE).update("delete from SOPFLOW_PEMBERITAHUAN");
        new JdbcTemplate(DATABASE).update("delete from SOPFLOW_PERINGATAN");
        engine.getRuntimeService().createProcessInstanceQuery().list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test selesai"));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void dueDateOfMinutesInsideOfficeHours() {
        ProcessInstance dpa = startDpaAt("2025-11-24T10:00"); // Senin
        assertThat(task(dpa).getDueDate()).isEqualTo(wib("2025-11-24T10:05"));
    }

    @Test
    void dueDateCrossesTheLunchBreak() {
        ProcessInstance dpa = startDpaAt("2025-11-24T11:40");
        completeAt(dpa, "2025-11-24T11:45"); // langkah 2: 30 menit from 11:45 = 15 before, 15 after lunch
        assertThat(task(dpa).getDueDate()).isEqualTo(wib("2025-11-24T13:15"));
    }

    @Test
    void dueDateCrossesTheEndOfTheDay() {
        ProcessInstance dpa = startDpaAt("2025-11-24T15:58"); // 5 menit, 2 left today
        assertThat(task(dpa).getDueDate()).isEqualTo(wib("2025-11-25T07:33"));
    }

    @Test
    void aWorkingDayHandedOverOnFridayAfternoonIsDueOnMonday() {
        ProcessInstance dpa = startDpaAt("2025-11-28T13:00"); // Jumat
        completeAt(dpa, "2025-11-28T13:10");
        completeAt(dpa, "2025-11-28T14:00"); // langkah 3: 1 hari kerja
        assertThat(dpa).isWaitingAt("langkah_03");
        assertThat(task(dpa).getDueDate()).isEqualTo(wib("2025-12-01T14:00"));
    }

    @Test
    void christmasAndItsCutiBersamaAreNotWorkingDays() {
        ProcessInstance dpa = startDpaAt("2025-12-24T09:00"); // Rabu; 25 Des libur, 26 Des cuti bersama
        completeAt(dpa, "2025-12-24T09:05");
        completeAt(dpa, "2025-12-24T10:00");
        assertThat(task(dpa).getDueDate()).isEqualTo(wib("2025-12-29T10:00"));
    }

    @Test
    void overdueTimerRecordsTheStepOnceAndTellsTheSekcamWhileTheTaskStaysOpen() {
        ProcessInstance dpa = startDpaAt("2025-11-24T10:00");
        assertThat(timers(dpa)).as("one timer job per step until it is late").singleElement()
                .satisfies(j -> assertThat(j.getDuedate()).isEqualTo(wib("2025-11-24T10:05")));
        Job overdue = job("langkah_01_tenggat", dpa);
        assertThat(overdue.getDuedate()).isEqualTo(wib("2025-11-24T10:05"));
        assertThat(alerts.find(List.of(), true, Optional.empty())).isEmpty();

        at("2025-11-24T10:06");
        execute(overdue);

        assertThat(dpa).isWaitingAt("langkah_01");
        List<Alert> recorded = alerts.find(List.of(), true, Optional.empty());
        assertThat(recorded).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.TERLAMBAT);
            assertThat(a.activityId()).isEqualTo("langkah_01");
            assertThat(a.step()).isEqualTo(1);
            assertThat(a.holder()).isEqualTo("grup:camat");
            assertThat(a.deadline()).isEqualTo(wib("2025-11-24T10:05").toInstant());
            assertThat(a.start()).isEqualTo(wib("2025-11-24T10:00").toInstant());
            assertThat(a.notified()).containsExactly("grup:sekcam");
            assertThat(a.taskId()).isEqualTo(task(dpa).getId());
        });
        assertThat(timers(dpa)).as("the overdue timer is gone, the escalation's waits at twice the limit").singleElement()
                .satisfies(j -> assertThat(j.getDuedate()).isEqualTo(wib("2025-11-24T10:10")));
        assertThat(alerts.notifications(List.of(), List.of("sekcam"), null)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("Langkah 1 DPA", "melewati mutu baku 5 menit", "10:05 WIB"));
        assertThat(alerts.record(recorded.get(0), "lagi")).as("an alert is recorded once").isFalse();
    }

    @Test
    void escalationToTheCamatAtTwiceTheMutuBakuThenCompletionClosesBoth() {
        ProcessInstance dpa = startDpaAt("2025-11-24T10:00");
        completeAt(dpa, "2025-11-24T10:02");
        // langkah 2, Sekcam, 30 menit from 10:02: overdue 10:32, escalation 11:02
        assertThat(timers(dpa)).singleElement().satisfies(j -> assertThat(j.getDuedate()).isEqualTo(wib("2025-11-24T10:32")));
        at("2025-11-24T10:40");
        execute(job("langkah_02_tenggat", dpa));
        Job escalation = job("langkah_02_tenggat", dpa);
        assertThat(escalation.getDuedate()).isEqualTo(wib("2025-11-24T11:02"));
        assertThat(timers(dpa)).hasSize(1);
        at("2025-11-24T11:10");
        execute(escalation);
        assertThat(timers(dpa)).as("nothing waits after the escalation").isEmpty();
        assertThat(dpa).isWaitingAt("langkah_02");

        assertThat(alerts.find(List.of(), true, Optional.of(AlertKind.ESKALASI))).singleElement()
                .satisfies(a -> assertThat(a.notified()).containsExactly("grup:camat"));
        assertThat(alerts.find(List.of(), true, Optional.empty())).hasSize(2);

        completeAt(dpa, "2025-11-24T11:30");
        assertThat(alerts.find(List.of(), true, Optional.empty())).isEmpty();
        assertThat(alerts.find(List.of(), false, Optional.empty())).hasSize(2)
                .allSatisfy(a -> assertThat(a.finishedAt()).contains(wib("2025-11-24T11:30").toInstant()));
    }

    @Test
    void aRangeRemindsTheHolderAtItsTargetAndIsOverdueAtItsLimit() {
        ClockUtil.setCurrentTime(wib("2025-11-03T08:00"));
        ProcessInstance renstra = engine.getRuntimeService().startProcessInstanceByKey("renstra");
        for (int step = 1; step <= 13; step++) {
            // step 12 sends the rancangan to Bappeda, which receives it; step 13 is Bappeda's, in its own process
            completeStep(task(step == 13 ? id.sopflow.bappeda.BappedaBeans.stepInstance(engine, renstra.getId()) : renstra));
            if (step == 12) {
                id.sopflow.bappeda.BappedaBeans.answer(engine, renstra.getId(), 12, true);
            }
        }
        assertThat(renstra).isWaitingAt("langkah_14"); // 2-3 hari, pelaksana
        Task task = task(renstra);
        assertThat(task.getFollowUpDate()).isEqualTo(wib("2025-11-05T08:00"));
        assertThat(task.getDueDate()).isEqualTo(wib("2025-11-06T08:00"));
        assertThat(timers(renstra)).singleElement().satisfies(j -> assertThat(j.getDuedate()).isEqualTo(wib("2025-11-05T08:00")));

        at("2025-11-05T08:01");
        execute(job("langkah_14_tenggat", renstra));
        assertThat(alerts.find(List.of(), true, Optional.empty())).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.PENGINGAT);
            assertThat(a.notified()).containsExactly("grup:pelaksana");
            assertThat(a.deadline()).isEqualTo(wib("2025-11-05T08:00").toInstant());
        });
        assertThat(timers(renstra)).singleElement().satisfies(j -> assertThat(j.getDuedate()).isEqualTo(wib("2025-11-06T08:00")));

        at("2025-11-06T08:00");
        execute(job("langkah_14_tenggat", renstra));
        assertThat(alerts.find(List.of(), true, Optional.of(AlertKind.TERLAMBAT))).singleElement().satisfies(a -> {
            assertThat(a.deadline()).isEqualTo(wib("2025-11-06T08:00").toInstant());
            assertThat(a.notified()).containsExactly("grup:sekcam");
        });
        assertThat(timers(renstra)).singleElement().satisfies(j -> assertThat(j.getDuedate()).isEqualTo(wib("2025-11-11T08:00")));
    }

    @Test
    void aTimerFiredLateCatchesUpWithEveryMomentGoneInOneJobAndRecordsEachOnce() {
        ProcessInstance dpa = startDpaAt("2025-11-24T10:00");
        at("2025-11-24T12:00"); // the job executor was down past both the limit (10:05) and twice the limit (10:10)
        execute(job("langkah_01_tenggat", dpa));
        assertThat(alerts.find(List.of(), true, Optional.empty())).extracting(Alert::kind, Alert::deadline)
                .containsExactlyInAnyOrder(tuple(AlertKind.TERLAMBAT, wib("2025-11-24T10:05").toInstant()),
                        tuple(AlertKind.ESKALASI, wib("2025-11-24T10:10").toInstant()));
        assertThat(alerts.notifications(List.of(), List.of("camat"), null)).as("the Camat is told of the escalation")
                .anySatisfy(n -> assertThat(n.message()).contains("sudah dua kali mutu baku 5 menit"));
        assertThat(timers(dpa)).as("nothing waits after the escalation").isEmpty();
        assertThat(dpa).isWaitingAt("langkah_01");
    }

    @Test
    void aTimerFiredBetweenTheLimitAndTheEscalationWaitsForTheEscalation() {
        ProcessInstance dpa = startDpaAt("2025-11-24T10:00");
        at("2025-11-24T10:07");
        execute(job("langkah_01_tenggat", dpa));
        assertThat(alerts.find(List.of(), true, Optional.empty())).extracting(Alert::kind).containsExactly(AlertKind.TERLAMBAT);
        assertThat(job("langkah_01_tenggat", dpa).getDuedate()).isEqualTo(wib("2025-11-24T10:10"));
    }

    @Test
    void aStepDoneInTimeLeavesNoTimerBehindAndTheNextStepHasItsOwn() {
        ProcessInstance dpa = startDpaAt("2025-11-24T10:00");
        completeAt(dpa, "2025-11-24T10:03");
        assertThat(timers(dpa)).singleElement().satisfies(j -> {
            assertThat(j.getDuedate()).isEqualTo(wib("2025-11-24T10:33"));
            assertThat(j.getExecutionId()).isEqualTo(task(dpa).getExecutionId());
        });
        assertThat(alerts.find(List.of(), false, Optional.empty())).isEmpty();
    }

    @Test
    void instanceCarriesItsPlannedFinishAndItsLateness() {
        ProcessInstance dpa = startDpaAt("2025-11-24T08:00");
        // 5 menit + 30 menit + 1 hari + 1 hari + 1 hari + 10 menit, one after another
        assertThat(engine.getRuntimeService().getVariable(dpa.getId(), "rencanaSelesai")).isEqualTo(wib("2025-11-27T08:45"));
        for (int step = 1; step <= 6; step++) {
            Task task = task(dpa);
            at("2025-11-28T09:00");
            completeStep(task);
        }
        assertThat(dpa).isEnded();
        var late = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(dpa.getId())
                .variableName("terlambatMenit").singleResult();
        // Thu 08:45-12:00 and 13:00-16:00, Fri 07:30-09:00
        assertThat(late.getValue()).isEqualTo(195L + 180L + 90L);
    }

    @Test
    void rfkStartsEarlyEnoughForItsMutuBakuToFitBeforeTheFourthAndEscalatesAMissedDeadline() {
        Job daily = engine.getManagementService().createJobQuery().processDefinitionKey("rfk-teppa-bulanan").singleResult();

        // 4 hari kerja and 3 jam 40 menit must end by Thu 3 Dec 16:00 (before the 4th): latest start Fri 27 Nov 11:20 WIB
        at("2026-11-26T07:00");
        execute(daily);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("rfk-teppa").count())
                .as("tomorrow's check is still in time").isZero();
        at("2026-11-26T12:00");
        Job next = engine.getManagementService().createJobQuery().processDefinitionKey("rfk-teppa-bulanan").singleResult();
        assertThat(next.getDuedate()).as("checked daily (07:00 server time)")
                .isAfter(wib("2026-11-26T07:00")).isBeforeOrEqualTo(wib("2026-11-27T07:00"));
        execute(next);

        List<ProcessInstance> started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("rfk-teppa")
                .orderByBusinessKey().asc().list();
        assertThat(started).extracting(ProcessInstance::getBusinessKey)
                .containsExactly("RFK-TEPPA-ajibarang-2026-12", "RFK-TEPPA-arut-selatan-2026-12");
        ProcessInstance rfk = started.get(1);
        assertThat(engine.getRuntimeService().getVariable(rfk.getId(), "tenggatLaporan")).isEqualTo(wib("2026-12-04T00:00"));
        assertThat(engine.getRuntimeService().getVariable(rfk.getId(), "kecamatan")).isEqualTo("arut-selatan");
        assertThat((Date) engine.getRuntimeService().getVariable(rfk.getId(), "rencanaSelesai"))
                .as("an instance that keeps every mutu baku is on time").isBeforeOrEqualTo(wib("2026-12-04T00:00"));
        at("2026-11-27T12:00");
        execute(engine.getManagementService().createJobQuery().processDefinitionKey("rfk-teppa-bulanan").singleResult());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("rfk-teppa").count())
                .as("a period is started once").isEqualTo(2);

        Job deadline = job("tenggat_laporan_lewat", rfk);
        assertThat(deadline.getDuedate()).isEqualTo(wib("2026-12-04T00:00"));
        at("2026-12-04T07:30");
        execute(deadline);
        assertThat(rfk).isActive();
        assertThat(alerts.find(List.of("arut-selatan"), true, Optional.of(AlertKind.TENGGAT_LAPORAN))).singleElement()
                .satisfies(a -> {
                    assertThat(a.notified()).containsExactly("grup:sekcam", "grup:camat");
                    assertThat(a.businessKey()).isEqualTo("RFK-TEPPA-arut-selatan-2026-12");
                });
    }

    @Test
    void aManuallyStartedRfkIsDueBeforeTheFourthOfTheNextMonthOnceTheFourthHasPassed() {
        ClockUtil.setCurrentTime(wib("2026-11-10T09:00"));
        ProcessInstance rfk = engine.getRuntimeService().startProcessInstanceByKey("rfk-teppa", Map.of("kecamatan", "arut-selatan"));
        assertThat(engine.getRuntimeService().getVariable(rfk.getId(), "tenggatLaporan")).isEqualTo(wib("2026-12-04T00:00"));
    }

    @Test
    void timerStillFiresAfterTheEngineIsRestartedOnTheSameDatabase() throws IOException {
        DataSource database = TestProcessEngine.database();
        ProcessEngine first = TestProcessEngine.create(database, MonitoringBeans.create(database, List.of()));
        first.getRepositoryService().createDeployment().addString("dpa.bpmn", Files.readString(Path.of("bpmn/ajibarang/dpa.bpmn"))).deploy();
        ClockUtil.setCurrentTime(wib("2025-11-24T10:00"));
        String instance = first.getRuntimeService().startProcessInstanceByKey("dpa").getId();
        first.close();

        ProcessEngine second = TestProcessEngine.create(database, MonitoringBeans.create(database, List.of()));
        try {
            ClockUtil.setCurrentTime(wib("2025-11-24T10:06"));
            List<Job> due = second.getManagementService().createJobQuery().processInstanceId(instance).executable().list();
            assertThat(due).extracting(Job::getDuedate).containsExactly(wib("2025-11-24T10:05"));
            second.getManagementService().executeJob(due.get(0).getId());
            assertThat(new AlertLog(new JdbcTemplate(database)).find(List.of(), true, Optional.empty()))
                    .singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(AlertKind.TERLAMBAT));
        } finally {
            second.close();
        }
    }

    /** The timer jobs of an instance (of a DPA or Renstra: its steps'; they have no report deadline). */
    private static List<Job> timers(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list();
    }

    private ProcessInstance startDpaAt(String wibTime) {
        ClockUtil.setCurrentTime(wib(wibTime));
        return engine.getRuntimeService().startProcessInstanceByKey("dpa", Map.of("kecamatan", "ajibarang"));
    }

    private void completeAt(ProcessInstance instance, String wibTime) {
        at(wibTime);
        Task task = task(instance);
        completeStep(task);
    }

    /** Completes a step as its holder would: its required documents uploaded, a review approved. */
    private void completeStep(Task task) {
        id.sopflow.dossier.DossierBeans.provideRequiredOutputs(engine, DATABASE, task);
        complete(task, Boolean.TRUE.equals(isReview(task)) ? withVariables("disetujui", true) : Map.of());
    }

    private Boolean isReview(Task task) {
        return engine.getFormService().getTaskFormData(task.getId()).getFormFields().stream()
                .anyMatch(f -> f.getId().equals("disetujui"));
    }

    private static void at(String wibTime) {
        ClockUtil.setCurrentTime(wib(wibTime));
    }

    private static Date wib(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(WIB).toInstant());
    }
}
