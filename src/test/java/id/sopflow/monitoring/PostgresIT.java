package id.sopflow.monitoring;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production database: the same path as {@link MutuBakuRestIT} on PostgreSQL (SOPflow's own
 * tables from the Flyway migrations, the insert-once of alerts, timestamps). Runs in the Failsafe execution
 * {@code postgres} of {@code mvn verify}, with every other engine and API test, on the PostgreSQL server the build
 * starts itself ({@link id.sopflow.TestPostgres}, {@link id.sopflow.TestDatabase}).
 */
@EnabledIfSystemProperty(named = "sopflow.test.database", matches = "postgres",
        disabledReason = "runs in the Failsafe execution 'postgres' (mvn verify), on the build's own PostgreSQL")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PostgresIT {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Autowired
    id.sopflow.calendar.WorkingCalendars calendars;

    @AfterEach
    void clean() {
        ClockUtil.reset();
        runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
        jdbc.update("delete from SOPFLOW_PEMBERITAHUAN");
        jdbc.update("delete from SOPFLOW_PERINGATAN");
        jdbc.update("delete from SOPFLOW_HARI_LIBUR");
        calendars.reread();
        jdbc.update("delete from SOPFLOW_DOKUMEN_PERISTIWA");
        jdbc.update("delete from SOPFLOW_DOKUMEN");
        jdbc.update("delete from SOPFLOW_DOKUMEN_ISI");
    }

    @Test
    void aDocumentIsStoredAsBytesAndTheStepThatNeedsItWaitsForIt() {
        TestRestTemplate kasubbag = anonymous.withBasicAuth("kasubbag.ajibarang", "Uji-Staf-Rahasia-2026");
        String dpa = start(anonymous.withBasicAuth("admin", "Uji-Admin-Rahasia-2026"));
        // steps 1 and 2 (Camat, Sekcam) need no document; step 3, the Kasubbag's draft, does
        for (int step = 1; step <= 2; step++) {
            taskService.complete(taskService.createTaskQuery().processInstanceId(dpa).singleResult().getId());
        }
        String draftStep = taskService.createTaskQuery().processInstanceId(dpa).singleResult().getId();
        assertThat(kasubbag.postForEntity("/engine-rest/task/" + draftStep + "/complete", Map.of(), String.class).getStatusCode().value())
                .isEqualTo(409);

        byte[] pdf = id.sopflow.demo.DemoPdf.of("Draf DPA di PostgreSQL");
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("jenis", "draf dokumen pelaksanaan anggaran");
        form.add("berkas", new org.springframework.core.io.ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "draf-dpa.pdf";
            }
        });
        ResponseEntity<Map> uploaded = kasubbag.postForEntity("/api/instances/" + dpa + "/dokumen", form, Map.class);
        assertThat(uploaded.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select data_type from information_schema.columns where table_name = 'sopflow_dokumen_isi' "
                + "and column_name = 'isi'", String.class)).isEqualTo("bytea");
        assertThat(kasubbag.getForEntity((String) uploaded.getBody().get("unduh"), byte[].class).getBody()).isEqualTo(pdf);
        assertThat(kasubbag.postForEntity("/engine-rest/task/" + draftStep + "/complete", Map.of(), String.class).getStatusCode().value())
                .isEqualTo(204);
    }

    @Test
    void overdueStepIsRecordedOnceAndAnAddedDayMovesLaterDeadlines() {
        TestRestTemplate admin = anonymous.withBasicAuth("admin", "Uji-Admin-Rahasia-2026");
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        // SOPflow's tables come from Flyway's migrations (db/migration) here too, the dossier's BYTEA column included
        assertThat(jdbc.queryForList("select \"version\" from \"flyway_schema_history\" where \"success\"", String.class))
                .contains("1", "2");

        ClockUtil.setCurrentTime(wib("2025-11-24T15:58"));
        String first = start(admin);
        String job = management.createJobQuery().processInstanceId(first).activityId(id.sopflow.sop.ProcessContract.deadlineTimer("langkah_01")).singleResult().getId();
        assertThat(management.createJobQuery().jobId(job).singleResult().getDuedate()).isEqualTo(wib("2025-11-25T07:33"));
        ClockUtil.setCurrentTime(wib("2025-11-25T07:36")); // past the limit (07:33), before twice the limit (07:38)
        management.executeJob(job);
        List<Map<String, Object>> overdue = admin.exchange("/api/keterlambatan", HttpMethod.GET, null, LIST).getBody();
        assertThat(overdue).singleElement().satisfies(a -> assertThat(a).containsEntry("jenis", "TERLAMBAT")
                .containsEntry("terlambatMenit", 3).containsEntry("mulai", "2025-11-24T15:58:00+07:00"));

        ResponseEntity<String> added = admin.exchange("/api/kalender/libur", HttpMethod.POST,
                new HttpEntity<>(Map.of("tanggal", "2025-11-25", "nama", "Hari jadi kabupaten", "kecamatan", "ajibarang")), String.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ClockUtil.setCurrentTime(wib("2025-11-24T15:58"));
        String second = start(admin);
        assertThat(management.createJobQuery().processInstanceId(second).activityId(id.sopflow.sop.ProcessContract.deadlineTimer("langkah_01")).singleResult().getDuedate())
                .isEqualTo(wib("2025-11-26T07:33"));
    }

    private String start(TestRestTemplate admin) {
        ResponseEntity<Map> started = admin.postForEntity("/engine-rest/process-definition/key/dpa/start",
                Map.of("variables", Map.of("kecamatan", Map.of("value", "ajibarang", "type", "String"))), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("id");
    }

    private static Date wib(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
    }
}
