package id.sopflow.monitoring;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the REST APIs of a running application: a DPA started on /engine-rest gets the calendar's
 * due date on its first task; past it, running the timer job makes an overdue record appear on
 * /api/keterlambatan; a day added on /api/kalender/libur moves deadlines computed after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MutuBakuRestIT {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    /** As the admin of config/organisasi.yaml (password of application-test.yaml): /engine-rest and /api need a login. */
    TestRestTemplate rest;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Autowired
    void logIn(TestRestTemplate anonymous) {
        rest = anonymous.withBasicAuth("admin", "Uji-Admin-Rahasia-2026");
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
    }

    @Test
    void dueDateOnTheFirstTaskIsTheCalendarsAnswerAndPassingItRecordsTheStepAsOverdue() {
        ClockUtil.setCurrentTime(wib("2025-11-24T15:58"));
        String instance = startDpa();

        List<Map<String, Object>> tasks = get("/engine-rest/task?processInstanceId=" + instance, LIST);
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t.get("taskDefinitionKey")).isEqualTo("langkah_01"));
        OffsetDateTime due = OffsetDateTime.parse((String) tasks.get(0).get("due"), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        Map<String, Object> calendar = get("/api/kalender/tenggat?kecamatan=ajibarang&waktu=5 menit&mulai=2025-11-24T15:58", OBJECT);
        assertThat(OffsetDateTime.parse((String) calendar.get("batas")).toInstant()).isEqualTo(due.toInstant())
                .isEqualTo(wib("2025-11-25T07:33").toInstant());

        assertThat(get("/api/keterlambatan", LIST)).isEmpty();
        ClockUtil.setCurrentTime(wib("2025-11-25T07:36")); // past the limit (07:33), before twice the limit (07:38)
        String job = management.createJobQuery().processInstanceId(instance).activityId(id.sopflow.sop.ProcessContract.deadlineTimer("langkah_01")).singleResult().getId();
        management.executeJob(job);

        List<Map<String, Object>> overdue = get("/api/keterlambatan", LIST);
        assertThat(overdue).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("jenis", "TERLAMBAT").containsEntry("langkah", 1).containsEntry("kecamatan", "ajibarang")
                    .containsEntry("pemegang", "grup:camat").containsEntry("terlambatMenit", 3).containsEntry("terlambat", "3 menit kerja");
            assertThat(a.get("diberitahukanKe")).isEqualTo(List.of("grup:sekcam"));
        });
        assertThat(get("/api/keterlambatan/instances", LIST)).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("id", instance).containsKey("rencanaSelesai"));
    }

    @Test
    void aDayAddedByTheAdminMovesDeadlinesComputedAfterIt() {
        ResponseEntity<Map<String, Object>> added = rest.exchange("/api/kalender/libur", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("tanggal", "2025-11-25", "nama", "Hari jadi kabupaten",
                        "jenis", "libur_lokal", "kecamatan", "ajibarang")), OBJECT);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        try {
            ClockUtil.setCurrentTime(wib("2025-11-24T15:58"));
            String instance = startDpa();
            Date due = management.createJobQuery().processInstanceId(instance).activityId(id.sopflow.sop.ProcessContract.deadlineTimer("langkah_01")).singleResult().getDuedate();
            assertThat(due).isEqualTo(wib("2025-11-26T07:33"));
            assertThat(get("/api/kalender/libur?tahun=2025&kecamatan=ajibarang", LIST))
                    .anySatisfy(d -> assertThat(d).containsEntry("tanggal", "2025-11-25").containsEntry("ditambahkan", true));
            ResponseEntity<Map<String, Object>> again = rest.exchange("/api/kalender/libur", HttpMethod.POST,
                    new org.springframework.http.HttpEntity<>(Map.of("tanggal", "2025-11-25", "nama", "lagi", "kecamatan", "ajibarang")), OBJECT);
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        } finally {
            rest.delete("/api/kalender/libur/2025-11-25?kecamatan=ajibarang");
        }
        assertThat(get("/api/kalender/libur?tahun=2025&kecamatan=ajibarang", LIST))
                .noneSatisfy(d -> assertThat(d).containsEntry("tanggal", "2025-11-25"));
    }

    @Test
    void badInputIsA400NamingWhatIsWrong() {
        ResponseEntity<Map<String, Object>> response = rest.exchange("/api/kalender/tenggat?waktu=sebentar&mulai=2025-11-24T10:00",
                HttpMethod.GET, null, OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 400).containsEntry("instance", "/api/kalender/tenggat");
        assertThat((String) response.getBody().get("detail")).contains("sebentar");
    }

    private String startDpa() {
        ResponseEntity<Map<String, Object>> started = rest.exchange("/engine-rest/process-definition/key/dpa/start", HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("businessKey", "DPA-2026",
                        "variables", Map.of("kecamatan", Map.of("value", "ajibarang", "type", "String")))), OBJECT);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        return (String) started.getBody().get("id");
    }

    private <T> T get(String url, ParameterizedTypeReference<T> type) {
        ResponseEntity<T> response = rest.exchange(url, HttpMethod.GET, null, type);
        assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static Date wib(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(WIB).toInstant());
    }
}
