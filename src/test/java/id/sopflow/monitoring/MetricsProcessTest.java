package id.sopflow.monitoring;

import id.sopflow.TestProcessEngine;
import id.sopflow.metrics.MetricNames;
import id.sopflow.sop.ProcessContract;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the monitoring beans tell the metrics, on the real engine with the engine's clock (no Spring: a change is
 * counted at once, there being no transaction to wait for). Monday 24 November 2025, WIB. The meters live as long as the
 * class (the metrics keep theirs): each test counts in a kecamatan of its own.
 */
class MetricsProcessTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DataSource DATABASE = TestProcessEngine.database();
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static final ProcessEngine ENGINE = TestProcessEngine.create(DATABASE, MonitoringBeans.create(DATABASE, List.of(), METERS));

    /** A process without any waktu, as Wangon's DPA: one step, the SOP's process listener. */
    private static final String NO_WAKTU = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         targetNamespace="https://sopflow.id/uji">
              <process id="uji-tanpa-waktu" isExecutable="true" camunda:historyTimeToLive="30">
                <extensionElements>
                  <camunda:executionListener delegateExpression="${%1$s}" event="start"/>
                  <camunda:executionListener delegateExpression="${%1$s}" event="end"/>
                </extensionElements>
                <startEvent id="mulai"/>
                <sequenceFlow id="f1" sourceRef="mulai" targetRef="langkah_01"/>
                <userTask id="langkah_01"/>
                <sequenceFlow id="f2" sourceRef="langkah_01" targetRef="selesai"/>
                <endEvent id="selesai"/>
              </process>
            </definitions>
            """.formatted(ProcessContract.PROCESS_LISTENER_BEAN);

    @BeforeAll
    static void deploy() throws Exception {
        ENGINE.getRepositoryService().createDeployment().name("uji-metrik")
                .addString("dpa.bpmn", Files.readString(Path.of("bpmn/ajibarang/dpa.bpmn")))
                .addString("uji-tanpa-waktu.bpmn", NO_WAKTU).deploy();
    }

    @AfterEach
    void clean() {
        ClockUtil.reset();
        ENGINE.getRuntimeService().createProcessInstanceQuery().list()
                .forEach(p -> ENGINE.getRuntimeService().deleteProcessInstance(p.getId(), "test selesai"));
        new JdbcTemplate(DATABASE).update("delete from SOPFLOW_PEMBERITAHUAN");
        new JdbcTemplate(DATABASE).update("delete from SOPFLOW_PERINGATAN");
    }

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void aStepDoneInTimeIsItsWorkingTimeAndItsShareOfTheLimit() {
        at("2025-11-24T11:58");
        ProcessInstance dpa = start("dpa", "ajibarang");
        at("2025-11-24T13:01"); // 5 menit handed over at 11:58: 2 minutes before lunch, 1 after; due 13:03
        completeTheStep(dpa);

        Timer duration = METERS.get(MetricNames.STEP_DURATION).tags(MetricNames.SOP, "dpa", MetricNames.KECAMATAN, "ajibarang",
                MetricNames.STEP, "1").timer();
        assertThat(duration.count()).isEqualTo(1);
        assertThat(duration.totalTime(TimeUnit.SECONDS)).isEqualTo(180.0); // working time: the lunch break does not count
        DistributionSummary ratio = METERS.get(MetricNames.STEP_LIMIT_RATIO).tags(MetricNames.KECAMATAN, "ajibarang", MetricNames.STEP, "1").summary();
        assertThat(ratio.totalAmount()).isEqualTo(0.6);
        assertThat(counter(MetricNames.INSTANCES_STARTED, "dpa", "ajibarang")).isEqualTo(1.0);
    }

    @Test
    void anEscalationCountsOnceAndAnInstanceWithoutWaktuIsNeverLate() {
        at("2025-11-24T10:00");
        ProcessInstance dpa = start("dpa", "arut-selatan");
        at("2025-11-24T10:30");
        String timer = ProcessContract.deadlineTimer("langkah_01");
        // fired late, past the limit (10:05) and twice the limit (10:10): both are recorded in that one job; then nothing waits
        ENGINE.getManagementService().executeJob(ENGINE.getManagementService().createJobQuery()
                .processInstanceId(dpa.getId()).activityId(timer).singleResult().getId());
        assertThat(ENGINE.getManagementService().createJobQuery().processInstanceId(dpa.getId()).activityId(timer).count()).isZero();
        assertThat(counter(MetricNames.ESCALATIONS, "dpa", "arut-selatan")).isEqualTo(1.0);

        at("2025-11-24T10:00");
        ProcessInstance plain = start("uji-tanpa-waktu", "wangon");
        at("2025-11-27T10:00"); // three working days later: no plan, so not late
        completeTheStep(plain);
        assertThat(counter(MetricNames.INSTANCES_FINISHED, "uji-tanpa-waktu", "wangon")).isEqualTo(1.0);
        assertThat(counter(MetricNames.INSTANCES_FINISHED_LATE, "uji-tanpa-waktu", "wangon")).isZero();
        assertThat(METERS.find(MetricNames.STEP_DURATION).tag(MetricNames.SOP, "uji-tanpa-waktu").timer())
                .as("a step without waktu has no task listener: no duration").isNull();
    }

    private static ProcessInstance start(String key, String kecamatan) {
        return ENGINE.getRuntimeService().createProcessInstanceByKey(key).processDefinitionWithoutTenantId()
                .setVariable(ProcessContract.KECAMATAN, kecamatan).execute();
    }

    private static void completeTheStep(ProcessInstance instance) {
        ENGINE.getTaskService().complete(ENGINE.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
    }

    private static double counter(String name, String sop, String kecamatan) {
        var counter = METERS.find(name).tag(MetricNames.SOP, sop).tag(MetricNames.KECAMATAN, kecamatan).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void at(String local) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(local).atZone(WIB).toInstant()));
    }
}
