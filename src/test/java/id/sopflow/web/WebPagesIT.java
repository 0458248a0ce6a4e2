package id.sopflow.web;

import id.sopflow.dossier.TestFiles;
import id.sopflow.organisation.AccessTestBase;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages over HTTP as the demo users with a browser session: each answers, in Bahasa Indonesia, only what the user
 * may see (another kecamatan's instance or step is "Tidak ditemukan", 404); the step page uploads, completes and sends
 * back through its forms, with the CSRF token of the page.
 */
class WebPagesIT extends AccessTestBase {

    @Autowired
    TaskService tasks;

    @Test
    void everyPageAnswersItsUsersInBahasaIndonesia() {
        Session pelaksana = login("pelaksana.arut-selatan");
        for (String page : List.of("/", "/tugas", "/tugas?filter=terlambat", "/proses", "/mulai", "/pemberitahuan")) {
            ResponseEntity<String> response = get(pelaksana, page);
            assertThat(response.getStatusCode().value()).as(page).isEqualTo(200);
            assertThat(response.getBody()).as(page).contains("<html lang=\"id\"", "Tugas Saya", "Keluar");
        }
        assertThat(get(pelaksana, "/").getBody()).contains("Tugas baru", "Mendekati tenggat", "Tugas terlambat",
                "Dikembalikan untuk perbaikan", "Pemberitahuan belum dibaca").doesNotContain("Langkah terlambat di kecamatan");
        assertThat(get(pelaksana, "/terlambat").getStatusCode().value()).isEqualTo(403);

        Session sekcam = login("sekcam.arut-selatan");
        assertThat(get(sekcam, "/").getBody()).contains("Langkah terlambat di kecamatan", "Proses berjalan");
        assertThat(get(sekcam, "/terlambat").getStatusCode().value()).isEqualTo(200);
        assertThat(noRedirects().getForEntity("/", String.class).getHeaders().getLocation()).hasPath("/login");
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.junit.jupiter.api.AfterEach
    void removeRecordedAlerts() {
        jdbc.update("delete from SOPFLOW_PERINGATAN where id like 'uji-%'");
    }

    @Test
    void terlambatShowsFiftyOfTheKecamatansOverdueStepsAPageTheMostLateFirstAndNoneOfAnotherKecamatan() {
        // exactly these overdue steps: none recorded by other tests of this Spring context
        jdbc.update("delete from SOPFLOW_PERINGATAN");
        java.time.Instant first = java.time.Instant.parse("2025-11-20T03:05:00Z");
        for (int i = 0; i < 55; i++) { // the earliest deadline is the most late; the last one is escalated too
            overdue("uji-as-" + i, "arut-selatan", i == 54 ? "grup:kasubbag" : "grup:camat", first.plusSeconds(60L * i), "TERLAMBAT");
        }
        overdue("uji-as-eskalasi", "arut-selatan", "grup:kasubbag", first.plusSeconds(60L * 54), "ESKALASI");
        for (int i = 0; i < 5; i++) {
            overdue("uji-aj-" + i, "ajibarang", "grup:camat", first, "TERLAMBAT");
        }
        Session sekcam = login("sekcam.arut-selatan");
        String one = get(sekcam, "/terlambat").getBody();
        assertThat(one).contains("55</span> langkah terlambat").doesNotContain("ajibarang", "dieskalasi ke Camat");
        assertThat(one.split("class=\"terlambat\"", -1)).hasSize(51);
        assertThat(one.indexOf("DPA-uji-as-0<")).as("the most late first").isPositive().isLessThan(one.indexOf("DPA-uji-as-1<"));
        assertThat(one).contains("href=\"/terlambat?halaman=2\"");
        String two = get(sekcam, "/terlambat?halaman=2").getBody();
        assertThat(two.split("class=\"terlambat\"", -1)).hasSize(6);
        assertThat(two).contains("DPA-uji-as-54<", "dieskalasi ke Camat").doesNotContain("DPA-uji-as-49<", "ajibarang");
        assertThat(list(get(sekcam, "/terlambat?halaman=9").getBody())).as("a page past the last shows the last").isEqualTo(list(two));
        String kasubbag = get(sekcam, "/terlambat?peran=kasubbag").getBody();
        assertThat(kasubbag).contains("1</span> langkah terlambat", "DPA-uji-as-54<", "<option value=\"kasubbag\" selected=\"selected\">kasubbag");
        assertThat(get(sekcam, "/terlambat?sop=rup").getBody()).contains("Tidak ada langkah yang terlambat.");
        assertThat(get(sekcam, "/terlambat?kecamatan=ajibarang").getStatusCode().value()).isEqualTo(404);
        assertThat(get(login("camat.ajibarang"), "/terlambat").getBody()).contains("5</span> langkah terlambat").doesNotContain("arut-selatan");
    }

    private static String list(String page) {
        return page.substring(page.indexOf("<ul class=\"daftar\">"), page.indexOf("</ul>", page.indexOf("<ul class=\"daftar\">")));
    }

    /** An overdue step as its timer records it (SOPFLOW_PERINGATAN, written only by monitoring). */
    private void overdue(String id, String kecamatan, String holder, java.time.Instant deadline, String kind) {
        String task = id.replace("-eskalasi", "-54");
        jdbc.update("insert into SOPFLOW_PERINGATAN (id, kunci, jenis, proses_instance_id, proses_key, business_key, kecamatan, langkah, "
                        + "aktivitas_id, nama_langkah, tugas_id, pemegang, waktu, mulai, tenggat, dicatat_pada, diberitahukan_ke) "
                        + "values (?, ?, ?, ?, 'dpa', ?, ?, 1, 'langkah_01', 'Langkah uji', ?, ?, '5 menit', ?, ?, ?, 'grup:sekcam')",
                id, task + ":" + kind, kind, "pi-" + id, "DPA-" + task, kecamatan, task, holder,
                java.sql.Timestamp.from(deadline.minusSeconds(300)), java.sql.Timestamp.from(deadline), java.sql.Timestamp.from(deadline));
    }

    @Test
    void eachSopIsShownAsItsTableToItsKecamatanOnly() {
        Session pelaksana = login("pelaksana.arut-selatan");
        ResponseEntity<String> list = get(pelaksana, "/sop");
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody()).contains("Daftar SOP", "/sop/arut-selatan/renja", "/sop/arut-selatan/rup").doesNotContain("/sop/ajibarang/");
        ResponseEntity<String> renja = get(pelaksana, "/sop/arut-selatan/renja");
        assertThat(renja.getStatusCode().value()).isEqualTo(200);
        assertThat(renja.getBody()).contains("Lembar identitas", "Prosedur", "Pelaksana", "Mutu baku", "Kelengkapan", "Waktu", "Output",
                "Keterangan", "melaksanakan");
        // Ajibarang's own Renstra is its own; Arut Selatan's is the shared one
        Session ajibarang = login("camat.ajibarang");
        assertThat(get(ajibarang, "/sop").getBody()).contains("SOP kecamatan sendiri", "/sop/ajibarang/renstra");
        assertThat(get(ajibarang, "/sop/ajibarang/renstra").getBody()).contains("Kecamatan Ajibarang", "Renstra");
        assertThat(get(pelaksana, "/sop/ajibarang/renstra").getStatusCode().value()).isEqualTo(404);
        assertThat(get(pelaksana, "/sop/arut-selatan/tidak-ada").getStatusCode().value()).isEqualTo(404);
        assertThat(get(pelaksana, "/sop/tidak-ada/renja").getStatusCode().value()).isEqualTo(404);
        // who sees every kecamatan reads every kecamatan's SOPs
        assertThat(get(login("staf.bappeda"), "/sop").getBody()).contains("/sop/arut-selatan/renja", "/sop/ajibarang/renstra");
        assertThat(noRedirects().getForEntity("/sop/arut-selatan/renja", String.class).getHeaders().getLocation()).hasPath("/login");
    }

    @Test
    void anotherKecamatansInstanceAndStepAreNotFound() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        Task step = tasks.createTaskQuery().processInstanceId(dpa.getId()).singleResult();
        Session arutSelatan = login("camat.arut-selatan");
        ResponseEntity<String> instance = get(arutSelatan, "/proses/" + dpa.getId());
        assertThat(instance.getStatusCode().value()).isEqualTo(404);
        assertThat(instance.getBody()).contains("Tidak ditemukan").doesNotContain("DPA", "ajibarang");
        assertThat(get(arutSelatan, "/tugas/" + step.getId()).getStatusCode().value()).isEqualTo(404);
        assertThat(get(arutSelatan, "/proses/tidak-ada").getStatusCode().value()).isEqualTo(404);

        Session ajibarang = login("camat.ajibarang");
        assertThat(get(ajibarang, "/proses/" + dpa.getId()).getBody()).contains("Penyusunan Dokumen Pelaksanaan Anggaran", "Riwayat langkah");
        assertThat(get(ajibarang, "/tugas/" + step.getId()).getBody()).contains("Langkah 1 dari 6", "Mutu baku");
    }

    @Test
    void tugasSayaAndBerandaCountAndListTheUsersRoleInTheirKecamatanAndShowOnlyWhatTheEngineLetsThemRead() {
        List<String> renja = java.util.stream.IntStream.range(0, 3).mapToObj(i -> openTask(startAs("pelaksana.arut-selatan", "renja")).getId())
                .toList();
        String ajibarang = openTask(startAs("camat.ajibarang", "dpa")).getId();
        Session pelaksana = login("pelaksana.arut-selatan");
        String list = get(pelaksana, "/tugas").getBody();
        assertThat(list).contains("<span>3</span> langkah").doesNotContain("/tugas/" + ajibarang);
        renja.forEach(id -> assertThat(list).contains("/tugas/" + id));
        assertThat(get(pelaksana, "/").getBody()).containsPattern("<span class=\"angka\">3</span>\\s*<span>Tugas baru</span>");
        Session camat = login("camat.arut-selatan");
        assertThat(get(camat, "/tugas").getBody()).doesNotContain("/tugas/" + ajibarang).doesNotContain("/tugas/" + renja.get(0));

        // the engine decides what is shown: a step whose read is taken from the role is not listed
        jdbc.update("delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = 7 and RESOURCE_ID_ = ?", renja.get(0));
        String after = get(pelaksana, "/tugas").getBody();
        assertThat(after).doesNotContain("/tugas/" + renja.get(0)).contains("/tugas/" + renja.get(1), "/tugas/" + renja.get(2));
        // the decision of StepRows.count: the number is of what the role's authorizations stand for, counted without the
        // engine's join; a read taken by hand from one step still counts there until the step ends
        assertThat(after).contains("<span>3</span> langkah");
        assertThat(get(pelaksana, "/tugas/" + renja.get(0)).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theStepPageUploadsCompletesAndSendsBack() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        tasks.complete(tasks.createTaskQuery().processInstanceId(dpa.getId()).singleResult().getId());
        tasks.complete(tasks.createTaskQuery().processInstanceId(dpa.getId()).singleResult().getId());
        String draft = tasks.createTaskQuery().processInstanceId(dpa.getId()).singleResult().getId();
        Session kasubbag = login("kasubbag.ajibarang");

        ResponseEntity<String> refused = post(kasubbag, "/tugas/" + draft, "/tugas/" + draft + "/selesai", Map.of());
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).contains("belum dapat diselesaikan", "draf dokumen pelaksanaan anggaran");

        ResponseEntity<String> uploaded = upload(kasubbag, draft, "draf dokumen pelaksanaan anggaran", "draf-dpa.pdf", TestFiles.pdf("Draf"));
        assertThat(uploaded.getStatusCode().value()).isEqualTo(302);
        assertThat(get(kasubbag, "/tugas/" + draft).getBody()).contains("tersimpan di berkas", "sudah diunggah", "draf-dpa.pdf");
        ResponseEntity<String> bad = upload(kasubbag, draft, "draf dokumen pelaksanaan anggaran", "draf.pdf", TestFiles.exe());
        assertThat(bad.getStatusCode().value()).isEqualTo(415);
        assertThat(bad.getBody()).contains("bukan jenis yang diterima");

        assertThat(post(kasubbag, "/tugas/" + draft, "/tugas/" + draft + "/selesai", Map.of()).getStatusCode().value()).isEqualTo(302);
        assertThat(get(kasubbag, "/tugas/" + draft).getBody()).contains("sudah diselesaikan oleh kasubbag.ajibarang");

        String review = tasks.createTaskQuery().processInstanceId(dpa.getId()).singleResult().getId();
        Session sekcam = login("sekcam.ajibarang");
        ResponseEntity<String> noNote = post(sekcam, "/tugas/" + review, "/tugas/" + review + "/selesai", Map.of("keputusan", "kembalikan"));
        assertThat(noNote.getStatusCode().value()).isEqualTo(400);
        assertThat(noNote.getBody()).contains("catatan");
        assertThat(post(sekcam, "/tugas/" + review, "/tugas/" + review + "/selesai", Map.of("keputusan", "kembalikan", "catatan", "Pagu belum sesuai"))
                .getStatusCode().value()).isEqualTo(302);
        Task back = tasks.createTaskQuery().processInstanceId(dpa.getId()).singleResult();
        assertThat(back.getTaskDefinitionKey()).isEqualTo("langkah_03");
        assertThat(get(kasubbag, "/tugas?filter=dikembalikan").getBody()).contains("/tugas/" + back.getId());
        assertThat(get(sekcam, "/proses/" + dpa.getId()).getBody()).contains("dikembalikan", "Pagu belum sesuai", "draf-dpa.pdf");
    }

    @Test
    void mulaiStartsWithAStartingDocumentAndAsksBeforeASecondOfTheSamePeriod() {
        Session pelaksana = login("pelaksana.arut-selatan");
        assertThat(get(pelaksana, "/mulai").getBody()).contains("Penyusunan Dokumen Rencana Kerja", "Laporan Realisasi Fisik dan Keuangan (RFK)", "Bulan (TTTT-BB)");
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("_csrf", token(pelaksana, "/mulai"));
        form.add("kode", "renja");
        form.add("periode", "2029");
        form.add("jenis", "draf dan matrik rancangan renja");
        form.add("berkas", new ByteArrayResource(TestFiles.pdf("awal")) {
            @Override
            public String getFilename() {
                return "bahan-awal.pdf";
            }
        });
        HttpHeaders headers = pelaksana.headers();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> started = noRedirects().exchange("/mulai", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(started.getStatusCode().value()).isEqualTo(302);
        String instance = started.getHeaders().getLocation().getPath().replace("/proses/", "");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey()).isEqualTo("RENJA-2029");
        assertThat(dossier.documents(instance)).singleElement().satisfies(d -> assertThat(d.fileName()).isEqualTo("bahan-awal.pdf"));

        ResponseEntity<String> again = post(pelaksana, "/mulai", "/mulai", Map.of("kode", "renja", "periode", "2029"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("Sudah ada", "RENJA-2029", "Ya, mulai lagi");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("RENJA-2029").count()).isOne();
        assertThat(post(pelaksana, "/mulai", "/mulai", Map.of("kode", "renja", "periode", "2029", "konfirmasi", "ya")).getStatusCode().value())
                .isEqualTo(302);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("RENJA-2029").count()).isEqualTo(2);
        assertThat(post(pelaksana, "/mulai", "/mulai", Map.of("kode", "renja", "periode", "dua ribu")).getBody()).contains("tidak terbaca");
    }

    @Test
    void theAdminKeepsTheCalendarAndNobodyElse() {
        assertThat(get(login("sekcam.arut-selatan"), "/kalender").getStatusCode().value()).isEqualTo(403);
        Session admin = login("admin");
        assertThat(get(admin, "/kalender?tahun=2026").getBody()).contains("Kalender 2026", "Senin, 17 Agustus 2026");
        ResponseEntity<String> added = post(admin, "/kalender?tahun=2027", "/kalender",
                Map.of("tanggal", "2027-06-21", "nama", "Hari jadi kabupaten", "jenis", "LIBUR_LOKAL", "kecamatan", "ajibarang"));
        assertThat(added.getStatusCode().value()).isEqualTo(302);
        assertThat(get(admin, "/kalender?tahun=2027").getBody()).contains("Hari jadi kabupaten", "ditambahkan untuk ajibarang");
        ResponseEntity<String> twice = post(admin, "/kalender?tahun=2027", "/kalender",
                Map.of("tanggal", "2027-06-21", "nama", "Lagi", "kecamatan", "ajibarang"));
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(post(admin, "/kalender?tahun=2027", "/kalender/hapus", Map.of("tanggal", "2027-06-21", "kecamatan", "ajibarang"))
                .getStatusCode().value()).isEqualTo(302);
        assertThat(get(admin, "/kalender?tahun=2027").getBody()).doesNotContain("Hari jadi kabupaten");
    }

    private ResponseEntity<String> upload(Session session, String taskId, String kind, String name, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("_csrf", token(session, "/tugas/" + taskId));
        form.add("jenis", kind);
        form.add("berkas", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = session.headers();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return noRedirects().exchange("/tugas/" + taskId + "/dokumen", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

}
