package id.sopflow.bappeda;

import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.dossier.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/kiriman}: Bappeda's inbox (what was sent, filterable by SOP, kecamatan, year, month and status), one
 * submission with its documents and history, a sent document's bytes, and Bappeda's two answers: {@code /terima} (a
 * tanda terima) and {@code /kembalikan} ({@code {"catatan": "..."}}); {@code /api/ikhtisar?tahun=} the kabupaten
 * overview. A thin adapter of {@link Submissions}, which decides.
 */
@RestController
@RequestMapping("/api")
class SubmissionController {

    record SubmissionView(String id, String prosesInstanceId, int langkah, String kecamatan, String kode, String namaSop,
                          String dokumen, String businessKey, String periode, int versi, String status, String dikirimOleh,
                          OffsetDateTime dikirimPada, String dijawabOleh, OffsetDateTime dijawabPada, String catatan,
                          String tandaTerima) {
    }

    record DocumentView(String id, String jenis, int versiDokumen, String namaBerkas, String tipe, long ukuran, String sha256,
                        String unduh) {
    }

    record DetailView(SubmissionView kiriman, Map<Integer, List<DocumentView>> dokumenPerVersi, List<EventView> riwayat,
                      boolean bolehMenjawab) {
    }

    record EventView(int versi, String apa, String siapa, OffsetDateTime kapan, String catatan, String tandaTerima) {
    }

    record ReturnRequest(String catatan) {
    }

    private final Submissions submissions;
    private final WorkingCalendars calendars;
    private final java.time.Clock clock;

    SubmissionController(Submissions submissions, WorkingCalendars calendars, java.time.Clock clock) {
        this.submissions = submissions;
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/kiriman")
    List<SubmissionView> inbox(@RequestParam(required = false) String sop, @RequestParam(required = false) String kecamatan,
                               @RequestParam(required = false) Integer tahun, @RequestParam(required = false) Integer bulan,
                               @RequestParam(required = false) String status) {
        return submissions.inbox(sop, kecamatan, tahun, bulan, status).stream().map(this::view).toList();
    }

    @GetMapping("/kiriman/{id}")
    DetailView detail(@PathVariable String id) {
        Submissions.Detail detail = submissions.detail(id);
        ZoneId zone = zone(detail.submission());
        Map<Integer, List<DocumentView>> versions = new java.util.LinkedHashMap<>();
        detail.versions().forEach((v, docs) -> versions.put(v, docs.stream().map(d -> document(id, d)).toList()));
        return new DetailView(view(detail.submission()), versions, detail.events().stream().map(e -> new EventView(e.version(), e.act(),
                e.who(), at(e.at(), zone), e.note().orElse(null), e.receiptNumber().orElse(null))).toList(), detail.mayAnswer());
    }

    @GetMapping("/kiriman/{id}/dokumen/{dokumenId}/isi")
    ResponseEntity<byte[]> content(@PathVariable String id, @PathVariable String dokumenId) {
        return submissions.download(id, dokumenId).response();
    }

    @PostMapping("/kiriman/{id}/terima")
    SubmissionView receive(@PathVariable String id) {
        return view(submissions.receive(id));
    }

    @PostMapping("/kiriman/{id}/kembalikan")
    SubmissionView sendBack(@PathVariable String id, @RequestBody(required = false) ReturnRequest request) {
        return view(submissions.sendBack(id, request == null ? null : request.catatan()));
    }

    @GetMapping("/ikhtisar")
    Overview.Matrix overview(@RequestParam(required = false) Integer tahun) {
        return submissions.overview(tahun == null ? clock.instant().atZone(ZoneId.of("Asia/Jakarta")).getYear() : tahun);
    }

    private SubmissionView view(Submission s) {
        ZoneId zone = zone(s);
        return new SubmissionView(s.id(), s.instanceId(), s.step(), s.kecamatan(), s.processKey(), s.sopName(), s.document(),
                s.businessKey(), s.period(), s.version(), s.status().label(), s.sentBy(), at(s.sentAt(), zone),
                s.answeredBy().orElse(null), s.answeredAt().map(a -> at(a, zone)).orElse(null), s.note().orElse(null),
                s.receiptNumber().orElse(null));
    }

    private static DocumentView document(String submissionId, Document d) {
        return new DocumentView(d.id(), d.kind(), d.version(), d.fileName(), d.contentType(), d.size(), d.sha256(),
                "/api/kiriman/" + submissionId + "/dokumen/" + d.id() + "/isi");
    }

    private ZoneId zone(Submission s) {
        return calendars.forKecamatan(s.kecamatan()).zone();
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
