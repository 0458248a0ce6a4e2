package id.sopflow.dossier;

import id.sopflow.api.Conflict;
import id.sopflow.api.NotFound;
import id.sopflow.api.UnacceptableFile;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dossier of SOP instances: upload a document at the running step, list and download what an instance holds,
 * withdraw a document of the running step, and see each step's kelengkapan against the dossier. Everything is asked as
 * the current user ({@link CurrentUsers}); an upload is checked completely (kind, name, size, content) before anything
 * is stored, and its bytes, metadata and audit event are stored in one transaction.
 */
@Component
public class Dossier {

    private static final Logger LOG = LoggerFactory.getLogger(Dossier.class);

    /**
     * A file to add to a dossier: of which kind, under which name, how large, its bytes, an optional note, and the step
     * (task) the uploader means, if they say: when that step is no longer the running one, the upload is refused (409)
     * rather than filed under the next step.
     */
    public record Upload(String kind, String fileName, long size, InputStreamSource content, String note, Optional<String> taskId) {

        public Upload(String kind, String fileName, long size, InputStreamSource content, String note) {
            this(kind, fileName, size, content, note, Optional.empty());
        }
    }

    /** A document's bytes with what a download needs to say about them. */
    public record Content(Document document, byte[] bytes) {

        /**
         * The download as an HTTP answer: its detected type, always as an attachment, never sniffed or run by the browser
         * (a sandbox CSP), with the SHA-256 as ETag.
         */
        public org.springframework.http.ResponseEntity<byte[]> response() {
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType(document.contentType()))
                    .contentLength(bytes.length)
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                            .attachment().filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .eTag("\"" + document.sha256() + "\"")
                    .body(bytes);
        }
    }

    /** One act on a document for the instance's audit: who, when, what, and the document as it is now. */
    public record Event(String who, java.time.Instant at, String act, Document document, Optional<String> stepName) {
    }

    private final DossierAccess access;
    private final DocumentRecords records;
    private final DocumentStore store;
    private final CurrentUsers users;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ContentTypes types = new ContentTypes();
    private final long maxSize;

    Dossier(DossierAccess access, DocumentRecords records, DocumentStore store, CurrentUsers users, Clock clock,
            PlatformTransactionManager transactions, DossierSettings settings) {
        this.access = access;
        this.records = records;
        this.store = store;
        this.users = users;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.maxSize = settings.ukuranMaksimal().toBytes();
    }

    /** Adds a document to the dossier at the instance's running step, as its next version of that kind. */
    public Document upload(String instanceId, Upload upload) {
        CurrentUser user = users.current();
        return upload(instanceId, upload, user, user.id());
    }

    /** The same, done by SOPflow itself in the name of {@code userId} (the demo data). */
    public Document uploadAs(String userId, String instanceId, Upload upload) {
        return upload(instanceId, upload, CurrentUser.SYSTEM, userId);
    }

    private Document upload(String instanceId, Upload upload, CurrentUser user, String uploader) {
        DossierAccess.Instance instance = access.readable(instanceId);
        DossierAccess.RunningStep step = access.runningStep(instance);
        access.requireUpload(user, instance, step);
        upload.taskId().filter(meant -> !meant.equals(step.task().getId())).ifPresent(meant -> {
            throw new Conflict(movedOn(step));
        });
        String kind = DossierRules.kind(upload.kind(), ProcessContract.documentKinds(access.process(instance)));
        String note = DossierRules.note(upload.note(), "catatan");
        String fileName = FileNames.sanitise(upload.fileName());
        if (upload.size() <= 0) {
            throw new UnacceptableFile(UnacceptableFile.Reason.INVALID, "Berkas '" + FileNames.printable(fileName) + "' kosong (0 byte).");
        }
        if (upload.size() > maxSize) {
            throw new UnacceptableFile(UnacceptableFile.Reason.TOO_LARGE, "Berkas '" + FileNames.printable(fileName) + "' terlalu besar ("
                    + UnacceptableFile.megabytes(upload.size()) + "; paling besar " + UnacceptableFile.megabytes(maxSize) + ").");
        }
        String contentType = types.inspect(fileName, upload.content()::getInputStream);
        try {
            Document document = transaction.execute(status -> {
                Measured content = measured(upload);
                String reference = store.put(content, upload.size());
                if (content.count != upload.size()) {
                    throw new UnacceptableFile(UnacceptableFile.Reason.INVALID, "Berkas '" + FileNames.printable(fileName)
                            + "' terpotong saat diterima; unggah lagi.");
                }
                Document d = new Document(UUID.randomUUID().toString(), instance.id(), instance.kecamatan(), instance.processKey(), kind,
                        records.nextVersion(instance.id(), kind), step.number(), step.visit(), step.task().getId(), fileName, contentType,
                        upload.size(), HexFormat.of().formatHex(content.digest()), reference, note, uploader, clock.instant(), Optional.empty());
                records.insert(d);
                records.record(d.id(), d.instanceId(), DocumentRecords.Act.DIUNGGAH, uploader, d.uploadedAt());
                // the step may have been completed while the file came in: then it is not filed under a finished step
                if (!access.runningVisits(instance).containsValue(step.visit())) {
                    throw new Conflict(movedOn(step));
                }
                return d;
            });
            LOG.info("Dokumen {} v{} ({}, {} byte, sha256 {}) diunggah {} ke instance {} langkah {}", document.kind(), document.version(),
                    document.contentType(), document.size(), document.sha256(), uploader, document.instanceId(), document.step());
            return document;
        } catch (DuplicateKeyException e) {
            throw new Conflict("Dokumen jenis '" + kind + "' baru saja diunggah orang lain ke instance ini pada saat yang sama; muat ulang "
                    + "berkasnya, lalu unggah lagi bila masih perlu.");
        }
    }

    /** Every version of every document of an instance the caller may read, by kind, newest first. */
    public List<Document> documents(String instanceId) {
        access.readable(instanceId);
        return records.ofInstance(instanceId);
    }

    /**
     * The newest version not withdrawn of each of these kinds, in the order asked; for SOPflow's own work (what a sending
     * step sends), so without asking whether the current user may read the instance. A kind without one is left out.
     */
    public List<Document> newestOf(String instanceId, List<String> kinds) {
        List<Document> all = records.ofInstance(instanceId);
        return kinds.stream().flatMap(kind -> all.stream().filter(d -> d.kind().equals(kind) && !d.withdrawn())
                .max(Comparator.comparingInt(Document::version)).stream()).toList();
    }

    /** These documents of an instance, for a reader whose right to them comes from elsewhere (what was sent to Bappeda). */
    public List<Document> byIds(String instanceId, java.util.Collection<String> documentIds) {
        return records.ofInstance(instanceId).stream().filter(d -> documentIds.contains(d.id())).toList();
    }

    /**
     * The bytes of a document for a reader whose right to it comes from elsewhere (Bappeda, of what was sent to it: the
     * caller has checked that); the download is recorded in the instance's audit under the current user.
     */
    public Content sent(String instanceId, String documentId) {
        Document document = records.find(instanceId, documentId).orElseThrow(() -> notFound(documentId));
        byte[] bytes = store.read(document.contentRef());
        records.record(document.id(), instanceId, DocumentRecords.Act.DIUNDUH, users.current().id(), clock.instant());
        return new Content(document, bytes);
    }

    /** The kinds of document the instance's SOP keeps, in the SOP's order. */
    public List<String> kinds(String instanceId) {
        return ProcessContract.documentKinds(access.process(access.readable(instanceId)));
    }

    /** One document, if the caller may read its instance. */
    public Document document(String instanceId, String documentId) {
        access.readable(instanceId);
        return records.find(instanceId, documentId).orElseThrow(() -> notFound(documentId));
    }

    /** A document's bytes for the caller to download; the download is recorded. */
    public Content download(String instanceId, String documentId) {
        access.readable(instanceId);
        Document document = records.find(instanceId, documentId).orElseThrow(() -> notFound(documentId));
        byte[] bytes = store.read(document.contentRef());
        records.record(document.id(), instanceId, DocumentRecords.Act.DIUNDUH, users.current().id(), clock.instant());
        return new Content(document, bytes);
    }

    /**
     * Withdraws a document uploaded at the running step (a mistaken upload); documents of finished steps are part of
     * the record and stay. The bytes stay too; the withdrawal is recorded with its reason.
     */
    public Document withdraw(String instanceId, String documentId, String reason) {
        CurrentUser user = users.current();
        DossierAccess.Instance instance = access.readable(instanceId);
        Document document = records.find(instanceId, documentId).orElseThrow(() -> notFound(documentId));
        access.requireWithdrawal(user, instance, document);
        String why = DossierRules.required(reason, "alasan", "mengapa dokumen ini ditarik");
        return transaction.execute(status -> {
            // the row is locked first, then the step is checked: a completion that needs this document either sees it
            // withdrawn or has finished the step, in which case the withdrawal is refused
            if (!records.withdraw(documentId, user.id(), clock.instant(), why)) {
                throw new Conflict("Dokumen ini sudah ditarik sebelumnya.");
            }
            boolean running = access.runningVisits(instance).containsValue(document.visit());
            if (!running) {
                throw new Conflict("Dokumen ini bagian dari langkah " + document.step() + " yang sudah selesai, jadi tetap di berkas; "
                        + "unggah versi baru pada langkah yang sedang berjalan bila perlu.");
            }
            records.record(documentId, instanceId, DocumentRecords.Act.DITARIK, user.id(), clock.instant());
            return records.find(instanceId, documentId).orElseThrow();
        });
    }

    /** Each step's kelengkapan and required outputs against the dossier. */
    public Checklist checklist(String instanceId) {
        DossierAccess.Instance instance = access.readable(instanceId);
        org.camunda.bpm.model.bpmn.instance.Process process = access.process(instance);
        List<DossierRules.Step> steps = process.getModelInstance().getModelElementsByType(UserTask.class).stream()
                .flatMap(task -> StepMetadata.of(task).map(m -> new DossierRules.Step(m.number(), task.getName(), m)).stream())
                .sorted(Comparator.comparingInt(DossierRules.Step::number)).toList();
        return new Checklist(instance.id(), instance.processKey(), DossierRules.checklist(steps, ProcessContract.documentKinds(process),
                records.ofInstance(instance.id()), access.runningVisits(instance)));
    }

    /**
     * Who uploaded, downloaded or withdrew which document of an instance, oldest first, for its audit. The caller of
     * the audit has already been allowed to read the instance's history.
     */
    public List<Event> events(String instanceId) {
        List<Document> documents = records.ofInstance(instanceId);
        return records.events(instanceId).stream().map(e -> {
            Document d = documents.stream().filter(doc -> doc.id().equals(e.documentId())).findFirst().orElseThrow();
            String act = switch (e.act()) {
                case DIUNGGAH -> "mengunggah dokumen";
                case DIUNDUH -> "mengunduh dokumen";
                case DITARIK -> "menarik dokumen";
            };
            return new Event(e.who(), e.at(), act, d, access.stepName(instanceId, d.visit()));
        }).toList();
    }

    private static String movedOn(DossierAccess.RunningStep step) {
        return "Langkah " + step.number() + " sudah diselesaikan atau berpindah saat berkas diunggah; tidak ada yang disimpan. "
                + "Muat ulang, lalu unggah pada langkah yang sedang berjalan bila masih perlu.";
    }

    private static NotFound notFound(String documentId) {
        return new NotFound("Dokumen '" + documentId + "' tidak ada di berkas instance ini.");
    }

    private static Measured measured(Upload upload) {
        try {
            return new Measured(upload.content().getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The upload's bytes as the store reads them, counted and hashed on the way. */
    private static final class Measured extends FilterInputStream {
        private long count;

        Measured(InputStream in) {
            super(new DigestInputStream(in, sha256()));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        byte[] digest() {
            return ((DigestInputStream) in).getMessageDigest().digest();
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
