package id.sopflow.bappeda;

import id.sopflow.api.Conflict;
import id.sopflow.api.Forbidden;
import id.sopflow.api.InvalidInput;
import id.sopflow.api.NotFound;
import id.sopflow.bappeda.Overview.Cell;
import id.sopflow.bappeda.Overview.Column;
import id.sopflow.bappeda.Overview.Row;
import id.sopflow.bappeda.Overview.State;
import id.sopflow.dossier.Document;
import id.sopflow.dossier.Dossier;
import id.sopflow.engine.Caller;
import id.sopflow.monitoring.Monitoring;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import id.sopflow.organisation.Organisation;
import id.sopflow.organisation.Role;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.SopStep;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The entry of {@code bappeda}: what was sent to Bappeda, as the current user may see it, and Bappeda's answers.
 * Bappeda (and the admin) read every kecamatan's submissions; a kecamatan's staff read their own kecamatan's; anyone else
 * gets 404 as for an unknown id. Only Bappeda answers (403 for a reader who may not); an answered submission is not
 * answered again (409). The answer itself is the completion of Bappeda's inbox task, as the caller, so the engine's
 * authorizations decide who may give it, and the same answer through {@code /engine-rest} has the same effect.
 */
@Component
public class Submissions {

    /** A submission with its versions' documents (newest version first) and its history. */
    public record Detail(Submission submission, Map<Integer, List<Document>> versions, List<Submission.Event> events,
                         boolean mayAnswer) {
    }

    /** The instances behind one overview cell, as Bappeda may know them: their state and where they are. */
    public record CellInstance(String instanceId, String businessKey, java.time.Instant started, boolean late,
                               Optional<Submission> submission) {
    }

    private final SubmissionRecords records;
    private final Dossier dossier;
    private final CurrentUsers users;
    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final Monitoring monitoring;
    private final SopCatalog catalog;
    private final Organisation organisation;

    Submissions(SubmissionRecords records, Dossier dossier, CurrentUsers users, TaskService tasks, HistoryService history,
                IdentityService identity, Monitoring monitoring, SopCatalog catalog, Organisation organisation) {
        this.records = records;
        this.dossier = dossier;
        this.users = users;
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
        this.monitoring = monitoring;
        this.catalog = catalog;
        this.organisation = organisation;
    }

    /**
     * The submissions the caller may read, newest first.
     *
     * @param status terkirim, diterima or dikembalikan
     */
    public List<Submission> inbox(String sop, String kecamatan, Integer year, Integer month, String status) {
        CurrentUser user = users.current();
        List<String> scope;
        if (readsEveryKecamatan(user)) {
            scope = blank(kecamatan) ? List.of() : List.of(kecamatan.strip());
        } else if (blank(kecamatan)) {
            scope = user.kecamatan().isEmpty() ? List.of("-") : user.kecamatan();
        } else if (user.kecamatan().contains(kecamatan.strip())) {
            scope = List.of(kecamatan.strip());
        } else {
            throw new NotFound("kecamatan '" + kecamatan + "' tidak ditemukan");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new InvalidInput("bulan " + month + " tidak ada; gunakan 1 sampai 12");
        }
        if (year != null) {
            requireYear(year);
        }
        return records.search(new SubmissionRecords.Filter(Optional.ofNullable(sop).filter(s -> !s.isBlank()).map(String::strip), scope,
                Optional.ofNullable(year), Optional.ofNullable(month), status(status))).stream().filter(s -> mayRead(user, s)).toList();
    }

    /** One submission with its documents and history; 404 for whoever may not read it. */
    public Detail detail(String id) {
        Submission submission = readable(id);
        Map<Integer, List<Document>> versions = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        List<String[]> sent = records.documents(id);
        // read as SOPflow: the caller's right is the submission, not the instance
        List<Document> all = dossier.byIds(submission.instanceId(), sent.stream().map(r -> r[1]).collect(Collectors.toSet()));
        for (String[] row : sent) {
            int version = Integer.parseInt(row[0]);
            all.stream().filter(d -> d.id().equals(row[1])).findFirst()
                    .ifPresent(d -> versions.computeIfAbsent(version, v -> new ArrayList<>()).add(d));
        }
        return new Detail(submission, versions, records.events(id), mayAnswer(users.current()));
    }

    /** A sent document's bytes; only a document that was part of the submission (any version). */
    public Dossier.Content download(String id, String documentId) {
        Submission submission = readable(id);
        boolean sent = records.documents(id).stream().anyMatch(row -> row[1].equals(documentId));
        if (!sent) {
            throw new NotFound("dokumen '" + documentId + "' tidak ada di kiriman ini");
        }
        return dossier.sent(submission.instanceId(), documentId);
    }

    /** Bappeda receives the submission: a tanda terima, and the kecamatan's process goes on. */
    public Submission receive(String id) {
        return answer(id, true, null);
    }

    /** Bappeda returns the submission with a note: the kecamatan corrects it at its revision step and sends again. */
    public Submission sendBack(String id, String note) {
        if (note == null || note.isBlank()) {
            throw new InvalidInput("catatan wajib diisi: tulis apa yang harus diperbaiki kecamatan");
        }
        if (note.length() > ProcessContract.NOTE_MAX_LENGTH) {
            throw new InvalidInput("catatan terlalu panjang (" + note.length() + " karakter, maksimal " + ProcessContract.NOTE_MAX_LENGTH + ")");
        }
        return answer(id, false, note.strip());
    }

    /** The submissions of an instance (for its page; the caller was allowed to read the instance). */
    public List<Submission> ofInstance(String instanceId) {
        return records.ofInstance(instanceId);
    }

    /** The kabupaten overview of a year: every kecamatan against every SOP that sends to Bappeda. Bappeda and the admin. */
    public Overview.Matrix overview(int year) {
        CurrentUser user = users.current();
        if (!readsEveryKecamatan(user)) {
            throw new Forbidden("Ikhtisar kabupaten hanya untuk Bappeda dan admin.");
        }
        requireYear(year);
        List<Column> columns = new ArrayList<>();
        Set<String> keys = new java.util.LinkedHashSet<>();
        for (SopDefinition sop : catalog.definitions()) {
            if (sop.kecamatanOnly() || !sends(sop) || !keys.add(sop.kode())) {
                continue;
            }
            if (sop.schedule().isPresent()) {
                for (int m = 1; m <= 12; m++) {
                    String period = "%d-%02d".formatted(year, m);
                    columns.add(new Column(sop.kode(), sop.dokumen(), period, sop.dokumen() + " " + monthName(m)));
                }
            } else {
                columns.add(new Column(sop.kode(), sop.dokumen(), String.valueOf(year), sop.dokumen()));
            }
        }
        Map<String, Submission> latest = new HashMap<>();
        for (Submission s : records.search(new SubmissionRecords.Filter(Optional.empty(), List.of(), Optional.of(year), Optional.empty(),
                Optional.empty()))) {
            latest.merge(cellKey(s.kecamatan(), s.processKey(), s.period()), s, (a, b) -> a.step() >= b.step() ? a : b);
        }
        Map<String, List<HistoricProcessInstance>> running = running(keys, year);
        Set<String> late = monitoring.alerts("terbuka", "TERLAMBAT", null).stream().map(Monitoring.AlertView::prosesInstanceId)
                .collect(Collectors.toSet());
        List<Row> rows = new ArrayList<>();
        for (Organisation.Kecamatan kecamatan : organisation.kecamatan()) {
            List<Cell> cells = new ArrayList<>();
            for (Column column : columns) {
                SopDefinition own = catalog.find(column.processKey(), kecamatan.id()).orElse(null);
                String key = cellKey(kecamatan.id(), column.processKey(), column.period());
                List<HistoricProcessInstance> instances = running.getOrDefault(key, List.of());
                State state = !sends(own) ? null : Overview.state(Optional.ofNullable(latest.get(key)).map(Submission::status),
                        !instances.isEmpty(), instances.stream().anyMatch(p -> late.contains(p.getId())));
                cells.add(new Cell(kecamatan.id(), column.processKey(), column.period(), state));
            }
            rows.add(new Row(kecamatan.id(), kecamatan.nama(), cells));
        }
        return new Overview.Matrix(year, columns, rows);
    }

    /** The instances behind one cell of the overview. */
    public List<CellInstance> cell(String kecamatan, String processKey, String period) {
        CurrentUser user = users.current();
        if (!readsEveryKecamatan(user)) {
            throw new Forbidden("Ikhtisar kabupaten hanya untuk Bappeda dan admin.");
        }
        if (period == null || !period.matches("(20\\d{2}|2100)(-(0[1-9]|1[0-2]))?")) {
            throw new InvalidInput("periode '" + period + "' tidak dikenal; gunakan tahun (2026) atau tahun-bulan (2026-11)");
        }
        int year = Integer.parseInt(period.substring(0, 4));
        // a cell of the overview: a kecamatan of the file and an SOP that it sends to Bappeda, nothing else
        if (organisation.kecamatan().stream().noneMatch(k -> k.id().equals(kecamatan)) || !sends(known(processKey, kecamatan))) {
            throw new NotFound("sel ikhtisar '" + kecamatan + "', '" + processKey + "' tidak ada");
        }
        Set<String> late = monitoring.alerts("terbuka", "TERLAMBAT", kecamatan).stream().map(Monitoring.AlertView::prosesInstanceId)
                .collect(Collectors.toSet());
        List<Submission> sent = records.search(new SubmissionRecords.Filter(Optional.of(processKey), List.of(kecamatan),
                Optional.of(year), Optional.empty(), Optional.empty())).stream().filter(s -> s.period().equals(period)).toList();
        List<CellInstance> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (HistoricProcessInstance p : running(Set.of(processKey), year).getOrDefault(cellKey(kecamatan, processKey, period), List.of())) {
            seen.add(p.getId());
            result.add(new CellInstance(p.getId(), p.getBusinessKey(), p.getStartTime().toInstant(), late.contains(p.getId()),
                    sent.stream().filter(s -> s.instanceId().equals(p.getId())).reduce((a, b) -> a.step() >= b.step() ? a : b)));
        }
        for (Submission s : sent) {
            if (seen.add(s.instanceId())) {
                result.add(new CellInstance(s.instanceId(), s.businessKey(), s.sentAt(), false, Optional.of(s)));
            }
        }
        return result;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private SopDefinition known(String processKey, String kecamatan) {
        try {
            return processKey == null || ProcessContract.isBappedaProcess(processKey) || ProcessContract.isSchedule(processKey) ? null
                    : catalog.get(processKey, kecamatan);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInput("tahun " + year + " di luar rentang 2000 sampai 2100");
        }
    }

    private Submission answer(String id, boolean received, String note) {
        Submission submission = readable(id);
        if (!mayAnswer(users.current())) {
            throw new Forbidden("Hanya Bappeda yang menerima atau mengembalikan kiriman.");
        }
        if (submission.answered()) {
            throw new Conflict(answered(submission));
        }
        Task task = tasks.createTaskQuery().processDefinitionKey(ProcessContract.BAPPEDA_INBOX)
                .processVariableValueEquals(ProcessContract.SUBMISSION_ID, id).singleResult();
        if (task == null) {
            throw new Conflict(answered(records.find(id).orElse(submission)));
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put(ProcessContract.APPROVED, received);
        if (note != null) {
            answer.put(ProcessContract.NOTE, note);
        }
        try {
            tasks.complete(task.getId(), answer);
        } catch (RuntimeException refused) {
            // a second answer at the same moment (a double click, two Bappeda staff) finds the task gone, its instance gone
            // (the engine may fail in any way then) or the submission answered: the first one stands
            Submission now = records.find(id).orElse(submission);
            if (now.answered()) {
                throw new Conflict(answered(now));
            }
            if (refused instanceof id.sopflow.engine.StepNotReady) {
                throw new Conflict(refused.getMessage());
            }
            throw refused;
        }
        return records.find(id).orElseThrow();
    }

    private static String answered(Submission s) {
        return switch (s.status()) {
            case DITERIMA -> "Kiriman ini sudah diterima" + s.receiptNumber().map(n -> " dengan tanda terima " + n).orElse("")
                    + s.answeredBy().map(b -> " oleh " + b).orElse("") + "; tidak dapat dijawab lagi.";
            case DIKEMBALIKAN -> "Kiriman ini sudah dikembalikan" + s.answeredBy().map(b -> " oleh " + b).orElse("")
                    + "; kecamatan sedang memperbaikinya dan akan mengirim versi baru.";
            case TERKIRIM -> "Kiriman ini sedang dijawab oleh orang lain; muat ulang halamannya.";
        };
    }

    private Submission readable(String id) {
        Submission submission = id == null ? null : records.find(id).orElse(null);
        CurrentUser user = users.current();
        if (submission == null || !mayRead(user, submission)) {
            throw new NotFound("kiriman '" + id + "' tidak ditemukan");
        }
        return submission;
    }

    /**
     * Bappeda and the admin read every submission; in the kecamatan, the Sekcam and the Camat read their kecamatan's,
     * and whoever sent one reads it (a step's holder reads the dossier itself on the instance page).
     */
    private static boolean mayRead(CurrentUser user, Submission submission) {
        return readsEveryKecamatan(user) || user.kecamatan().contains(submission.kecamatan())
                && (user.seesWholeOffice() || user.id() != null && user.id().equals(submission.sentBy()));
    }

    /** Running instances of these SOPs per cell key, read as SOPflow (Bappeda reads no kecamatan instance itself). */
    private Map<String, List<HistoricProcessInstance>> running(Set<String> keys, int year) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<HistoricProcessInstance> all = Caller.without(identity, () -> history.createHistoricProcessInstanceQuery().unfinished()
                .processDefinitionKeyIn(keys.toArray(String[]::new)).list());
        Map<String, List<HistoricProcessInstance>> byCell = new HashMap<>();
        for (HistoricProcessInstance p : all) {
            if (p.getTenantId() == null) {
                continue;
            }
            SopDefinition sop = known(p.getProcessDefinitionKey(), p.getTenantId());
            if (sop == null) {
                continue;
            }
            int[] period = SubmissionDelegate.period(null, p.getBusinessKey(), p.getStartTime().toInstant(), sop.schedule().isPresent());
            if (period[0] != year) {
                continue;
            }
            String text = period[1] == 0 ? String.valueOf(period[0]) : "%d-%02d".formatted(period[0], period[1]);
            byCell.computeIfAbsent(cellKey(p.getTenantId(), p.getProcessDefinitionKey(), text), k -> new ArrayList<>()).add(p);
        }
        return byCell;
    }

    private static boolean sends(SopDefinition sop) {
        return sop != null && sop.steps().stream().anyMatch(SopStep::sendsToBappeda);
    }

    private static String cellKey(String kecamatan, String processKey, String period) {
        return kecamatan + "|" + processKey + "|" + period;
    }

    /** Whether the user reads what every kecamatan sent, and the overview: Bappeda, its head and the admin. */
    public static boolean readsEveryKecamatan(CurrentUser user) {
        return user.isSystem() || user.has(Role.BAPPEDA) || user.has(Role.KEPALA_BAPPEDA) || user.has(Role.ADMIN)
                || user.groups().contains(Organisation.CAMUNDA_ADMIN_GROUP);
    }

    private static boolean mayAnswer(CurrentUser user) {
        return user.has(Role.BAPPEDA) || user.groups().contains(Organisation.CAMUNDA_ADMIN_GROUP);
    }

    private static Optional<Submission.Status> status(String text) {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Submission.Status.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status '" + text + "' tidak dikenal; gunakan terkirim, diterima atau dikembalikan");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String monthName(int month) {
        return java.time.Month.of(month).getDisplayName(java.time.format.TextStyle.SHORT, Locale.forLanguageTag("id"));
    }
}
