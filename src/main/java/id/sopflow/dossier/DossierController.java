package id.sopflow.dossier;

import id.sopflow.calendar.WorkingCalendars;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/instances/{id}/dokumen}: an instance's dossier (list, upload, one document, its bytes, withdrawal) and
 * {@code /api/instances/{id}/kelengkapan}: each step's checklist. A thin adapter of {@link Dossier}, which decides.
 */
@RestController
@RequestMapping("/api/instances/{id}")
class DossierController {

    /** One version of a document; {@code unduh} is where its bytes are. */
    record DocumentView(String id, String prosesInstanceId, String jenis, int versi, int langkah, String namaBerkas, String jenisIsi,
                        long ukuran, String sha256, String catatan, String diunggahOleh, OffsetDateTime diunggahPada,
                        WithdrawalView ditarik, String unduh) {
    }

    record WithdrawalView(String oleh, OffsetDateTime pada, String alasan) {
    }

    /** A kind of document: its latest version still in force (null if none) and every version, newest first. */
    record KindView(String jenis, DocumentView terbaru, List<DocumentView> riwayat) {
    }

    record DossierView(String prosesInstanceId, List<String> jenisDokumen, List<KindView> dokumen) {
    }

    record WithdrawRequest(String alasan) {
    }

    record ItemView(String nama, boolean berkas, boolean wajib, boolean ada, String dokumenId) {
    }

    record StepView(int langkah, String namaLangkah, boolean berjalan, List<ItemView> kelengkapan, List<ItemView> hasilWajib) {
    }

    record ChecklistView(String prosesInstanceId, String kode, List<StepView> langkah) {
    }

    private final Dossier dossier;
    private final WorkingCalendars calendars;

    DossierController(Dossier dossier, WorkingCalendars calendars) {
        this.dossier = dossier;
        this.calendars = calendars;
    }

    @GetMapping("/dokumen")
    DossierView list(@PathVariable String id) {
        List<Document> documents = dossier.documents(id);
        List<String> kinds = dossier.kinds(id);
        ZoneId zone = zone(documents);
        Map<String, List<DocumentView>> byKind = new LinkedHashMap<>();
        kinds.forEach(k -> byKind.put(k, new ArrayList<>()));
        documents.forEach(d -> byKind.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(view(d, zone)));
        List<KindView> views = byKind.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new KindView(e.getKey(), e.getValue().stream().filter(v -> v.ditarik() == null).findFirst().orElse(null), e.getValue()))
                .toList();
        return new DossierView(id, kinds, views);
    }

    @PostMapping(path = "/dokumen", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentView> upload(@PathVariable String id, @RequestPart("berkas") List<MultipartFile> berkas,
                                        @RequestParam("jenis") String jenis, @RequestParam(name = "catatan", required = false) String catatan,
                                        @RequestParam(name = "tugasId", required = false) String tugasId) {
        if (berkas.size() != 1) {
            throw new id.sopflow.api.InvalidInput("Kirim tepat satu berkas di bagian 'berkas' (terkirim " + berkas.size() + ").");
        }
        MultipartFile file = berkas.get(0);
        Document document = dossier.upload(id, new Dossier.Upload(jenis, file.getOriginalFilename(), file.getSize(), file, catatan,
                java.util.Optional.ofNullable(tugasId).filter(t -> !t.isBlank())));
        DocumentView view = view(document, zone(List.of(document)));
        return ResponseEntity.created(URI.create(path(document))).body(view);
    }

    @GetMapping("/dokumen/{dokumenId}")
    DocumentView one(@PathVariable String id, @PathVariable String dokumenId) {
        Document document = dossier.document(id, dokumenId);
        return view(document, zone(List.of(document)));
    }

    @GetMapping("/dokumen/{dokumenId}/isi")
    ResponseEntity<byte[]> content(@PathVariable String id, @PathVariable String dokumenId) {
        return dossier.download(id, dokumenId).response();
    }

    @PostMapping("/dokumen/{dokumenId}/tarik")
    DocumentView withdraw(@PathVariable String id, @PathVariable String dokumenId, @RequestBody WithdrawRequest request) {
        Document document = dossier.withdraw(id, dokumenId, request.alasan());
        return view(document, zone(List.of(document)));
    }

    @GetMapping("/kelengkapan")
    ChecklistView checklist(@PathVariable String id) {
        Checklist checklist = dossier.checklist(id);
        return new ChecklistView(checklist.instanceId(), checklist.processKey(), checklist.steps().stream()
                .map(s -> new StepView(s.step(), s.name(), s.running(), items(s.kelengkapan()), items(s.requiredOutputs()))).toList());
    }

    private static List<ItemView> items(List<Checklist.Item> items) {
        return items.stream().map(i -> new ItemView(i.name(), i.document(), i.required(), i.present(), i.documentId().orElse(null))).toList();
    }

    private ZoneId zone(List<Document> documents) {
        return calendars.forKecamatan(documents.isEmpty() ? null : documents.get(0).kecamatan()).zone();
    }

    private static DocumentView view(Document d, ZoneId zone) {
        return new DocumentView(d.id(), d.instanceId(), d.kind(), d.version(), d.step(), d.fileName(), d.contentType(), d.size(), d.sha256(),
                d.note(), d.uploadedBy(), at(d.uploadedAt(), zone),
                d.withdrawal().map(w -> new WithdrawalView(w.by(), at(w.at(), zone), w.reason())).orElse(null), path(d) + "/isi");
    }

    private static String path(Document d) {
        return "/api/instances/" + d.instanceId() + "/dokumen/" + d.id();
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
