package id.sopflow.dossier;

import id.sopflow.organisation.AccessTestBase;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dossier through the API, as the demo users over HTTP Basic: a Renja walked from start to end carries its drafts,
 * koreksi and signed documents as versioned files; a step is refused through /engine-rest without its document; every
 * bad file is refused with a clear 4xx and nothing stored; who may not read the instance gets 404, who may read but
 * not add 403.
 */
@SuppressWarnings("unchecked")
class DossierIT extends AccessTestBase {

    private static final String PELAKSANA = "pelaksana.arut-selatan";
    private static final String DRAFT = "draf dan matrik rancangan renja";
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;

    @AfterEach
    void cleanDossier() {
        jdbc.update("delete from SOPFLOW_DOKUMEN_PERISTIWA");
        jdbc.update("delete from SOPFLOW_DOKUMEN");
        jdbc.update("delete from SOPFLOW_DOKUMEN_ISI");
    }

    @Test
    void aRenjaWalkedThroughTheApiCarriesItsDraftsKoreksiAndSignedDocuments() throws Exception {
        String renja = startRenja();
        completeAs(PELAKSANA, renja, "{}", 204); // 1 disposisi
        completeAs(PELAKSANA, renja, "{}", 204); // 2 dokumen sumber
        completeAs(PELAKSANA, renja, "{}", 204); // 3 bahan

        // 4: the draft must be in the dossier before the step is done, whichever API completes it
        ResponseEntity<String> refused = completeAs(PELAKSANA, renja, "{}", 409);
        assertThat(refused.getBody()).contains("Langkah 4").contains("'" + DRAFT + "' belum diunggah");
        byte[] draft1 = TestFiles.pdf("Draf Renja 2027 v1");
        ResponseEntity<Map<String, Object>> v1 = uploadMap(PELAKSANA, renja, DRAFT, "draf-renja-2027.pdf", draft1);
        assertThat(v1.getStatusCode().value()).isEqualTo(201);
        assertThat(v1.getHeaders().getLocation()).hasPath("/api/instances/" + renja + "/dokumen/" + v1.getBody().get("id"));
        assertThat(v1.getBody()).containsEntry("versi", 1).containsEntry("langkah", 4).containsEntry("jenisIsi", "application/pdf")
                .containsEntry("namaBerkas", "draf-renja-2027.pdf").containsEntry("ukuran", draft1.length)
                .containsEntry("sha256", sha256(draft1)).containsEntry("diunggahOleh", PELAKSANA);
        assertThat((String) v1.getBody().get("diunggahPada")).endsWith("+07:00");
        completeAs(PELAKSANA, renja, "{}", 204); // 4
        completeAs(PELAKSANA, renja, "{}", 204); // 5 hand-over to the Kasubbag

        // 6: the Kasubbag's meeting: the koreksi as a Word file
        assertThat(upload(as("kasubbag.arut-selatan"), renja, "koreksi", "koreksi-rapat.docx", TestFiles.docx("Koreksi")).getStatusCode().value())
                .isEqualTo(201);
        completeAs("kasubbag.arut-selatan", renja, "{}", 204);
        // 7: the revised draft (a second version) and the cover letter
        assertThat(upload(as(PELAKSANA), renja, DRAFT, "draf-renja-2027-v2.xlsx", TestFiles.xlsx("v2")).getStatusCode().value()).isEqualTo(201);
        completeAs(PELAKSANA, renja, "{}", 409); // the cover letter is missing
        assertThat(upload(as(PELAKSANA), renja, "surat pengantar", "surat-pengantar.pdf", TestFiles.pdf("Surat")).getStatusCode().value())
                .isEqualTo(201);
        completeAs(PELAKSANA, renja, "{}", 204); // 7
        completeAs(PELAKSANA, renja, "{}", 204); // 8 paraf
        completeAs("kasubbag.arut-selatan", renja, approval(true), 204); // 9
        completeAs("sekcam.arut-selatan", renja, approval(true), 204); // 10

        // 11: the Camat cannot approve without the signed Renja and letter
        ResponseEntity<String> unsigned = completeAs("camat.arut-selatan", renja, approval(true), 409);
        assertThat(unsigned.getBody()).contains("belum dapat disetujui").contains("'dokumen Renja yang ditandatangani'");
        assertThat(upload(as("camat.arut-selatan"), renja, "dokumen Renja yang ditandatangani", "renja-2027-ttd.pdf",
                TestFiles.pdf("Renja 2027 ditandatangani")).getStatusCode().value()).isEqualTo(201);
        assertThat(upload(as("camat.arut-selatan"), renja, "surat pengantar yang ditandatangani", "pengantar-ttd.jpg",
                TestFiles.image("jpg")).getStatusCode().value()).isEqualTo(201);
        completeAs("camat.arut-selatan", renja, approval(true), 204);
        completeAs(PELAKSANA, renja, "{}", 204); // 12 sent to Bappeda, which receives it
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(renja).count()).isOne();
        Map<String, Object> sent = getList(as("staf.bappeda"), "/api/kiriman?sop=renja&kecamatan=arut-selatan&status=terkirim").getBody()
                .stream().filter(k -> renja.equals(k.get("prosesInstanceId"))).findFirst().orElseThrow();
        assertThat(postJson(as("staf.bappeda"), "/api/kiriman/" + sent.get("id") + "/terima", "{}").getStatusCode().value()).isEqualTo(200);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(renja).count()).isZero();

        Map<String, Object> dossier = get("sekcam.arut-selatan", "/api/instances/" + renja + "/dokumen").getBody();
        assertThat((List<Object>) dossier.get("jenisDokumen")).contains(DRAFT, "koreksi", "surat pengantar");
        Map<String, Object> drafts = kind(dossier, DRAFT);
        assertThat((List<Map<String, Object>>) drafts.get("riwayat")).extracting(v -> v.get("versi"), v -> v.get("langkah"), v -> v.get("jenisIsi"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 7, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                        org.assertj.core.groups.Tuple.tuple(1, 4, "application/pdf"));
        assertThat(((Map<String, Object>) drafts.get("terbaru")).get("versi")).isEqualTo(2);
        assertThat(kind(dossier, "koreksi")).isNotNull();
        assertThat(kind(dossier, "dokumen Renja yang ditandatangani")).isNotNull();

        // the first draft, downloaded after the instance ended: the same bytes, named and typed, never sniffed
        ResponseEntity<byte[]> download = as("sekcam.arut-selatan").exchange((String) v1.getBody().get("unduh"), HttpMethod.GET, null, byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(draft1);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment").contains("draf-renja-2027.pdf");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        // the audit lists every upload and the download
        List<Map<String, Object>> audit = getList(as("sekcam.arut-selatan"), "/api/instances/" + renja + "/audit").getBody();
        assertThat(audit).filteredOn(e -> "mengunggah dokumen".equals(e.get("apa"))).hasSize(6);
        assertThat(audit).filteredOn(e -> "mengunduh dokumen".equals(e.get("apa"))).singleElement()
                .satisfies(e -> assertThat(e.get("siapa")).isEqualTo("sekcam.arut-selatan"));
    }

    @Test
    void aStepIsRefusedThroughTheEngineRestApiEvenWithTheFormSubmit() {
        String renja = startRenja();
        walkTo(renja, "langkah_04");
        Task step = openTask(renja);
        ResponseEntity<String> submit = postJson(as(PELAKSANA), "/engine-rest/task/" + step.getId() + "/submit-form", "{}");
        assertThat(submit.getStatusCode().value()).isEqualTo(409);
        assertThat(submit.getBody()).contains(DRAFT);
        assertThat(tasks.createTaskQuery().taskId(step.getId()).count()).isOne();
    }

    @Test
    void tasklistHearsTheSameRefusal() {
        String renja = startRenja();
        walkTo(renja, "langkah_04");
        Task step = openTask(renja);
        Session session = login(PELAKSANA);
        // Camunda's web apps protect their API with their own token, handed out with a page of the app
        ResponseEntity<String> page = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(session.headers()), String.class);
        String xsrf = page.getHeaders().getFirst("X-XSRF-TOKEN");
        assertThat(xsrf).as("XSRF token of the web app").isNotBlank();
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session.cookie() + "; XSRF-TOKEN=" + xsrf);
        headers.add("X-XSRF-TOKEN", xsrf);
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> submit = rest.exchange("/camunda/api/engine/engine/default/task/" + step.getId() + "/submit-form", HttpMethod.POST,
                new HttpEntity<>("{\"variables\": {}}", headers), String.class);

        assertThat(submit.getStatusCode().value()).as(submit.getBody()).isEqualTo(400);
        assertThat(submit.getBody()).contains("belum dapat diselesaikan").contains(DRAFT);
        assertThat(tasks.createTaskQuery().taskId(step.getId()).count()).isOne();
    }

    @Test
    void everyBadFileIsRefusedWithAClearMessageAndNothingIsStored() {
        String renja = startRenja();
        walkTo(renja, "langkah_04");
        TestRestTemplate pelaksana = as(PELAKSANA);
        assertRefused(upload(pelaksana, renja, DRAFT, "renja.pdf", TestFiles.exe()), 415, "bukan jenis yang diterima");
        assertRefused(upload(pelaksana, renja, DRAFT, "renja.pdf", TestFiles.html()), 415, "text/html");
        assertRefused(upload(pelaksana, renja, DRAFT, "renja.docx", TestFiles.zip()), 415, "application/zip");
        assertRefused(upload(pelaksana, renja, DRAFT, "renja.docx", TestFiles.pdf("x")), 415, "adalah PDF");
        assertRefused(upload(pelaksana, renja, DRAFT, "renja.pdf", new byte[0]), 400, "kosong");
        assertRefused(upload(pelaksana, renja, DRAFT, "../../etc/renja.pdf", TestFiles.pdf("x")), 400, "bagian jalur");
        assertRefused(upload(pelaksana, renja, DRAFT, "C:\\\\Dokumen\\\\renja.pdf", TestFiles.pdf("x")), 400, "bagian jalur");
        assertRefused(upload(pelaksana, renja, DRAFT, "renja\u202Efdp.exe", TestFiles.pdf("x")), 400, "karakter kendali");
        assertRefused(upload(pelaksana, renja, DRAFT, "renja\u0007.pdf", TestFiles.pdf("x")), 400, "karakter kendali");
        assertRefused(upload(pelaksana, renja, "foto kegiatan", "renja.pdf", TestFiles.pdf("x")), 400, "tidak dikenal SOP ini");
        assertRefused(upload(pelaksana, renja, null, "renja.pdf", TestFiles.pdf("x")), 400, "'jenis'");
        assertRefused(upload(pelaksana, renja, DRAFT, null, null), 400, "'berkas'");
        assertRefused(postJson(pelaksana, "/api/instances/" + renja + "/dokumen", "{\"jenis\": \"x\"}"), 415, "multipart/form-data");
        HttpHeaders none = new HttpHeaders();
        HttpEntity<byte[]> two = multipart(DRAFT, "a.pdf", TestFiles.pdf("a"), none);
        String body = new String(two.getBody(), java.nio.charset.StandardCharsets.ISO_8859_1);
        String boundary = two.getHeaders().getContentType().getParameter("boundary");
        String second = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"b.exe\"\r\n\r\nMZ\r\n";
        byte[] twoFiles = body.replace("--" + boundary + "--", second + "--" + boundary + "--").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertRefused(pelaksana.exchange("/api/instances/" + renja + "/dokumen", HttpMethod.POST, new HttpEntity<>(twoFiles, two.getHeaders()),
                String.class), 400, "tepat satu berkas");
        byte[] tooLarge = new byte[21 * 1024 * 1024];
        System.arraycopy(TestFiles.pdf("besar"), 0, tooLarge, 0, 100);
        assertRefused(upload(pelaksana, renja, DRAFT, "besar.pdf", tooLarge), 413, "20 MB");

        assertThat(jdbc.queryForObject("select count(*) from SOPFLOW_DOKUMEN", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from SOPFLOW_DOKUMEN_ISI", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from SOPFLOW_DOKUMEN_PERISTIWA", Long.class)).isZero();
    }

    @Test
    void aLongNameInAnyScriptIsKeptAndAnUploadMeantForAFinishedStepIsRefused() {
        String renja = startRenja();
        walkTo(renja, "langkah_04");
        String cjk = "\u4e2d".repeat(150) + ".pdf";
        ResponseEntity<Map<String, Object>> named = uploadMap(PELAKSANA, renja, DRAFT, cjk, TestFiles.pdf("x"));
        assertThat(named.getStatusCode().value()).isEqualTo(201);
        assertThat(named.getBody()).containsEntry("namaBerkas", cjk);

        String step4 = openTask(renja).getId();
        completeAs(PELAKSANA, renja, "{}", 204);
        HttpHeaders headers = new HttpHeaders();
        HttpEntity<byte[]> late = multipart(DRAFT, "telat.pdf", TestFiles.pdf("telat"), headers);
        ResponseEntity<String> refused = as(PELAKSANA).exchange("/api/instances/" + renja + "/dokumen?tugasId=" + step4, HttpMethod.POST, late,
                String.class);
        assertRefused(refused, 409, "sudah diselesaikan atau berpindah");
        assertThat(jdbc.queryForObject("select count(*) from SOPFLOW_DOKUMEN where nama_berkas = 'telat.pdf'", Long.class)).isZero();
    }

    @Test
    void whoMayNotReadTheInstanceGets404AndWhoMayReadButNotAdd403() {
        String renja = startRenja();
        walkTo(renja, "langkah_04");
        String id = (String) uploadMap(PELAKSANA, renja, DRAFT, "draf.pdf", TestFiles.pdf("draf")).getBody().get("id");
        String base = "/api/instances/" + renja;
        List<String> reads = List.of(base + "/dokumen", base + "/dokumen/" + id, base + "/dokumen/" + id + "/isi", base + "/kelengkapan");

        // Bappeda too: a draft nobody sent it is not Bappeda's to read
        for (String user : List.of("pelaksana.ajibarang", "sekcam.ajibarang", "camat.ajibarang", "kasubbag.arut-selatan", "tim.arut-selatan",
                "staf.bappeda", "kepala.bappeda")) {
            for (String url : reads) {
                assertThat(as(user).getForEntity(url, String.class).getStatusCode().value()).as(user + " " + url).isEqualTo(404);
            }
            assertThat(upload(as(user), renja, DRAFT, "x.pdf", TestFiles.pdf("x")).getStatusCode().value()).as(user).isEqualTo(404);
            assertThat(postJson(as(user), base + "/dokumen/" + id + "/tarik", "{\"alasan\": \"x\"}").getStatusCode().value()).as(user).isEqualTo(404);
        }
        for (String url : reads) {
            assertThat(rest.getForEntity(url, String.class).getStatusCode().value()).isEqualTo(401);
            assertThat(as(PELAKSANA).getForEntity(url, String.class).getStatusCode().value()).as("pemegang " + url).isEqualTo(200);
            assertThat(as("sekcam.arut-selatan").getForEntity(url, String.class).getStatusCode().value()).as("sekcam " + url).isEqualTo(200);
        }
        // the Sekcam takes the step over: the pelaksana still reads the dossier but no longer adds to it
        tasks.setAssignee(openTask(renja).getId(), "sekcam.arut-selatan");
        assertThat(as(PELAKSANA).getForEntity(base + "/dokumen", String.class).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> former = upload(as(PELAKSANA), renja, DRAFT, "x.pdf", TestFiles.pdf("x"));
        assertThat(former.getStatusCode().value()).isEqualTo(403);
        assertThat(former.getBody()).contains("pemegang langkah");
        // the Sekcam and the Camat of the kecamatan add to it at any step
        assertThat(upload(as("sekcam.arut-selatan"), renja, DRAFT, "draf-sekcam.pdf", TestFiles.pdf("x")).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aMistakenUploadIsWithdrawnWithItsReasonAndKeptButADocumentOfAFinishedStepStays() {
        String renja = startRenja();
        walkTo(renja, "langkah_04");
        byte[] wrong = TestFiles.pdf("salah");
        String id = (String) uploadMap(PELAKSANA, renja, DRAFT, "salah.pdf", wrong).getBody().get("id");
        String tarik = "/api/instances/" + renja + "/dokumen/" + id + "/tarik";

        assertRefused(postJson(as(PELAKSANA), tarik, "{}"), 400, "'alasan'");
        ResponseEntity<Map<String, Object>> withdrawn = as(PELAKSANA).exchange(tarik, HttpMethod.POST, json("{\"alasan\": \"berkas tertukar\"}"), MAP);
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        assertThat((Map<String, Object>) withdrawn.getBody().get("ditarik")).containsEntry("oleh", PELAKSANA).containsEntry("alasan", "berkas tertukar");
        assertRefused(postJson(as(PELAKSANA), tarik, "{\"alasan\": \"lagi\"}"), 409, "sudah ditarik");
        // the bytes stay, and a withdrawn draft does not complete the step
        assertThat(as(PELAKSANA).getForEntity("/api/instances/" + renja + "/dokumen/" + id + "/isi", byte[].class).getBody()).isEqualTo(wrong);
        completeAs(PELAKSANA, renja, "{}", 409);

        String good = (String) uploadMap(PELAKSANA, renja, DRAFT, "draf.pdf", TestFiles.pdf("draf")).getBody().get("id");
        completeAs(PELAKSANA, renja, "{}", 204);
        assertRefused(postJson(as("sekcam.arut-selatan"), "/api/instances/" + renja + "/dokumen/" + good + "/tarik", "{\"alasan\": \"x\"}"),
                409, "sudah selesai");

        Map<String, Object> checklist = get(PELAKSANA, "/api/instances/" + renja + "/kelengkapan").getBody();
        Map<String, Object> step5 = ((List<Map<String, Object>>) checklist.get("langkah")).get(4);
        assertThat(step5).containsEntry("langkah", 5).containsEntry("berjalan", true);
        assertThat((List<Map<String, Object>>) step5.get("kelengkapan")).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("nama", DRAFT).containsEntry("berkas", true).containsEntry("wajib", true).containsEntry("ada", true)
                .containsEntry("dokumenId", good));
        List<Map<String, Object>> audit = getList(as("sekcam.arut-selatan"), "/api/instances/" + renja + "/audit").getBody();
        assertThat(audit).filteredOn(e -> "menarik dokumen".equals(e.get("apa"))).singleElement()
                .satisfies(e -> assertThat((String) e.get("catatan")).contains("salah.pdf").contains("berkas tertukar"));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private String startRenja() {
        ResponseEntity<Map<String, Object>> started = as(PELAKSANA).exchange("/api/sop/renja/mulai", HttpMethod.POST,
                json("{\"businessKey\": \"RENJA-UJI\"}"), MAP);
        assertThat(started.getStatusCode().value()).isEqualTo(201);
        return (String) started.getBody().get("id");
    }

    /** Completes the open step of an instance as {@code user} through /engine-rest, expecting {@code status}. */
    private ResponseEntity<String> completeAs(String user, String instanceId, String body, int status) {
        Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        ResponseEntity<String> response = postJson(as(user), "/engine-rest/task/" + task.getId() + "/complete", body);
        assertThat(response.getStatusCode().value()).as(task.getTaskDefinitionKey() + ": " + response.getBody()).isEqualTo(status);
        return response;
    }

    /** Walks the Renja to a step through the engine, each earlier step with its documents. */
    private void walkTo(String instanceId, String stepId) {
        for (Task task = openTask(instanceId); !task.getTaskDefinitionKey().equals(stepId); task = openTask(instanceId)) {
            provideDocuments(task);
            tasks.complete(task.getId(), task.getTaskDefinitionKey().matches("langkah_(09|10|11)") ? Map.of("disetujui", true) : Map.of());
        }
    }

    private ResponseEntity<Map<String, Object>> uploadMap(String user, String instanceId, String kind, String name, byte[] content) {
        return as(user).exchange("/api/instances/" + instanceId + "/dokumen", HttpMethod.POST, multipart(kind, name, content, new HttpHeaders()), MAP);
    }

    private ResponseEntity<Map<String, Object>> get(String user, String url) {
        return as(user).exchange(url, HttpMethod.GET, null, MAP);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String approval(boolean approved) {
        return "{\"variables\": {\"disetujui\": {\"value\": " + approved + ", \"type\": \"Boolean\"}}}";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kind(Map<String, Object> dossier, String kind) {
        return ((List<Map<String, Object>>) dossier.get("dokumen")).stream().filter(k -> kind.equals(k.get("jenis"))).findFirst().orElse(null);
    }

    private static void assertRefused(ResponseEntity<String> response, int status, String message) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains(message);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
