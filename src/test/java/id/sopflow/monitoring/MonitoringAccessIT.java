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
    AlertLog alertLog;
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
        ClockUtil.setCurrentTime(wib("2025-11-24T10:07")); // past the limit (10:05), before twice the limit (10:10)
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
        assertThat(alertLog.unreadCount(List.of("ajibarang"), List.of("sekcam"), "sekcam.ajibarang")).as("Beranda's count").isEqualTo(1);
        assertThat(alertLog.unreadCount(List.of("arut-selatan"), List.of("sekcam"), "sekcam.arut-selatan"))
                .isEqualTo(get("sekcam.arut-selatan", STAFF, "/api/pemberitahuan?belumDibaca=true").size());

        ResponseEntity<String> own = rest.withBasicAuth("sekcam.ajibarang", STAFF)
                .postForEntity("/api/pemberitahuan/" + id + "/dibaca", null, String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get("sekcam.ajibarang", STAFF, "/api/pemberitahuan?belumDibaca=true")).isEmpty();
        assertThat(alertLog.unreadCount(List.of("ajibarang"), List.of("sekcam"), "sekcam.ajibarang")).isZero();
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

    @Test
    void pagesAreSlicesOfOneStableOrderWithTheirTotalAndNeverAnotherKecamatansRows() {
        // 60 more overdue steps in each kecamatan, as their timers would record them; deadlines shared by seven (ties)
        AlertLog log = new AlertLog(jdbc);
        for (String kecamatan : List.of("ajibarang", "arut-selatan")) {
            for (int i = 0; i < 60; i++) {
                java.time.Instant deadline = wib("2025-11-20T10:05").toInstant().plus(java.time.Duration.ofMinutes(i / 7));
                log.record(new Alert(java.util.UUID.randomUUID().toString(), id.sopflow.sop.ProcessContract.AlertKind.TERLAMBAT,
                        "pi-" + kecamatan + "-" + i, "dpa", "DPA-" + kecamatan + "-" + i, kecamatan, 1, "langkah_01", "Langkah",
                        "tugas-" + kecamatan + "-" + i, "grup:camat", "5 menit", deadline.minusSeconds(300), deadline, deadline,
                        List.of("grup:sekcam"), java.util.Optional.empty()), "uji");
            }
        }
        List<Object> seen = new java.util.ArrayList<>();
        for (int halaman = 1; halaman <= 3; halaman++) {
            ResponseEntity<List<Map<String, Object>>> page = page("sekcam.arut-selatan", STAFF, "/api/keterlambatan?ukuran=25&halaman=" + halaman);
            assertThat(page.getHeaders().getFirst("X-Total-Count")).isEqualTo("61");
            assertThat(page.getBody()).hasSize(halaman < 3 ? 25 : 11)
                    .allSatisfy(a -> assertThat(a).containsEntry("kecamatan", "arut-selatan"));
            page.getBody().forEach(a -> seen.add(a.get("id")));
        }
        assertThat(seen).as("every row once across the pages").doesNotHaveDuplicates().hasSize(61);
        assertThat(get("sekcam.arut-selatan", STAFF, "/api/keterlambatan?ukuran=500")).extracting(a -> a.get("id"))
                .as("the pages are slices of one order").containsExactlyElementsOf(seen);
        ResponseEntity<List<Map<String, Object>>> past = page("sekcam.arut-selatan", STAFF, "/api/keterlambatan?ukuran=25&halaman=4");
        assertThat(past.getBody()).isEmpty();
        assertThat(past.getHeaders().getFirst("X-Total-Count")).isEqualTo("61");
        assertThat(past.getHeaders().getFirst("Link")).contains("halaman=3&ukuran=25>; rel=\"prev\"", "halaman=3&ukuran=25>; rel=\"last\"");

        ResponseEntity<List<Map<String, Object>>> first = page("camat.ajibarang", STAFF, "/api/keterlambatan?jenis=TERLAMBAT");
        assertThat(first.getBody()).as("50 a page by default").hasSize(50)
                .allSatisfy(a -> assertThat(a).containsEntry("kecamatan", "ajibarang"));
        assertThat(first.getHeaders().getFirst("X-Total-Count")).isEqualTo("61");
        assertThat(first.getHeaders().getFirst("Link")).contains("halaman=2&ukuran=50>; rel=\"next\"");
        assertThat(page("staf.bappeda", STAFF, "/api/keterlambatan?ukuran=1").getHeaders().getFirst("X-Total-Count")).isEqualTo("122");
        assertThat(page("pelaksana.ajibarang", STAFF, "/api/keterlambatan").getHeaders().getFirst("X-Total-Count"))
                .as("the camat's steps are no pelaksana's, on no page").isEqualTo("0");
    }

    @Test
    void instancesArePagedWithinTheCallersKecamatan() {
        for (int i = 0; i < 3; i++) {
            runtime.createProcessInstanceByKey("dpa").processDefinitionWithoutTenantId().businessKey("DPA-lagi-" + i).setVariable("kecamatan", "arut-selatan").execute();
        }
        List<Object> seen = new java.util.ArrayList<>();
        for (int halaman = 1; halaman <= 3; halaman++) {
            ResponseEntity<List<Map<String, Object>>> page = page("sekcam.arut-selatan", STAFF,
                    "/api/keterlambatan/instances?ukuran=3&halaman=" + halaman);
            assertThat(page.getHeaders().getFirst("X-Total-Count")).isEqualTo("4");
            assertThat(page.getBody()).hasSize(halaman == 1 ? 3 : halaman == 2 ? 1 : 0)
                    .allSatisfy(p -> assertThat(p).containsEntry("kecamatan", "arut-selatan").containsKey("rencanaSelesai"));
            page.getBody().forEach(p -> seen.add(p.get("id")));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(4);
        assertThat(get("sekcam.ajibarang", STAFF, "/api/keterlambatan/instances")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("businessKey", "DPA-ajibarang"));
        assertThat(page("admin", ADMIN, "/api/keterlambatan/instances?ukuran=2").getHeaders().getFirst("X-Total-Count")).isEqualTo("5");
    }

    @Test
    void badPagingIsA400ProblemNamingTheParameter() {
        for (String path : List.of("/api/keterlambatan", "/api/keterlambatan/instances")) {
            for (String[] bad : new String[][] {{"halaman=0", "halaman"}, {"halaman=-1", "halaman"}, {"halaman=dua", "halaman"},
                    {"ukuran=0", "ukuran"}, {"ukuran=501", "ukuran"}, {"ukuran=banyak", "ukuran"}}) {
                ResponseEntity<String> response = rest.withBasicAuth("sekcam.ajibarang", STAFF).getForEntity(path + "?" + bad[0], String.class);
                assertThat(response.getStatusCode()).as(path + "?" + bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
                assertThat(response.getBody()).contains("'" + bad[1] + "'");
            }
        }
    }

    private ResponseEntity<List<Map<String, Object>>> page(String user, String password, String url) {
        ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, password).exchange(url, HttpMethod.GET, null, LIST);
        assertThat(response.getStatusCode()).as(user + " " + url).isEqualTo(HttpStatus.OK);
        return response;
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
