package id.sopflow.web;

import id.sopflow.compliance.Assessment;
import id.sopflow.compliance.Compliance;
import id.sopflow.compliance.ComplianceReport;
import id.sopflow.compliance.Movement;
import id.sopflow.compliance.Semester;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Kepatuhan SOP (issue 14): the compliance report of an SOP in a semester as the Monitoring Pelaksanaan SOP AP form
 * (page, CSV, printable form), where the Sekcam writes catatan and tindakan per step and initials it; and the record of
 * movement of an instance (Riwayat perpindahan: page, CSV, printable). Who may see or do what is decided by
 * {@code compliance.Compliance}.
 */
@Controller
class CompliancePages {

    /** A row of the form: a step (or, with step 0, the SOP as a whole) with its figures, assessment and notes. */
    record Row(int step, String activity, String role, String waktu, boolean review, int runs, int onTime, String share, String median,
               String worst, int sentBack, int open, String assessment, boolean good, boolean bad, String basis, String catatan,
               String tindakan, String changed) {
    }

    /** A semester to choose. */
    record Choice(String value, String label, boolean selected) {
    }

    private static final DateTimeFormatter CSV_MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Compliance compliance;

    CompliancePages(Compliance compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/kepatuhan")
    String list(@RequestParam(required = false) String semester, @RequestParam(required = false) String kecamatan, Model model) {
        model.addAttribute("judul", "Kepatuhan SOP");
        model.addAttribute("pilihanKecamatan", compliance.offices());
        boolean chooses = compliance.choosesKecamatan();
        model.addAttribute("memilihKecamatan", chooses);
        if (chooses && (kecamatan == null || kecamatan.isBlank())) {
            model.addAttribute("kantor", null);
            return "kepatuhan-daftar";
        }
        Compliance.Office office = compliance.office(kecamatan);
        Semester period = semester == null || semester.isBlank() ? compliance.currentSemester(office) : Semester.parse(semester);
        model.addAttribute("kantor", office);
        model.addAttribute("semester", period);
        model.addAttribute("pilihanSemester", choices(compliance.currentSemester(office), period));
        model.addAttribute("sop", compliance.sops(office));
        model.addAttribute("query", query(period, office));
        return "kepatuhan-daftar";
    }

    @GetMapping("/kepatuhan/{kode}")
    String report(@PathVariable String kode, @RequestParam(required = false) String semester, @RequestParam(required = false) String kecamatan,
                  Model model) {
        Compliance.Form form = compliance.form(kode, semester, kecamatan);
        fill(model, form);
        model.addAttribute("pilihanSemester", choices(compliance.currentSemester(form.office()), form.report().semester()));
        return "kepatuhan";
    }

    @GetMapping("/kepatuhan/{kode}/cetak")
    String print(@PathVariable String kode, @RequestParam(required = false) String semester, @RequestParam(required = false) String kecamatan,
                 Model model) {
        fill(model, compliance.form(kode, semester, kecamatan));
        return "kepatuhan-cetak";
    }

    @GetMapping("/kepatuhan/{kode}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String kode, @RequestParam(required = false) String semester,
                               @RequestParam(required = false) String kecamatan) {
        Compliance.Form form = compliance.form(kode, semester, kecamatan);
        ComplianceReport report = form.report();
        ZoneId zone = form.zone();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("No", "Prosedur", "Pelaksana", "Mutu baku waktu", "Dijalankan", "Tepat waktu", "Persentase tepat waktu",
                "Median waktu kerja (menit)", "Terlama (menit)", "Dikembalikan", "Masih terbuka", "Penilaian terhadap penerapan", "Dasar penilaian",
                "Catatan hasil penilaian", "Tindakan yang harus diambil", "Paraf penilai", "Paraf pada"));
        for (ComplianceReport.StepRow r : report.steps()) {
            Compliance.Note note = form.notes().of(r.step());
            rows.add(List.of(String.valueOf(r.step()), r.activity(), r.role(), r.waktu().isBlank() ? "belum ditetapkan" : r.waktu(),
                    String.valueOf(r.runs()), r.shareOnTime().isPresent() ? String.valueOf(r.onTime()) : "", r.shareText().equals("-") ? "" : r.shareText(),
                    r.median().map(CompliancePages::minutes).orElse(""), r.worst().map(CompliancePages::minutes).orElse(""),
                    String.valueOf(r.sentBack()), String.valueOf(r.open()), r.assessment().label(), r.basis(), note.catatan(), note.tindakan(),
                    "", ""));
        }
        Compliance.Note whole = form.notes().of(0);
        rows.add(List.of("", "Keseluruhan SOP: " + report.nama(), "", "", "", "", "", "", "", "", "", report.assessment().label(),
                report.instances() + " instance dalam periode " + report.semester().label() + ", ambang tepat waktu "
                        + Math.round(report.threshold() * 100) + "%", whole.catatan(), whole.tindakan(),
                form.notes().paraf().map(Compliance.Paraf::by).orElse(""),
                form.notes().paraf().map(p -> CSV_MOMENT.format(p.at().atZone(zone))).orElse("")));
        return download("kepatuhan-" + report.kode() + "-" + report.kecamatan() + "-" + report.semester() + ".csv", rows);
    }

    @PostMapping("/kepatuhan/{kode}/catatan")
    String note(@PathVariable String kode, @RequestParam String semester, @RequestParam(required = false) String kecamatan,
                @RequestParam int langkah, @RequestParam(required = false) String catatan, @RequestParam(required = false) String tindakan,
                RedirectAttributes flash) {
        compliance.note(kode, semester, kecamatan, langkah, catatan, tindakan);
        flash.addFlashAttribute("berhasil", langkah == 0 ? "Catatan dan tindakan untuk SOP secara keseluruhan tersimpan."
                : "Catatan dan tindakan langkah " + langkah + " tersimpan.");
        return "redirect:" + address(kode, semester, kecamatan) + (langkah == 0 ? "#sop" : "#langkah-" + langkah);
    }

    @PostMapping("/kepatuhan/{kode}/paraf")
    String sign(@PathVariable String kode, @RequestParam String semester, @RequestParam(required = false) String kecamatan,
                RedirectAttributes flash) {
        compliance.sign(kode, semester, kecamatan);
        flash.addFlashAttribute("berhasil", "Penilaian diparaf.");
        return "redirect:" + address(kode, semester, kecamatan);
    }

    // --- the record of movement ---------------------------------------------------------------------------

    @GetMapping("/proses/{id}/riwayat")
    String movement(@PathVariable String id, Model model) {
        fillMovement(model, compliance.movement(id));
        model.addAttribute("cetak", false);
        return "riwayat";
    }

    @GetMapping("/proses/{id}/riwayat/cetak")
    String printMovement(@PathVariable String id, Model model) {
        fillMovement(model, compliance.movement(id));
        model.addAttribute("cetak", true);
        return "riwayat";
    }

    @GetMapping("/proses/{id}/riwayat.csv")
    ResponseEntity<byte[]> movementCsv(@PathVariable String id) {
        Movement m = compliance.movement(id);
        String zone = Formats.zoneName(m.zone(), m.started());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("No", "Langkah", "Aktivitas", "Pelaksana (peran)", "Diterima dari", "Dikerjakan oleh", "Diserahkan kepada",
                "Mulai (" + zone + ")", "Selesai (" + zone + ")", "Waktu kerja (menit)", "Mutu baku waktu", "Sesuai mutu baku", "Keputusan",
                "Catatan", "Dokumen"));
        for (Movement.Handover h : m.rows()) {
            rows.add(List.of(String.valueOf(h.no()), String.valueOf(h.step()), h.activity(), h.role(), h.receivedFrom(), h.doneBy(), h.handedTo(),
                    CSV_MOMENT.format(h.start().atZone(m.zone())), h.end().map(e -> CSV_MOMENT.format(e.atZone(m.zone()))).orElse("sedang berjalan"),
                    h.workingTime().map(d -> String.valueOf(d.toMinutes())).orElse(""), h.waktu(),
                    h.onTime().map(ok -> ok ? "ya" : "tidak").orElse(""), h.decision(), h.note(),
                    h.documents().stream().map(d -> documentText(d, m.zone())).collect(Collectors.joining(" | "))));
        }
        if (!m.otherDocuments().isEmpty()) {
            rows.add(List.of("", "", "Lain-lain (dokumen yang tidak tercatat pada kunjungan langkah)", "", "", "", "", "", "", "", "", "", "", "",
                    m.otherDocuments().stream().map(d -> documentText(d, m.zone())).collect(Collectors.joining(" | "))));
        }
        return download("riwayat-" + Optional.ofNullable(m.businessKey()).orElse(m.instanceId()).replaceAll("[^A-Za-z0-9._-]", "_") + ".csv", rows);
    }

    private void fillMovement(Model model, Movement m) {
        model.addAttribute("judul", "Riwayat perpindahan " + m.nama() + " " + Optional.ofNullable(m.businessKey()).orElse(""));
        model.addAttribute("m", m);
        model.addAttribute("mulai", Formats.moment(m.started(), m.zone()));
        model.addAttribute("selesai", m.ended().map(e -> Formats.moment(e, m.zone())
                + m.stopped().map(r -> ", dihentikan (" + r + ")").orElse("")).orElse(null));
        model.addAttribute("lainLain", m.otherDocuments().stream().map(d -> documentText(d, m.zone())).toList());
        model.addAttribute("baris", m.rows().stream().map(h -> new MovementRow(h.no(), h.step(), h.activity(), h.role(), h.receivedFrom(),
                h.doneBy(), h.handedTo(), Formats.moment(h.start(), m.zone()), h.end().map(e -> Formats.moment(e, m.zone())).orElse("sedang berjalan"),
                h.workingTime().map(ComplianceReport::words).orElse("-"), h.waktu(), h.onTime().orElse(true), h.decision(), h.note(),
                h.documents().stream().map(d -> documentText(d, m.zone())).toList())).toList());
    }

    /** A row of the record of movement as the page shows it. */
    record MovementRow(int no, int step, String activity, String role, String receivedFrom, String doneBy, String handedTo, String start,
                       String end, String took, String waktu, boolean onTime, String decision, String note, List<String> documents) {
    }

    private static String documentText(Movement.DocumentEntry d, ZoneId zone) {
        return d.kind() + " versi " + d.version() + " (" + d.fileName() + "), diunggah " + d.uploadedBy() + " "
                + CSV_MOMENT.format(d.uploadedAt().atZone(zone)) + (d.withdrawn() == null ? "" : ", " + d.withdrawn());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** A CSV download named {@code fileName} (text/csv, UTF-8; see {@link Csv}). */
    private static ResponseEntity<byte[]> download(String fileName, List<List<String>> rows) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(Csv.of(rows).getBytes(StandardCharsets.UTF_8));
    }

    private void fill(Model model, Compliance.Form form) {
        ComplianceReport report = form.report();
        ZoneId zone = form.zone();
        List<Row> rows = report.steps().stream().map(r -> {
            Compliance.Note note = form.notes().of(r.step());
            return new Row(r.step(), r.activity(), r.role(), r.waktu().isBlank() ? "belum ditetapkan" : r.waktu(), r.review(), r.runs(),
                    r.onTime(), r.shareText(), r.medianText(), r.worstText(), r.sentBack(), r.open(), r.assessment().label(),
                    r.assessment() == Assessment.BAIK, r.assessment() == Assessment.TIDAK_BAIK, r.basis(), note.catatan(), note.tindakan(),
                    changed(note, zone));
        }).toList();
        Compliance.Note whole = form.notes().of(0);
        model.addAttribute("judul", "Kepatuhan SOP: " + report.nama());
        model.addAttribute("f", form);
        model.addAttribute("r", report);
        model.addAttribute("baris", rows);
        model.addAttribute("keseluruhan", new Row(0, report.nama(), "", "", false, report.instances(), 0, "", "", "", 0, 0,
                report.assessment().label(), report.assessment() == Assessment.BAIK, report.assessment() == Assessment.TIDAK_BAIK,
                report.instances() + " instance menjalankan SOP ini dalam periode", whole.catatan(), whole.tindakan(), changed(whole, zone)));
        model.addAttribute("paraf", form.notes().paraf().map(p -> p.by() + ", " + Formats.moment(p.at(), zone)).orElse(null));
        model.addAttribute("ambang", Math.round(report.threshold() * 100) + "%");
        model.addAttribute("query", query(report.semester(), form.office()));
        model.addAttribute("alamat", address(report.kode(), report.semester().toString(), form.office().choosesKecamatan() ? form.office().id() : null));
        model.addAttribute("hariTerakhir", Formats.date(form.lastDay()));
    }

    private static String changed(Compliance.Note note, ZoneId zone) {
        return note.changedBy() == null ? null : "diubah " + note.changedBy() + ", " + Formats.moment(note.changedAt(), zone);
    }

    private static String query(Semester semester, Compliance.Office office) {
        return "?semester=" + semester + (office.choosesKecamatan() ? "&kecamatan=" + office.id() : "");
    }

    private static String address(String kode, String semester, String kecamatan) {
        return UriComponentsBuilder.fromPath("/kepatuhan/{kode}").queryParam("semester", semester)
                .queryParamIfPresent("kecamatan", Optional.ofNullable(kecamatan).filter(k -> !k.isBlank()))
                .buildAndExpand(kode).encode().toUriString();
    }

    private static List<Choice> choices(Semester current, Semester selected) {
        List<Choice> choices = new ArrayList<>();
        Semester s = current;
        boolean seen = false;
        for (int i = 0; i < 6; i++) {
            choices.add(new Choice(s.toString(), s.label(), s.equals(selected)));
            seen |= s.equals(selected);
            s = s.previous();
        }
        if (!seen) {
            choices.add(new Choice(selected.toString(), selected.label(), true));
        }
        return choices;
    }

    private static String minutes(Duration d) {
        long seconds = d.getSeconds();
        return seconds % 60 == 0 ? String.valueOf(seconds / 60) : String.format(Formats.INDONESIAN, "%.1f", seconds / 60.0);
    }

}
