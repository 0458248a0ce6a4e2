package id.sopflow.monitoring;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** Who sees which overdue steps: each kecamatan its own; Sekcam and Camat their whole office; Bappeda all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MonitoringAccessIT {

    private static final String STAFF = "Uji-Staf-Rahasia-2026";
    private static final String ADMIN = "Uji-Admin-Rahasia-2026";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void twoKecamatanEachWithAnOverdueStep() {
        ClockUtil.setCurrentTime(wib("2025-11-24T10:00"));
        for (String kecamatan : List.of("ajibarang", "arut-selatan")) {
            ResponseEntity<Map> started = rest.withBasicAuth("admin", ADMIN).postForEntity("/engine-rest/process-definition/key/dpa/start",
                    Map.of("businessKey", "DPA-" + kecamatan, "variables", Map.of("kecamatan", Map.of("value", kecamatan, "type", "String"))),
                    Map.class);
            assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        ClockUtil.setCurrentTime(wib("2025-11-24T10:30"));
        management.createJobQuery().activityId(id.sopflow.sop.ProcessContract.deadlineTimer("langkah_01")).list().forEach(j -> management.executeJob(j.getId()));
    }

    @AfterEach
    void clean() {
        ClockUtil.reset();
        runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
        jdbc.update("delete from SOPFLOW_PEMBERITAHUAN");
        jdbc.update("delete from SOPFLOW_PERINGATAN");
    }

    @Test
    void eachSekcamSeesOnlyTheirOwnKecamatan() {
        assertThat(alerts("sekcam.ajibarang", STAFF, "")).extracting(a -> a.get("kecamatan")).containsExactly("ajibarang");
        assertThat(alerts("sekcam.arut-selatan", STAFF, "")).extracting(a -> a.get("kecamatan")).containsExactly("arut-selatan");
        assertThat(alerts("camat.ajibarang", STAFF, "")).extracting(a -> a.get("businessKey")).containsExactly("DPA-ajibarang");
        ResponseEntity<String> other = rest.withBasicAuth("sekcam.ajibarang", STAFF)
                .getForEntity("/api/keterlambatan?kecamatan=arut-selatan", String.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void staffSeeOnlyStepsTheirGroupsHold() {
        // step 1 of the DPA is the Camat's: a pelaksana sees nothing of it
        assertThat(alerts("pelaksana.ajibarang", STAFF, "")).isEmpty();
    }

    @Test
    void bappedaAndAdminSeeEveryKecamatan() {
        assertThat(alerts("staf.bappeda", STAFF, "")).extracting(a -> a.get("kecamatan"))
                .containsExactlyInAnyOrder("ajibarang", "arut-selatan");
        assertThat(alerts("admin", ADMIN, "?kecamatan=arut-selatan")).hasSize(1);
    }

    @Test
    void notificationsGoToTheSekcamOfTheKecamatan() {
        List<Map<String, Object>> told = get("sekcam.ajibarang", STAFF, "/api/pemberitahuan");
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n).containsEntry("kecamatan", "ajibarang").containsEntry("grup", "sekcam");
            assertThat((String) n.get("pesan")).contains("Langkah 1 DPA DPA-ajibarang", "melewati mutu baku 5 menit");
        });
        assertThat(get("pelaksana.ajibarang", STAFF, "/api/pemberitahuan")).isEmpty();
    }

    @Test
    void onlyWhoWasToldMarksANotificationRead() {
        String id = (String) get("sekcam.ajibarang", STAFF, "/api/pemberitahuan").get(0).get("id");
        ResponseEntity<String> other = rest.withBasicAuth("sekcam.arut-selatan", STAFF)
                .postForEntity("/api/pemberitahuan/" + id + "/dibaca", null, String.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("sekcam.ajibarang", STAFF, "/api/pemberitahuan?belumDibaca=true")).hasSize(1);

        ResponseEntity<String> own = rest.withBasicAuth("sekcam.ajibarang", STAFF)
                .postForEntity("/api/pemberitahuan/" + id + "/dibaca", null, String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get("sekcam.ajibarang", STAFF, "/api/pemberitahuan?belumDibaca=true")).isEmpty();
        assertThat(get("sekcam.ajibarang", STAFF, "/api/pemberitahuan")).singleElement()
                .satisfies(n -> assertThat(n.get("dibacaPada")).isNotNull());
    }

    @Test
    void anonymousIsRefusedAndOnlyTheAdminChangesTheCalendar() {
        assertThat(rest.getForEntity("/api/keterlambatan", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> added = rest.withBasicAuth("sekcam.ajibarang", STAFF).exchange("/api/kalender/libur", HttpMethod.POST,
                new HttpEntity<>(Map.of("tanggal", "2025-11-25", "nama", "Libur buatan")), String.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from SOPFLOW_HARI_LIBUR", Integer.class)).isZero();
    }

    private List<Map<String, Object>> alerts(String user, String password, String query) {
        return get(user, password, "/api/keterlambatan" + query);
    }

    private List<Map<String, Object>> get(String user, String password, String url) {
        ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, password).exchange(url, HttpMethod.GET, null, LIST);
        assertThat(response.getStatusCode()).as(user + " " + url).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static Date wib(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
    }
}
