package id.sopflow.compliance;

import id.sopflow.calendar.CalendarDays;
import id.sopflow.organisation.AccessTestBase;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance report and the record of movement over HTTP, after a scripted run of Ajibarang's DPA with the engine's
 * clock under control: the visits of {@link ComplianceReportTest} (A on time; B late at steps 1 and 3 and sent back
 * once at step 4; C late at step 2; D's step 2 done in July), completed through {@code /engine-rest} as the users of each
 * role. Semester 2026-1 of Ajibarang is this test's alone: no other test completes a step there.
 */
class ComplianceIT extends AccessTestBase {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String REPORT = "/kepatuhan/dpa?semester=2026-1";

    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CalendarDays calendarDays;

    @AfterEach
    void resetClockAndNotes() {
        ClockUtil.reset();
        jdbc.update("delete from SOPFLOW_PENILAIAN_SOP");
        if (calendarDays.of(2026, "ajibarang").stream().anyMatch(d -> d.ditambahkan() && d.tanggal().equals(HOLIDAY))) {
            calendarDays.remove(HOLIDAY, "ajibarang");
        }
    }

    /**
     * A closed day when the run is handed over, removed after it: the timers fixed B's step 3 deadlines with it (Wednesday
     * 09.40 and Thursday 07.30), so both visits were on time; a deadline recomputed with today's calendar would say late.
     */
    private static final LocalDate HOLIDAY = LocalDate.of(2026, 4, 14);

    @Test
    void lateStepsOfTheSemesterAreNotRunningWellOnThePageInTheCsvAndOnTheForm() {
        Map<String, String> instances = scriptedRun();

        Session sekcam = login("sekcam.ajibarang");
        ResponseEntity<String> page = get(sekcam, REPORT);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Penyusunan Dokumen Pelaksanaan Anggaran", "Januari–Juni 2026", "4 instance menjalankan",
                "3 dari 4 tepat waktu (75%), ambang 80%, 1 belum selesai melewati mutu baku", "tidak berjalan dengan baik", "Dikembalikan",
                "Masih terbuka", "Unduh CSV", "Cetak formulir", "Isi catatan dan tindakan langkah 3", "Paraf penilaian");

        ResponseEntity<byte[]> csv = noRedirects().exchange("/kepatuhan/dpa.csv?semester=2026-1", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(sekcam.headers()), byte[].class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType()).isEqualTo(new MediaType("text", "csv", StandardCharsets.UTF_8));
        assertThat(csv.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("kepatuhan-dpa-ajibarang-2026-1.csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFNo;Prosedur;Pelaksana;Mutu baku waktu;Dijalankan;Tepat waktu;Persentase tepat waktu;");
        List<String> lines = Arrays.asList(text.substring(1).split("\r\n"));
        assertThat(lines).hasSize(8); // header, six steps, the SOP as a whole
        // step;activity;role;waktu;runs;on time;share;median;worst;sent back;assessment;basis;catatan;tindakan;paraf;paraf pada
        // step;activity;role;waktu;runs;on time;share;median;worst;sent back;open;assessment;basis;catatan;tindakan;paraf;paraf pada
        assertThat(lines.get(1)).isEqualTo("1;Menginstruksikan penyusunan dokumen pelaksanaan Anggaran;Camat;5 menit;4;3;75%;4,5;20;0;0;"
                + "tidak berjalan dengan baik;3 dari 4 tepat waktu (75%), ambang 80%;;;;");
        // D's step 2, handed over 30 June 15.03 and done 1 July, was open and late at the end of June: 57 minutes so far
        assertThat(lines.get(2)).startsWith("2;Koordinasi penyusunan dokumen pelaksanaan anggaran;Sekcam;30 menit;4;2;50%;40,5;57;0;1;"
                + "tidak berjalan dengan baik;");
        // C is still at step 3, late since 16 April; B's two visits were on time by the deadlines their timers fixed
        assertThat(lines.get(3)).startsWith("3;Menyusunan draf dokumen pelaksanaan anggaran;Kasi Perencanaan Keuangan;1 hari kerja;4;3;75%;525;21510;0;1;tidak berjalan dengan baik;")
                .contains(";0;1;tidak berjalan dengan baik;3 dari 4 tepat waktu (75%), ambang 80%, 1 belum selesai melewati mutu baku;");
        assertThat(lines.get(4)).startsWith("4;Mengoreksi draft dokumen pelaksanaan anggaran;Sekcam;1 hari kerja;3;3;100%;60;180;1;0;berjalan dengan baik;");
        assertThat(lines.get(5)).startsWith("5;Mengoreksi dan menandatangani dokumen pelaksanaan anggaran;Camat;1 hari kerja;2;2;100%;75;90;0;0;"
                + "berjalan dengan baik;");
        assertThat(lines.get(6)).startsWith("6;Mengarsipkan dokumen pelaksanaan anggaran;Pengadministrasi;10 menit;2;2;100%;7,5;10;0;0;berjalan dengan baik;");
        assertThat(lines.get(7)).startsWith(";Keseluruhan SOP: Penyusunan Dokumen Pelaksanaan Anggaran;;;;;;;;;;tidak berjalan dengan baik;4 instance");

        // the Sekcam notes step 3 and the SOP, then initials the form; after that nothing changes
        assertThat(post(sekcam, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-1", "langkah", "3",
                "catatan", "Draf dua kali melewati 1 hari kerja; sekali dikembalikan", "tindakan", "=Bimtek penyusunan DPA; jadwal RKA lebih awal"))
                .getStatusCode().value()).isEqualTo(302);
        assertThat(post(sekcam, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-1", "langkah", "0",
                "catatan", "Langkah 1-3 perlu perhatian", "tindakan", "Evaluasi pada rapat staf")).getStatusCode().value()).isEqualTo(302);
        assertThat(get(sekcam, REPORT).getBody()).contains("Draf dua kali melewati 1 hari kerja; sekali dikembalikan", "Evaluasi pada rapat staf",
                "diubah sekcam.ajibarang");
        String noted = new String(noRedirects().exchange("/kepatuhan/dpa.csv?semester=2026-1", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(sekcam.headers()), byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(noted).as("a catatan with ';' is quoted, one that a spreadsheet would run is text")
                .contains(";\"Draf dua kali melewati 1 hari kerja; sekali dikembalikan\";\"'=Bimtek penyusunan DPA; jadwal RKA lebih awal\";");

        assertThat(post(sekcam, REPORT, "/kepatuhan/dpa/paraf", Map.of("semester", "2026-1")).getStatusCode().value()).isEqualTo(302);
        String signed = get(sekcam, REPORT).getBody();
        assertThat(signed).contains("Diparaf oleh sekcam.ajibarang, Kamis, 2 Juli 2026 09.00 WIB").doesNotContain("Paraf penilaian</button>",
                "Isi catatan dan tindakan");
        ResponseEntity<String> late = post(sekcam, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-1", "langkah", "3", "catatan", "x"));
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(late.getBody()).contains("sudah diparaf oleh sekcam.ajibarang");
        assertThat(post(sekcam, REPORT, "/kepatuhan/dpa/paraf", Map.of("semester", "2026-1")).getStatusCode().value()).isEqualTo(409);
        ResponseEntity<String> early = post(sekcam, REPORT, "/kepatuhan/dpa/paraf", Map.of("semester", "2026-2"));
        assertThat(early.getStatusCode().value()).as("the running semester is initialled when it is over").isEqualTo(409);
        assertThat(early.getBody()).contains("belum berakhir");

        // the signed form is frozen: a cleaned-up history (A's) and another threshold do not change it
        historyService.deleteHistoricProcessInstance(instances.get("A"));
        String frozen = get(sekcam, REPORT).getBody();
        assertThat(frozen).contains("4 instance menjalankan", "3 dari 4 tepat waktu (75%), ambang 80%", "dibekukan saat paraf");
        String frozenCsv = new String(noRedirects().exchange("/kepatuhan/dpa.csv?semester=2026-1", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(sekcam.headers()), byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(frozenCsv.split("\r\n")[1]).startsWith("1;Menginstruksikan penyusunan dokumen pelaksanaan Anggaran;Camat;5 menit;4;3;75%;4,5;20;0;0;");

        String form = get(sekcam, "/kepatuhan/dpa/cetak?semester=2026-1").getBody();
        assertThat(form).contains("MONITORING PELAKSANAAN SOP AP", "Penilaian terhadap Penerapan", "Berjalan dengan baik", "Tidak berjalan dengan baik",
                "Catatan Hasil Penilaian", "Tindakan yang Harus Diambil", "Paraf Penilai", "sekcam.ajibarang, Kamis, 2 Juli 2026 09.00 WIB")
                .doesNotContain("Keluar"); // no menu on the printed form

        // the record of movement of B: who handed which step and document to whom, and when
        String b = instances.get("B");
        String record = get(sekcam, "/proses/" + b).getBody();
        assertThat(record).contains("/proses/" + b + "/riwayat");
        ResponseEntity<byte[]> movement = noRedirects().exchange("/proses/" + b + "/riwayat.csv", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(sekcam.headers()), byte[].class);
        assertThat(movement.getStatusCode().value()).isEqualTo(200);
        assertThat(movement.getHeaders().getContentType()).isEqualTo(new MediaType("text", "csv", StandardCharsets.UTF_8));
        List<String> moves = Arrays.asList(new String(movement.getBody(), StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(moves.get(0)).isEqualTo("No;Langkah;Aktivitas;Pelaksana (peran);Diterima dari;Dikerjakan oleh;Diserahkan kepada;Mulai (WIB);"
                + "Selesai (WIB);Waktu kerja (menit);Mutu baku waktu;Sesuai mutu baku;Keputusan;Catatan;Dokumen");
        assertThat(moves).hasSize(9); // B's eight visits
        assertThat(moves.get(1)).startsWith("1;1;Menginstruksikan penyusunan dokumen pelaksanaan Anggaran;Camat;camat.ajibarang;camat.ajibarang;"
                + "sekcam.ajibarang;2026-04-13 09:00;2026-04-13 09:20;20;5 menit;tidak;");
        assertThat(moves.get(3)).startsWith("3;3;Menyusunan draf dokumen pelaksanaan anggaran;Kasi Perencanaan Keuangan;sekcam.ajibarang;"
                + "kasubbag.ajibarang;sekcam.ajibarang;2026-04-13 09:40;2026-04-14 11:40;570;1 hari kerja;ya;;;draf dokumen pelaksanaan anggaran versi 1 (uji.pdf), diunggah uji 2026-04-14 11:40");
        assertThat(moves.get(4)).startsWith("4;4;Mengoreksi draft dokumen pelaksanaan anggaran;Sekcam;kasubbag.ajibarang;sekcam.ajibarang;"
                + "kasubbag.ajibarang;2026-04-14 11:40;2026-04-14 13:30;50;1 hari kerja;ya;dikembalikan ke langkah 3;Pagu belum sesuai RKA;");
        assertThat(moves.get(8)).startsWith("8;6;Mengarsipkan dokumen pelaksanaan anggaran;Pengadministrasi;camat.ajibarang;umum.ajibarang;SOP selesai;");
        String printed = get(sekcam, "/proses/" + b + "/riwayat/cetak").getBody();
        assertThat(printed).contains("PENCATATAN DAN PENDATAAN", "Diterima dari", "Diserahkan kepada", "dikembalikan ke langkah 3",
                "Pagu belum sesuai RKA").doesNotContain("Keluar");
        assertThat(get(sekcam, "/proses/" + b + "/riwayat").getBody()).contains("Riwayat perpindahan", "Unduh CSV", "Keluar");
        assertThat(get(login("camat.arut-selatan"), "/proses/" + b + "/riwayat").getStatusCode().value()).isEqualTo(404);
        assertThat(get(login("camat.arut-selatan"), "/proses/" + b + "/riwayat.csv").getStatusCode().value()).isEqualTo(404);
        assertThat(get(sekcam, "/proses/tidak-ada/riwayat").getStatusCode().value()).isEqualTo(404);

        // a cancelled instance is stopped, not finished, and keeps its cancelled visit
        ProcessInstance e = startAt("DPA-UJI-E", "2026-07-02T09:00");
        completeAt(e, "2026-07-02T09:03", null);
        runtimeService.deleteProcessInstance(e.getId(), "salah input");
        String stopped = new String(noRedirects().exchange("/proses/" + e.getId() + "/riwayat.csv", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(sekcam.headers()), byte[].class).getBody(), StandardCharsets.UTF_8);
        List<String> stops = Arrays.asList(stopped.substring(1).split("\r\n"));
        assertThat(stops).hasSize(3);
        assertThat(stops.get(2)).startsWith("2;2;Koordinasi penyusunan dokumen pelaksanaan anggaran;Sekcam;camat.ajibarang;-;"
                + "dihentikan (salah input);").contains(";dihentikan;");
        assertThat(stopped).doesNotContain("SOP selesai");
        assertThat(get(sekcam, "/proses/" + e.getId() + "/riwayat").getBody()).contains("dihentikan (salah input)");
    }

    @Test
    void theSekcamCamatAndKasubbagReadTheirKecamatansReportOnlyTheSekcamWritesAndInitials() {
        ClockUtil.setCurrentTime(wib("2026-07-02T09:00"));
        Session sekcam = login("sekcam.ajibarang");
        assertThat(get(sekcam, "/").getBody()).contains("href=\"/kepatuhan\"");
        assertThat(get(sekcam, "/kepatuhan").getBody()).contains("Kecamatan Ajibarang", "Juli–Desember 2026", "/kepatuhan/dpa?semester=2026-2");
        assertThat(get(sekcam, "/kepatuhan?semester=2026-1").getBody()).contains("/kepatuhan/dpa?semester=2026-1");
        assertThat(get(sekcam, "/kepatuhan/dpa?semester=2026-1&kecamatan=arut-selatan").getStatusCode().value()).isEqualTo(404);
        assertThat(get(sekcam, "/kepatuhan/dpa.csv?semester=2026-1&kecamatan=arut-selatan").getStatusCode().value()).isEqualTo(404);
        assertThat(get(sekcam, "/kepatuhan?kecamatan=arut-selatan").getStatusCode().value()).isEqualTo(404);
        assertThat(post(sekcam, "/", "/kepatuhan/dpa/catatan", Map.of("semester", "2026-1", "kecamatan", "arut-selatan", "langkah", "1",
                "catatan", "x")).getStatusCode().value()).isEqualTo(404);

        for (String reader : List.of("camat.ajibarang", "kasubbag.ajibarang")) {
            Session session = login(reader);
            assertThat(get(session, REPORT).getStatusCode().value()).as(reader).isEqualTo(200);
            assertThat(get(session, REPORT).getBody()).as(reader).doesNotContain("Isi catatan dan tindakan", "Paraf penilaian</button>");
            ResponseEntity<String> note = post(session, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-1", "langkah", "1", "catatan", "x"));
            assertThat(note.getStatusCode().value()).as(reader).isEqualTo(403);
            assertThat(note.getBody()).contains("diisi oleh Sekcam");
            assertThat(post(session, REPORT, "/kepatuhan/dpa/paraf", Map.of("semester", "2026-1")).getStatusCode().value()).as(reader).isEqualTo(403);
        }
        Session pelaksana = login("pelaksana.ajibarang");
        assertThat(get(pelaksana, "/").getBody()).doesNotContain("href=\"/kepatuhan\"");
        assertThat(get(pelaksana, REPORT).getStatusCode().value()).isEqualTo(403);
        assertThat(get(pelaksana, "/kepatuhan").getStatusCode().value()).isEqualTo(403);
        assertThat(post(pelaksana, "/", "/kepatuhan/dpa/paraf", Map.of("semester", "2026-1")).getStatusCode().value()).isEqualTo(403);
        assertThat(get(login("staf.bappeda"), REPORT).getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from SOPFLOW_PENILAIAN_SOP where periode = '2026-1'", Integer.class)).as("nothing stored").isZero();

        Session admin = login("admin");
        assertThat(get(admin, REPORT + "&kecamatan=ajibarang").getStatusCode().value()).isEqualTo(200);
        assertThat(get(admin, REPORT).getStatusCode().value()).as("the admin chooses a kecamatan").isEqualTo(400);
        assertThat(get(admin, "/kepatuhan").getBody()).contains("Kecamatan", "Arut Selatan", "Ajibarang");
        assertThat(get(admin, "/kepatuhan?kecamatan=ajibarang&semester=2026-1").getBody()).as("the chooser stays, links carry the kecamatan")
                .contains("id=\"kecamatan\"", "/kepatuhan/dpa?semester=2026-1&amp;kecamatan=ajibarang");
        assertThat(get(admin, REPORT + "&kecamatan=ajibarang").getBody()).contains("/kepatuhan/dpa.csv?semester=2026-1&amp;kecamatan=ajibarang");
        assertThat(get(admin, REPORT + "&kecamatan=tidak-ada").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void badInputIsAClearFourHundredNeverAFiveHundred() {
        Session sekcam = login("sekcam.ajibarang");
        ResponseEntity<String> semester = get(sekcam, "/kepatuhan/dpa?semester=2026-3");
        assertThat(semester.getStatusCode().value()).isEqualTo(400);
        assertThat(semester.getBody()).contains("Semester &#39;2026-3&#39; tidak dikenal", "TTTT-1 (Januari–Juni) atau TTTT-2 (Juli–Desember)");
        assertThat(get(sekcam, "/kepatuhan/dpa.csv?semester=2026").getStatusCode().value()).isEqualTo(400);
        assertThat(get(sekcam, "/kepatuhan/dpa/cetak?semester=semester").getStatusCode().value()).isEqualTo(400);
        assertThat(get(sekcam, "/kepatuhan?semester=2026-9").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> unknown = get(sekcam, "/kepatuhan/tidak-ada?semester=2026-1");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(get(sekcam, "/kepatuhan/tidak-ada.csv?semester=2026-1").getStatusCode().value()).isEqualTo(404);
        assertThat(get(sekcam, "/kepatuhan/renja?semester=2026-1").getStatusCode().value()).as("Ajibarang's own Renja").isEqualTo(200);
        ResponseEntity<String> step = post(sekcam, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-1", "langkah", "99", "catatan", "x"));
        assertThat(step.getStatusCode().value()).isEqualTo(400);
        assertThat(step.getBody()).contains("Langkah 99 tidak ada");
        assertThat(post(sekcam, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-1", "langkah", "satu")).getStatusCode().value())
                .isEqualTo(400);
        assertThat(post(sekcam, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-1", "langkah", "1", "catatan", "x".repeat(2001)))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(post(sekcam, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-3", "langkah", "1")).getStatusCode().value())
                .isEqualTo(400);
        assertThat(post(sekcam, REPORT, "/kepatuhan/dpa/paraf", Map.of()).getStatusCode().value()).isEqualTo(400);

        ResponseEntity<String> nul = post(sekcam, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-1", "langkah", "1",
                "catatan", "baik", "tindakan", "rapat\u0000staf"));
        assertThat(nul.getStatusCode().value()).as("PostgreSQL refuses NUL: a 400 naming the field, not a 500").isEqualTo(400);
        assertThat(nul.getBody()).contains("Isian &#39;tindakan&#39; memuat karakter kendali");
        assertThat(jdbc.queryForObject("select count(*) from SOPFLOW_PENILAIAN_SOP", Integer.class)).as("nothing stored").isZero();
        String lines = ("x".repeat(99) + "\r\n").repeat(20); // 2000 characters in the browser, 2040 as sent
        assertThat(post(sekcam, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-1", "langkah", "1", "catatan", lines))
                .getStatusCode().value()).isEqualTo(302);
        for (String absurd : List.of("1999-1", "2999-1")) {
            ResponseEntity<String> far = post(sekcam, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", absurd, "langkah", "1", "catatan", "x"));
            assertThat(far.getStatusCode().value()).as(absurd).isEqualTo(400);
            assertThat(far.getBody()).contains("tidak dapat dinilai");
        }
        ClockUtil.setCurrentTime(wib("2026-05-04T09:00"));
        ResponseEntity<String> notBegun = post(sekcam, REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-2", "langkah", "1", "catatan", "x"));
        assertThat(notBegun.getStatusCode().value()).isEqualTo(400);
        assertThat(notBegun.getBody()).contains("belum dimulai");
        ResponseEntity<String> camat = post(login("camat.ajibarang"), REPORT, "/kepatuhan/dpa/catatan", Map.of("semester", "2026-9", "langkah", "99",
                "catatan", "\u0000"));
        assertThat(camat.getStatusCode().value()).as("the right is checked before the input is read").isEqualTo(403);
    }

    // --- the scripted run ----------------------------------------------------------------------------------

    /** A, B, C and D of {@link ComplianceReportTest#visits()}, through the engine at those moments; the clock ends at 2 July 09.00. */
    private Map<String, String> scriptedRun() {
        calendarDays.add(new CalendarDays.NewDay(HOLIDAY, "Libur uji (dihapus setelah serah terima)", "LIBUR_LOKAL", "uji", "ajibarang"), "uji");
        ProcessInstance a = startAt("DPA-UJI-A", "2026-04-13T08:00");
        completeAt(a, "2026-04-13T08:04", null);
        completeAt(a, "2026-04-13T08:30", null);
        completeAt(a, "2026-04-13T14:30", null);
        completeAt(a, "2026-04-14T09:00", true);
        completeAt(a, "2026-04-14T10:00", true);
        completeAt(a, "2026-04-14T10:05", null);

        ProcessInstance b = startAt("DPA-UJI-B", "2026-04-13T09:00");
        completeAt(b, "2026-04-13T09:20", null);
        completeAt(b, "2026-04-13T09:40", null);
        completeAt(b, "2026-04-14T11:40", null);
        completeAt(b, "2026-04-14T13:30", false);
        completeAt(b, "2026-04-15T14:00", null);
        completeAt(b, "2026-04-15T15:00", true);
        completeAt(b, "2026-04-16T08:00", true);
        completeAt(b, "2026-04-16T08:10", null);

        ProcessInstance c = startAt("DPA-UJI-C", "2026-04-15T08:00");
        completeAt(c, "2026-04-15T08:05", null);
        completeAt(c, "2026-04-15T09:00", null);

        ProcessInstance d = startAt("DPA-UJI-D", "2026-06-30T15:00");
        completeAt(d, "2026-06-30T15:03", null);
        completeAt(d, "2026-07-01T08:00", null);
        calendarDays.remove(HOLIDAY, "ajibarang");
        ClockUtil.setCurrentTime(wib("2026-07-02T09:00"));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(b.getId()).singleResult().getEndTime()).isNotNull();
        return Map.of("A", a.getId(), "B", b.getId(), "C", c.getId(), "D", d.getId());
    }

    private ProcessInstance startAt(String businessKey, String wibTime) {
        ClockUtil.setCurrentTime(wib(wibTime));
        List<String> groups = identityService.createGroupQuery().groupMember("camat.ajibarang").list().stream().map(Group::getId).toList();
        identityService.setAuthentication("camat.ajibarang", groups, List.of("ajibarang"));
        try {
            return runtimeService.startProcessInstanceByKey("dpa", businessKey);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Completes the open step at that moment as a user of its role, with its documents; a review approves or sends back. */
    private void completeAt(ProcessInstance instance, String wibTime, Boolean approved) {
        ClockUtil.setCurrentTime(wib(wibTime));
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        StepMetadata step = StepMetadata.of(repositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey())).orElseThrow();
        if (!Boolean.FALSE.equals(approved)) {
            provideDocuments(task);
        }
        String user = (step.role().equals("pengadministrasi") ? "umum" : step.role()) + ".ajibarang";
        String body = approved == null ? "{}" : approvalJson(approved, approved ? "" : "Pagu belum sesuai RKA");
        ResponseEntity<String> done = postJson(as(user), "/engine-rest/task/" + task.getId() + "/complete", body);
        assertThat(done.getStatusCode().value()).as(task.getTaskDefinitionKey() + " " + wibTime + ": " + done.getBody()).isEqualTo(204);
    }

    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;

    private org.camunda.bpm.engine.RepositoryService repositoryService() {
        return repository;
    }

    private static Date wib(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(WIB).toInstant());
    }
}
