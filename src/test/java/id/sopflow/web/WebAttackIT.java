package id.sopflow.web;

import id.sopflow.dossier.TestFiles;
import id.sopflow.organisation.AccessTestBase;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.net.URI;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The staff web app attacked and misused (written by a review; each of its findings was fixed): bad parameters are 4xx,
 * never 500; a step one may not see answers like an unknown one, also to claim and release; a finished step is told only
 * to who may know it; a claimed step is completed by its holder; Mulai refuses impossible months and warns before a
 * second report of the scheduled kind; nothing a user sends is rendered unescaped. Soft assertions: one run lists every
 * broken promise of a test.
 */
class WebAttackIT extends AccessTestBase {

    private static final String XSS_NAME = "<img src=x onerror=alert(1)>.pdf";
    private static final String XSS_NOTE = "<script>alert('catatan')</script>";

    @Autowired
    TaskService tasks;

    // --- 1. bad parameters: 400 (or a clamped page), never 500 -------------------------------------------------

    @Test
    void pagingAndFilterParametersNeverGiveA500() {
        SoftAssertions soft = new SoftAssertions();
        Session pelaksana = login("pelaksana.arut-selatan");
        status(soft, pelaksana, "/tugas?halaman=-1", 200);
        status(soft, pelaksana, "/tugas?halaman=2147483647", 200);
        status(soft, pelaksana, "/tugas?halaman=abc", 400);
        status(soft, pelaksana, "/tugas?halaman=99999999999", 400);
        status(soft, pelaksana, "/tugas?filter=%3Cscript%3Ex", 200);
        status(soft, pelaksana, "/proses?halaman=abc", 400);
        status(soft, pelaksana, "/proses?halaman=-5", 200);
        Session sekcam = login("sekcam.arut-selatan");
        status(soft, sekcam, "/terlambat?halaman=x", 400);
        status(soft, sekcam, "/terlambat?kecamatan=ajibarang", 404);
        ResponseEntity<String> sop = getRaw(sekcam, "/terlambat?sop=%3Cscript%3Ealert(1)%3C/script%3E&peran=%22%3E%3Csvg%3E");
        soft.assertThat(sop.getStatusCode().value()).as("/terlambat?sop=<script>").isEqualTo(200);
        soft.assertThat(sop.getBody()).as("/terlambat echoes its filters escaped").doesNotContain("<script>alert(1)", "\"><svg>");
        Session admin = login("admin");
        status(soft, admin, "/kalender?tahun=abc", 400);
        for (String year : new String[] {"99999", "-5", "0", "1000000000", "2147483647"}) {
            int code = getRaw(admin, "/kalender?tahun=" + year).getStatusCode().value();
            soft.assertThat(code).as("GET /kalender?tahun=" + year + " (200 or 400, never 500)").isIn(200, 400);
        }
        soft.assertAll();
    }

    @Test
    void theCalendarRefusesBadDatesWithoutA500() {
        SoftAssertions soft = new SoftAssertions();
        Session admin = login("admin");
        postStatus(soft, admin, "/kalender", "/kalender", Map.of("tanggal", "2027-02-30", "nama", "x"), 400);
        postStatus(soft, admin, "/kalender", "/kalender", Map.of("tanggal", "", "nama", "x"), 400);
        postStatus(soft, admin, "/kalender", "/kalender", Map.of("tanggal", "2027-03-01", "nama", "x", "jenis", "BUKAN"), 400);
        postStatus(soft, admin, "/kalender", "/kalender", Map.of("tanggal", "2027-03-02", "nama", "x", "kecamatan", "tidak-ada"), 400);
        postStatus(soft, admin, "/kalender", "/kalender", Map.of("tanggal", "2027-03-03", "nama", "x".repeat(10_000)), 400);
        postStatus(soft, admin, "/kalender", "/kalender", Map.of("tanggal", "2027-03-04", "nama", " "), 400);
        int far = post(admin, "/kalender", "/kalender", Map.of("tanggal", "+99999-01-01", "nama", "jauh")).getStatusCode().value();
        soft.assertThat(far).as("POST /kalender tanggal=+99999-01-01 (400 or 302, never 500)").isIn(302, 400);
        // a year outside the calendar's range: the refusal page itself reads that year's calendar
        postStatus(soft, admin, "/kalender", "/kalender", Map.of("tanggal", "1999-12-31", "nama", "x"), 400);
        // removing: the date is parsed without a guard
        postStatus(soft, admin, "/kalender", "/kalender/hapus", Map.of("tanggal", "bukan-tanggal"), 400);
        postStatus(soft, admin, "/kalender", "/kalender/hapus", Map.of("tanggal", "2027-02-30"), 400);
        // a name with markup is shown as text
        post(admin, "/kalender", "/kalender", Map.of("tanggal", "2027-05-05", "nama", XSS_NOTE));
        soft.assertThat(getRaw(admin, "/kalender?tahun=2027").getBody()).as("kalender escapes the name").doesNotContain(XSS_NOTE);
        post(admin, "/kalender", "/kalender/hapus", Map.of("tanggal", "2027-05-05"));
        if (far == 302) {
            post(admin, "/kalender", "/kalender/hapus", Map.of("tanggal", "+99999-01-01"));
        }
        soft.assertAll();
    }

    // --- 2. Mulai ------------------------------------------------------------------------------------------------

    @Test
    void mulaiRefusesWhatItCannotStartWithoutA500() {
        SoftAssertions soft = new SoftAssertions();
        Session pelaksana = login("pelaksana.arut-selatan");
        // an SOP that does not exist (or a hand-edited form)
        postStatus(soft, pelaksana, "/mulai", "/mulai", Map.of("kode", "tidak-ada", "periode", "2027"), 404);
        postStatus(soft, pelaksana, "/mulai", "/mulai", Map.of("periode", "2027"), 400);
        // odd periods
        for (String period : new String[] {"2027/../x", "9".repeat(5000), "\uFF12\uFF10\uFF12\uFF17", "\u0662\u0660\u0662\u0667", " "}) {
            int code = post(pelaksana, "/mulai", "/mulai", Map.of("kode", "renja", "periode", period)).getStatusCode().value();
            soft.assertThat(code).as("POST /mulai renja periode=" + abbreviate(period)).isEqualTo(400);
        }
        // a month that is none
        for (String month : new String[] {"2026-13", "2026-00"}) {
            int code = post(pelaksana, "/mulai", "/mulai", Map.of("kode", "rfk-teppa", "periode", month)).getStatusCode().value();
            soft.assertThat(code).as("POST /mulai rfk-teppa periode=" + month).isEqualTo(400);
            soft.assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("RFK-TEPPA-" + month).count())
                    .as("no instance RFK-TEPPA-" + month).isZero();
        }
        // Bappeda and the admin belong to no single kecamatan: README says such a start is refused with 403
        Session bappeda = login("staf.bappeda");
        postStatus(soft, bappeda, "/mulai", "/mulai", Map.of("kode", "renja", "periode", "2027"), 403);
        Session admin = login("admin");
        postStatus(soft, admin, "/mulai", "/mulai", Map.of("kode", "renja", "periode", "2027"), 403);
        soft.assertAll();
    }

    @Test
    void mulaiStartsForTheUsersOwnKecamatanWhateverTheFormSays() {
        Session pelaksana = login("pelaksana.arut-selatan");
        ResponseEntity<String> started = post(pelaksana, "/mulai", "/mulai",
                Map.of("kode", "renja", "periode", "2031", "kecamatan", "ajibarang", "tenantId", "ajibarang"));
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(started.getStatusCode().value()).isEqualTo(302);
        String id = started.getHeaders().getLocation().getPath().replace("/proses/", "");
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
        soft.assertThat(instance.getTenantId()).isEqualTo("arut-selatan");
        soft.assertThat(runtimeService.getVariable(id, "kecamatan")).isEqualTo("arut-selatan");
        soft.assertAll();
    }

    /**
     * The monthly schedule starts RFK/TEPPA under RFK-TEPPA-kecamatan-yyyy-MM, Mulai under RFK-TEPPA-yyyy-MM: Mulai does not see
     * the month's scheduled report and starts a second one without asking.
     */
    @Test
    void mulaiAsksBeforeASecondReportOfAMonthTheScheduleAlreadyStarted() {
        YearMonth month = YearMonth.of(2031, 3);
        id.sopflow.sop.SopStart.forKecamatan(processEngine(), "rfk-teppa", "arut-selatan")
                .businessKey("RFK-TEPPA-arut-selatan-" + month)
                .setVariable("periode", month.toString())
                .execute();
        Session pelaksana = login("pelaksana.arut-selatan");
        ResponseEntity<String> second = post(pelaksana, "/mulai", "/mulai", Map.of("kode", "rfk-teppa", "periode", month.toString()));
        org.assertj.core.api.Assertions.assertThat(second.getStatusCode().value()).as("POST /mulai rfk-teppa " + month
                + " while the schedule's RFK-TEPPA-arut-selatan-" + month + " runs").isEqualTo(409);
    }

    /** A report started from Mulai for a month is due before the 4th of that month, not of the month it was started in. */
    @Test
    void aReportStartedForAMonthIsDueInThatMonth() {
        Session pelaksana = login("pelaksana.arut-selatan");
        ResponseEntity<String> started = post(pelaksana, "/mulai", "/mulai", Map.of("kode", "rfk-teppa", "periode", "2031-06"));
        org.assertj.core.api.Assertions.assertThat(started.getStatusCode().value()).isEqualTo(302);
        String id = started.getHeaders().getLocation().getPath().replace("/proses/", "");
        Date due = (Date) runtimeService.getVariable(id, "tenggatLaporan");
        org.assertj.core.api.Assertions.assertThat(YearMonth.from(due.toInstant().atZone(ZoneId.of("Asia/Jakarta"))))
                .as("tenggatLaporan of RFK-TEPPA-2031-06 (" + due + ")").isEqualTo(YearMonth.of(2031, 6));
    }

    // --- 3. CSRF ----------------------------------------------------------------------------------------------

    @Test
    void everyChangeNeedsTheToken() {
        ProcessInstance renja = startAs("pelaksana.arut-selatan", "renja");
        Task step = openTask(renja);
        Session pelaksana = login("pelaksana.arut-selatan");
        SoftAssertions soft = new SoftAssertions();
        HttpHeaders htmx = pelaksana.headers();
        htmx.add("HX-Request", "true");
        htmx.add("HX-Boosted", "true");
        htmx.add("HX-Current-URL", "http://localhost/tugas/" + step.getId());
        htmx.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (String action : new String[] {"/tugas/" + step.getId() + "/klaim", "/tugas/" + step.getId() + "/selesai", "/mulai",
                "/pemberitahuan/x/dibaca"}) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("kode", "renja");
            form.add("periode", "2032");
            int plain = noRedirects().exchange(action, HttpMethod.POST, new HttpEntity<>(form, htmx), String.class).getStatusCode().value();
            soft.assertThat(plain).as("POST " + action + " with htmx headers, no token").isEqualTo(403);
            form.add("_csrf", "salah");
            int wrong = noRedirects().exchange(action, HttpMethod.POST, new HttpEntity<>(form, htmx), String.class).getStatusCode().value();
            soft.assertThat(wrong).as("POST " + action + " with a wrong token").isEqualTo(403);
        }
        soft.assertThat(tasks.createTaskQuery().taskId(step.getId()).singleResult().getAssignee()).as("not claimed").isNull();
        soft.assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("RENJA-2032").count()).isZero();
        // a GET does not act
        soft.assertThat(getRaw(pelaksana, "/tugas/" + step.getId() + "/klaim").getStatusCode().value()).as("GET .../klaim").isEqualTo(405);
        soft.assertThat(tasks.createTaskQuery().taskId(step.getId()).singleResult().getAssignee()).as("not claimed by GET").isNull();
        soft.assertAll();
    }

    // --- 4. IDOR --------------------------------------------------------------------------------------------------

    @Test
    void anotherKecamatansStepCannotBeTouchedAndAnswersAsAnUnknownOne() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        Task step = openTask(dpa);
        Session camat = login("camat.arut-selatan");
        SoftAssertions soft = new SoftAssertions();
        for (String act : new String[] {"klaim", "lepas", "selesai"}) {
            ResponseEntity<String> foreign = post(camat, "/tugas", "/tugas/" + step.getId() + "/" + act, Map.of());
            ResponseEntity<String> unknown = post(camat, "/tugas", "/tugas/tidak-ada/" + act, Map.of());
            soft.assertThat(describe(foreign)).as("POST /tugas/{ajibarang step}/" + act + " answers as for an unknown id")
                    .isEqualTo(describe(unknown));
        }
        ResponseEntity<String> up = uploadRaw(camat, "/tugas", step.getId(), "Surat Permintaan Dokumen Pelaksanaan Anggaran", "a.pdf",
                TestFiles.pdf("x"));
        soft.assertThat(up.getStatusCode().value()).as("upload to ajibarang's step").isEqualTo(404);
        soft.assertThat(up.getBody()).doesNotContain("Dokumen Pelaksanaan Anggaran");
        Task now = tasks.createTaskQuery().taskId(step.getId()).singleResult();
        soft.assertThat(now).isNotNull();
        soft.assertThat(now.getAssignee()).isNull();
        soft.assertThat(dossier.documents(dpa.getId()).size()).isZero();
        soft.assertAll();
    }

    @Test
    void aStepOfAnotherRoleInTheKecamatan() {
        ProcessInstance renja = startAs("pelaksana.arut-selatan", "renja");
        Task step = openTask(renja);
        SoftAssertions soft = new SoftAssertions();
        // the Kasubbag does not see the Pelaksana's open step: acting on it should answer as for an unknown id (no existence leak)
        Session kasubbag = login("kasubbag.arut-selatan");
        soft.assertThat(getRaw(kasubbag, "/tugas/" + step.getId()).getStatusCode().value()).as("kasubbag GET pelaksana's step").isEqualTo(404);
        soft.assertThat(describe(post(kasubbag, "/tugas", "/tugas/" + step.getId() + "/klaim", Map.of())))
                .as("kasubbag claims the pelaksana's step (unseen) = as for an unknown id")
                .isEqualTo(describe(post(kasubbag, "/tugas", "/tugas/tidak-ada/klaim", Map.of())));
        soft.assertThat(getRaw(kasubbag, "/proses/" + renja.getId()).getStatusCode().value()).as("kasubbag GET /proses of pelaksana's instance")
                .isEqualTo(404);
        // the Sekcam sees it but may not act on it: 403 and nothing changes
        Session sekcam = login("sekcam.arut-selatan");
        postStatus(soft, sekcam, "/tugas/" + step.getId(), "/tugas/" + step.getId() + "/klaim", Map.of(), 403);
        postStatus(soft, sekcam, "/tugas/" + step.getId(), "/tugas/" + step.getId() + "/selesai", Map.of(), 403);
        // the Pelaksana claims; the Sekcam may not release the Pelaksana's claim
        Session pelaksana = login("pelaksana.arut-selatan");
        postStatus(soft, pelaksana, "/tugas/" + step.getId(), "/tugas/" + step.getId() + "/klaim", Map.of(), 302);
        postStatus(soft, sekcam, "/tugas/" + step.getId(), "/tugas/" + step.getId() + "/lepas", Map.of(), 403);
        soft.assertThat(tasks.createTaskQuery().taskId(step.getId()).singleResult().getAssignee()).isEqualTo("pelaksana.arut-selatan");
        // a careless double click on "Lepas klaim": the second finds the step released already; a message, not a 403 page
        postStatus(soft, pelaksana, "/tugas/" + step.getId(), "/tugas/" + step.getId() + "/lepas", Map.of(), 302);
        ResponseEntity<String> again = post(pelaksana, "/tugas/" + step.getId(), "/tugas/" + step.getId() + "/lepas", Map.of());
        soft.assertThat(again.getStatusCode().value()).as("second 'Lepas klaim' of an already released step").isEqualTo(302);
        // the pelaksana's own instance page, which the Proses berjalan list links
        soft.assertThat(getRaw(pelaksana, "/proses").getBody()).contains("/proses/" + renja.getId());
        soft.assertThat(getRaw(pelaksana, "/proses/" + renja.getId()).getStatusCode().value()).as("pelaksana opens the instance /proses lists")
                .isEqualTo(200);
        // another kecamatan's pelaksana
        soft.assertThat(getRaw(login("pelaksana.ajibarang"), "/proses/" + renja.getId()).getStatusCode().value()).isEqualTo(404);
        soft.assertAll();
    }

    @Test
    void aFinishedStepIsOnlyShownToThoseWhoMaySeeIt() {
        ProcessInstance renja = startAs("pelaksana.arut-selatan", "renja");
        Task step = openTask(renja);
        Session pelaksana = login("pelaksana.arut-selatan");
        org.assertj.core.api.Assertions.assertThat(post(pelaksana, "/tugas/" + step.getId(), "/tugas/" + step.getId() + "/selesai", Map.of())
                .getStatusCode().value()).isEqualTo(302);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(getRaw(pelaksana, "/tugas/" + step.getId()).getBody()).contains("sudah diselesaikan");
        ResponseEntity<String> otherKecamatan = getRaw(login("pelaksana.ajibarang"), "/tugas/" + step.getId());
        soft.assertThat(otherKecamatan.getStatusCode().value()).isEqualTo(404);
        // the Kasubbag reads neither the Pelaksana's steps nor the instance (README: "the open steps of their own role")
        ResponseEntity<String> kasubbag = getRaw(login("kasubbag.arut-selatan"), "/tugas/" + step.getId());
        soft.assertThat(kasubbag.getStatusCode().value()).as("kasubbag GET a finished pelaksana step").isEqualTo(404);
        soft.assertThat(kasubbag.getBody()).as("kasubbag learns who finished what").doesNotContain("pelaksana.arut-selatan pada");
        soft.assertAll();
    }

    /** A claimed step is the claimer's: a colleague of the same role may not complete it behind their back. */
    @Test
    void aColleagueCannotFinishAStepClaimedByAnother() {
        String colleague = "pelaksana2.arut-selatan";
        org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
        org.camunda.bpm.engine.identity.User user = identity.newUser(colleague);
        user.setFirstName("Rekan");
        user.setLastName("Pelaksana");
        user.setPassword("Uji-Staf-Rahasia-2026");
        identity.saveUser(user);
        identity.createMembership(colleague, "pelaksana");
        identity.createTenantUserMembership("arut-selatan", colleague);
        try {
            ProcessInstance renja = startAs("pelaksana.arut-selatan", "renja");
            Task step = openTask(renja);
            Session holder = login("pelaksana.arut-selatan");
            org.assertj.core.api.Assertions.assertThat(post(holder, "/tugas/" + step.getId(), "/tugas/" + step.getId() + "/klaim", Map.of())
                    .getStatusCode().value()).isEqualTo(302);
            Session other = login(colleague);
            SoftAssertions soft = new SoftAssertions();
            String page = getRaw(other, "/tugas/" + step.getId()).getBody();
            soft.assertThat(page).as("the colleague's step page").contains("pelaksana.arut-selatan");
            ResponseEntity<String> done = post(other, "/tugas/" + step.getId(), "/tugas/" + step.getId() + "/selesai", Map.of());
            soft.assertThat(done.getStatusCode().value()).as("colleague completes a step claimed by pelaksana.arut-selatan").isEqualTo(403);
            soft.assertThat(tasks.createTaskQuery().taskId(step.getId()).count()).as("the claimed step is still open").isOne();
            soft.assertAll();
        } finally {
            identity.deleteTenantUserMembership("arut-selatan", colleague);
            identity.deleteMembership(colleague, "pelaksana");
            identity.deleteUser(colleague);
        }
    }

    @Test
    void someoneElsesNotificationCannotBeMarkedRead() {
        Session pelaksana = login("pelaksana.arut-selatan");
        SoftAssertions soft = new SoftAssertions();
        postStatus(soft, pelaksana, "/pemberitahuan", "/pemberitahuan/tidak-ada/dibaca", Map.of(), 404);
        postStatus(soft, pelaksana, "/pemberitahuan", "/pemberitahuan/" + "1".repeat(300) + "/dibaca", Map.of(), 404);
        soft.assertAll();
    }

    // --- 5. XSS and weird decisions ------------------------------------------------------------------------------

    @Test
    void whatUsersTypeIsShownAsTextAndWeirdDecisionsAreRefused() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        tasks.complete(openTask(dpa).getId());
        tasks.complete(openTask(dpa).getId());
        Task draft = openTask(dpa);
        Session kasubbag = login("kasubbag.ajibarang");
        SoftAssertions soft = new SoftAssertions();
        ResponseEntity<String> uploaded = uploadRaw(kasubbag, "/tugas/" + draft.getId(), draft.getId(), "draf dokumen pelaksanaan anggaran",
                XSS_NAME, TestFiles.pdf("Draf"));
        soft.assertThat(uploaded.getStatusCode().value()).as("upload named " + XSS_NAME).isIn(302, 400);
        String stepPage = getRaw(kasubbag, "/tugas/" + draft.getId()).getBody();
        soft.assertThat(stepPage).as("step page with the flash and the dossier").doesNotContain("<img src=x");
        if (dossier.documents(dpa.getId()).isEmpty()) {
            provideDocuments(draft);
        }
        org.assertj.core.api.Assertions.assertThat(post(kasubbag, "/tugas/" + draft.getId(), "/tugas/" + draft.getId() + "/selesai", Map.of())
                .getStatusCode().value()).isEqualTo(302);
        Task review = openTask(dpa);
        Session sekcam = login("sekcam.ajibarang");
        String page = "/tugas/" + review.getId();
        String action = page + "/selesai";
        for (String decision : new String[] {"ya", "SETUJU", "setuju,kembalikan", ""}) {
            postStatus(soft, sekcam, page, action, Map.of("keputusan", decision), 400);
        }
        postStatus(soft, sekcam, page, action, Map.of("keputusan", "kembalikan", "catatan", "   "), 400);
        postStatus(soft, sekcam, page, action, Map.of("keputusan", "kembalikan", "catatan", "x".repeat(2001)), 400);
        postStatus(soft, sekcam, page, action, Map.of("keputusan", "kembalikan", "catatan", "x".repeat(100_000)), 400);
        postStatus(soft, sekcam, page, action, Map.of("keputusan", "setuju", "catatan", "y".repeat(5000)), 400);
        soft.assertThat(openTask(dpa).getId()).as("the review is still open").isEqualTo(review.getId());
        postStatus(soft, sekcam, page, action, Map.of("keputusan", "kembalikan", "catatan", XSS_NOTE), 302);
        String instance = getRaw(login("camat.ajibarang"), "/proses/" + dpa.getId()).getBody();
        soft.assertThat(instance).as("instance page").contains("dikembalikan").doesNotContain(XSS_NOTE, "<img src=x");
        // the step sent back, with the note, on the kasubbag's list
        soft.assertThat(getRaw(kasubbag, "/tugas?filter=dikembalikan").getBody()).doesNotContain(XSS_NOTE);
        soft.assertAll();
    }

    // --- 6. malformed requests --------------------------------------------------------------------------------------

    @Test
    void malformedRequestsAreClientErrors() {
        ProcessInstance renja = startAs("pelaksana.arut-selatan", "renja");
        Task step = openTask(renja);
        Session pelaksana = login("pelaksana.arut-selatan");
        SoftAssertions soft = new SoftAssertions();
        // an upload that is not multipart
        postStatus(soft, pelaksana, "/tugas/" + step.getId(), "/tugas/" + step.getId() + "/dokumen", Map.of("jenis", "x"), 400);
        // multipart without the file
        ResponseEntity<String> noFile = uploadRaw(pelaksana, "/tugas/" + step.getId(), step.getId(), "draf dan matrik rancangan renja", null, null);
        soft.assertThat(noFile.getStatusCode().value()).as("upload without berkas").isEqualTo(400);
        // an unknown kind
        ResponseEntity<String> kind = uploadRaw(pelaksana, "/tugas/" + step.getId(), step.getId(), "<b>jenis</b>", "a.pdf", TestFiles.pdf("a"));
        soft.assertThat(kind.getStatusCode().value()).as("upload of an unknown kind").isEqualTo(400);
        soft.assertThat(kind.getBody()).doesNotContain("<b>jenis</b>");
        // a path name
        ResponseEntity<String> path = uploadRaw(pelaksana, "/tugas/" + step.getId(), step.getId(), "draf dan matrik rancangan renja",
                "..\\..\\etc\\passwd.pdf", TestFiles.pdf("a"));
        soft.assertThat(path.getStatusCode().value()).as("upload named ..\\..\\etc\\passwd.pdf").isEqualTo(400);
        // methods and paths
        soft.assertThat(exchange(pelaksana, HttpMethod.PUT, "/tugas").getStatusCode().value()).as("PUT /tugas").isIn(403, 405);
        for (String odd : new String[] {"/tugas/%2e%2e/x", "/tugas/a%252Fb", "/tugas//x", "/tugas/a;b=c", "/proses/%00", "/tugas/" + "z".repeat(5000)}) {
            int code = exchange(pelaksana, HttpMethod.GET, odd).getStatusCode().value();
            soft.assertThat(code).as("GET " + odd + " (a 4xx, never 500)").isBetween(400, 499);
        }
        soft.assertAll();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    private org.camunda.bpm.engine.ProcessEngine processEngine() {
        return engine;
    }

    private static String abbreviate(String s) {
        String shown = s.length() > 20 ? s.substring(0, 20) + "...(" + s.length() + ")" : s;
        return shown.replace("\n", "\\n");
    }

    /** Status and, for a redirect, where to: what a caller can tell apart. */
    private static Map<String, Object> describe(ResponseEntity<String> response) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", response.getStatusCode().value());
        URI location = response.getHeaders().getLocation();
        d.put("location", location == null ? null : location.getPath());
        return d;
    }

    private void status(SoftAssertions soft, Session session, String url, int expected) {
        ResponseEntity<String> r = getRaw(session, url);
        soft.assertThat(r.getStatusCode().value()).as("GET " + url).isEqualTo(expected);
        soft.assertThat(r.getBody() == null ? "" : r.getBody()).as("GET " + url + " body").doesNotContain("at id.sopflow", "Exception");
    }

    private void postStatus(SoftAssertions soft, Session session, String page, String action, Map<String, String> fields, int expected) {
        ResponseEntity<String> r = post(session, page, action, fields);
        soft.assertThat(r.getStatusCode().value()).as("POST " + action + " " + abbreviate(fields.toString())).isEqualTo(expected);
        soft.assertThat(r.getBody() == null ? "" : r.getBody()).as("POST " + action + " body").doesNotContain("at id.sopflow", "Exception");
    }

    private ResponseEntity<String> getRaw(Session session, String url) {
        return exchange(session, HttpMethod.GET, url);
    }

    private ResponseEntity<String> exchange(Session session, HttpMethod method, String url) {
        return noRedirects().exchange(URI.create(rest.getRootUri() + url), method, new HttpEntity<>(session.headers()), String.class);
    }

    /** A multipart upload written byte for byte (hostile file names kept), the token in the header. */
    private ResponseEntity<String> uploadRaw(Session session, String pageUrl, String taskId, String kind, String name, byte[] content) {
        HttpHeaders headers = session.headers();
        headers.add("X-CSRF-TOKEN", token(session, pageUrl));
        return noRedirects().exchange("/tugas/" + taskId + "/dokumen", HttpMethod.POST, multipart(kind, name, content, headers), String.class);
    }

}
