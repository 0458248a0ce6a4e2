package id.sopflow.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sopflow.organisation.AccessTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error of {@code /api} is an RFC 9457 problem detail ({@code application/problem+json}) with the status, its
 * title, a detail in Bahasa Indonesia and the path, and without internals: for an endpoint of each package (calendar,
 * monitoring, organisation, sop) a bad parameter, an unknown thing, a forbidden act, a missing or unreadable body, and
 * for an unknown path.
 */
class ProblemDetailIT extends AccessTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Spring's and the JDK's own English messages, which must not reach a person. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "java.", "org.springframework", "Required ",
            "Failed to", "No static resource", "not supported", "trace");

    // --- calendar --------------------------------------------------------------------------------------------------

    @Test
    void calendar() {
        TestRestTemplate admin = as("admin");
        assertProblem(admin.getForEntity("/api/kalender/libur?tahun=dua-ribu", String.class), 400, "/api/kalender/libur",
                "Parameter 'tahun' tidak valid: 'dua-ribu'; harus bilangan bulat");
        assertProblem(admin.getForEntity("/api/kalender/libur", String.class), 400, "/api/kalender/libur",
                "Parameter 'tahun' wajib diisi");
        assertProblem(admin.getForEntity("/api/kalender/tenggat?mulai=2026-11-23T10:00&waktu=sebentar", String.class), 400,
                "/api/kalender/tenggat", "Waktu \"sebentar\" tidak terbaca");
        assertProblem(admin.exchange("/api/kalender/libur/2031-02-30", HttpMethod.DELETE, null, String.class), 400,
                "/api/kalender/libur/2031-02-30", "Bagian alamat 'tanggal' tidak valid: '2031-02-30'; harus tanggal YYYY-MM-DD");
        assertProblem(admin.exchange("/api/kalender/libur/2031-01-02", HttpMethod.DELETE, null, String.class), 404,
                "/api/kalender/libur/2031-01-02", "tidak ada hari libur tambahan pada 2031-01-02");
        assertProblem(post(as("sekcam.ajibarang"), "/api/kalender/libur", "{\"tanggal\": \"2031-01-02\", \"nama\": \"Libur buatan\"}"),
                403, "/api/kalender/libur", "Tidak berwenang");
        assertProblem(post(admin, "/api/kalender/libur", ""), 400, "/api/kalender/libur", "Isi permintaan kosong");
        assertProblem(post(admin, "/api/kalender/libur", "{\"tanggal\": \"2031-01-0"), 400, "/api/kalender/libur", "bukan JSON yang sah");
        assertProblem(post(admin, "/api/kalender/libur", "{\"tanggal\": \"2031-13-01\", \"nama\": \"x\"}"), 400, "/api/kalender/libur",
                "Isian 'tanggal' tidak valid; harus tanggal YYYY-MM-DD");
        assertProblem(post(admin, "/api/kalender/libur", "{\"tanggal\": \"2031-01-02\"}"), 400, "/api/kalender/libur",
                "isian 'nama' wajib diisi");
    }

    @Test
    void calendarConflict() {
        TestRestTemplate admin = as("admin");
        String day = "{\"tanggal\": \"2031-01-02\", \"nama\": \"Hari jadi kabupaten\", \"kecamatan\": \"ajibarang\"}";
        try {
            ResponseEntity<String> added = post(admin, "/api/kalender/libur", day);
            assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(added.getHeaders().getLocation()).hasToString("/api/kalender/libur/2031-01-02?kecamatan=ajibarang");
            JsonNode created = read(added);
            assertThat(created.get("tanggal").asText()).isEqualTo("2031-01-02");
            assertThat(created.get("kecamatan").asText()).isEqualTo("ajibarang");
            assertThat(created.get("ditambahkan").asBoolean()).isTrue();
            assertProblem(post(admin, "/api/kalender/libur", day), 409, "/api/kalender/libur",
                    "tanggal 2031-01-02 sudah ditambahkan untuk ajibarang");
        } finally {
            admin.delete("/api/kalender/libur/2031-01-02?kecamatan=ajibarang");
        }
    }

    // --- monitoring ------------------------------------------------------------------------------------------------

    @Test
    void monitoring() {
        TestRestTemplate sekcam = as("sekcam.ajibarang");
        assertProblem(sekcam.getForEntity("/api/keterlambatan?status=entah", String.class), 400, "/api/keterlambatan",
                "status 'entah' tidak dikenal; gunakan terbuka atau semua");
        assertProblem(sekcam.getForEntity("/api/pemberitahuan?belumDibaca=mungkin", String.class), 400, "/api/pemberitahuan",
                "Parameter 'belumDibaca' tidak valid: 'mungkin'; harus true atau false");
        assertProblem(sekcam.getForEntity("/api/keterlambatan?kecamatan=arut-selatan", String.class), 404, "/api/keterlambatan",
                "kecamatan 'arut-selatan' tidak ditemukan");
        assertProblem(sekcam.postForEntity("/api/pemberitahuan/tidak-ada/dibaca", null, String.class), 404,
                "/api/pemberitahuan/tidak-ada/dibaca", "pemberitahuan 'tidak-ada' tidak ditemukan");
        // a browser session that changes something without its CSRF token
        Session browser = login("sekcam.ajibarang");
        assertProblem(rest.exchange("/api/pemberitahuan/tidak-ada/dibaca", HttpMethod.POST, new HttpEntity<>(browser.headers()), String.class),
                403, "/api/pemberitahuan/tidak-ada/dibaca", "Token CSRF tidak ada atau tidak cocok");
        ResponseEntity<String> delete = sekcam.exchange("/api/keterlambatan", HttpMethod.DELETE, null, String.class);
        assertProblem(delete, 405, "/api/keterlambatan", "Metode DELETE tidak didukung di alamat ini; gunakan GET");
        assertThat(delete.getHeaders().getAllow()).containsExactly(HttpMethod.GET);
    }

    // --- organisation ----------------------------------------------------------------------------------------------

    @Test
    void organisation() {
        assertProblem(as("camat.ajibarang").getForEntity("/api/instances/tidak-ada/audit", String.class), 404,
                "/api/instances/tidak-ada/audit", "Instance SOP 'tidak-ada' tidak ditemukan");
        String otherKecamatan = "/api/instances/" + startAs("pelaksana.ajibarang", "lakip").getId() + "/audit";
        assertProblem(as("camat.arut-selatan").getForEntity(otherKecamatan, String.class), 404, otherKecamatan, "tidak ditemukan");
        assertProblem(post(as("camat.ajibarang"), "/api/saya", "{}"), 405, "/api/saya", "Metode POST tidak didukung");

        ResponseEntity<String> anonymous = rest.getForEntity("/api/saya", String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode body = read(anonymous);
        assertThat(body.get("type").asText()).isEqualTo("about:blank");
        assertThat(body.get("title").asText()).isEqualTo("Unauthorized");
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("detail").asText()).contains("Belum masuk");
    }

    // --- sop -------------------------------------------------------------------------------------------------------

    @Test
    void sop() {
        assertProblem(post(as("admin"), "/api/sop/lakip/mulai", "{}"), 400, "/api/sop/lakip/mulai",
                "sebutkan 'kecamatan'");
        assertProblem(post(as("staf.bappeda"), "/api/sop/lakip/mulai", "{}"), 403, "/api/sop/lakip/mulai", "Tidak berwenang");
        assertProblem(post(as("pelaksana.arut-selatan"), "/api/sop/lakip/mulai", "{\"businessKey\": \"" + "B".repeat(300) + "\"}"),
                400, "/api/sop/lakip/mulai", "business key");
        assertProblem(post(as("pelaksana.arut-selatan"), "/api/sop/tidak-ada/mulai", "{}"), 404, "/api/sop/tidak-ada/mulai",
                "SOP 'tidak-ada' tidak ada");
        assertProblem(post(as("pelaksana.arut-selatan"), "/api/sop/renstra/mulai", "{\"kecamatan\": \"ajibarang\"}"), 403,
                "/api/sop/renstra/mulai", "Tidak berwenang");
        assertProblem(post(as("pelaksana.arut-selatan"), "/api/sop/lakip/mulai", "{\"businessKey\":"), 400, "/api/sop/lakip/mulai",
                "bukan JSON yang sah");
        assertProblem(post(as("pelaksana.arut-selatan"), "/api/sop/lakip/mulai", "{\"businessKey\": {\"a\": 1}}"), 400,
                "/api/sop/lakip/mulai", "Isian 'businessKey' tidak valid; harus teks");
        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.TEXT_PLAIN);
        assertProblem(as("pelaksana.arut-selatan").exchange("/api/sop/lakip/mulai", HttpMethod.POST, new HttpEntity<>("LAKIP", text),
                String.class), 415, "/api/sop/lakip/mulai", "Jenis isi 'text/plain;charset=UTF-8' tidak didukung; kirim isi permintaan sebagai application/json");
        assertThat(runtimeService.createProcessInstanceQuery().count()).as("nothing started").isZero();
    }

    // --- unknown paths ---------------------------------------------------------------------------------------------

    @Test
    void unknownPathsUnderApi() {
        for (String path : List.of("/api/tidak-ada", "/api/sop/lakip/tidak-ada", "/api")) {
            assertProblem(as("camat.ajibarang").getForEntity(path, String.class), 404, path, "Alamat ini tidak ada di API SOPflow");
        }
    }

    @Test
    void pagesOutsideTheApiKeepSpringsOwnErrors() {
        ResponseEntity<String> page = as("camat.ajibarang").getForEntity("/tidak-ada", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(404);
        assertThat(page.getHeaders().getContentType()).isNotEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static ResponseEntity<String> post(TestRestTemplate client, String url, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(url, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String path, String detail) {
        String what = response.getStatusCode() + " " + response.getBody();
        assertThat(response.getStatusCode().value()).as(what).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode body = read(response);
        assertThat(body.get("type").asText()).as(what).isEqualTo("about:blank");
        assertThat(body.get("title").asText()).as(what).isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
        assertThat(body.get("status").asInt()).as(what).isEqualTo(status);
        assertThat(body.get("instance").asText()).as(what).isEqualTo(path);
        assertThat(body.get("detail").asText()).as(what).isNotBlank().contains(detail);
        assertThat(response.getBody()).as(what).doesNotContain(INTERNALS);
    }

    private static JsonNode read(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("bukan JSON: " + response.getBody(), e);
        }
    }
}
