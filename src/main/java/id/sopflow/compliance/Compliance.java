package id.sopflow.compliance;

import id.sopflow.api.Conflict;
import id.sopflow.api.Forbidden;
import id.sopflow.api.InvalidInput;
import id.sopflow.api.NotFound;
import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.dossier.Document;
import id.sopflow.dossier.Dossier;
import id.sopflow.engine.Caller;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import id.sopflow.organisation.Organisation;
import id.sopflow.organisation.Role;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.SopStep;
import id.sopflow.sop.StepMetadata;
import id.sopflow.sop.StoredDeadlines;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The compliance package's entry: the compliance report of an SOP in a kecamatan and a semester (Monitoring Pelaksanaan
 * SOP AP, Permenpan RB 35/2012) with the Sekcam's catatan, tindakan and paraf, and the record of movement of an instance
 * (Pencatatan dan Pendataan). Read from Camunda's history (history level full); the figures are computed in plain Java
 * ({@link ComplianceReport}, {@link Movement}).
 *
 * <p><b>Who may do what</b> (decision): the report of a kecamatan is read by its Sekcam, Camat and Kasubbag (the Kasi
 * Perencanaan dan Keuangan, who prepares the planning documents), and by the admin for every kecamatan; any other role
 * is refused (403; Bappeda too: it reads what was sent to it, no kecamatan's history); another kecamatan is not found
 * (404, as for what does not exist). Only the Sekcam of the kecamatan, the penilai of the form, writes its catatan and
 * tindakan and initials it (paraf); anyone else who reads it gets 403. The report holds figures, never an instance's
 * content, so it is computed from the history without the caller's engine authorizations (a Kasubbag has no history
 * grant), after these checks. The record of movement of an instance is read by whoever may read the instance's dossier
 * (its holder, the Sekcam, the Camat, the admin; 404 for anyone else).
 */
@Component
public class Compliance {

    /** A Sekcam's catatan (Catatan Hasil Penilaian) and tindakan (Tindakan yang Harus Diambil) for a step (0: the whole SOP). */
    public record Note(int step, String catatan, String tindakan, String changedBy, Instant changedAt) {
    }

    /** Who initialled the form (Paraf Penilai) and when. */
    public record Paraf(String by, Instant at) {
    }

    /** The notes of a form by step, and its paraf. */
    public record Notes(Map<Integer, Note> byStep, Optional<Paraf> paraf) {

        public Notes {
            byStep = Map.copyOf(byStep);
        }

        public Note of(int step) {
            return byStep.getOrDefault(step, new Note(step, "", "", null, null));
        }
    }

    /** The kecamatan a report is about, and what the caller may do there. */
    public record Office(String id, String nama, boolean mayEdit, boolean choosesKecamatan) {
    }

    /**
     * A compliance report as a form: the figures, the notes and paraf, whether the caller may still edit it, and whether
     * the semester is over (a form is initialled only then, when its figures are final); {@code frozen}: the figures are
     * those stored with the paraf.
     */
    public record Form(Office office, ComplianceReport report, Notes notes, boolean mayEdit, boolean semesterEnded, LocalDate lastDay,
                       ZoneId zone, boolean frozen) {
    }

    /** The longest catatan or tindakan (the column). */
    public static final int NOTE_MAX_LENGTH = 2000;

    private final CurrentUsers users;
    private final Organisation organisation;
    private final SopCatalog catalog;
    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final WorkingCalendars calendars;
    private final ComplianceSettings settings;
    private final AssessmentRecords records;
    private final Dossier dossier;
    private final Clock clock;

    Compliance(CurrentUsers users, Organisation organisation, SopCatalog catalog, HistoryService history, RepositoryService repository,
               IdentityService identity, WorkingCalendars calendars, ComplianceSettings settings, AssessmentRecords records, Dossier dossier,
               Clock clock) {
        this.users = users;
        this.organisation = organisation;
        this.catalog = catalog;
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.calendars = calendars;
        this.settings = settings;
        this.records = records;
        this.dossier = dossier;
        this.clock = clock;
    }

    /** Whether the caller may read compliance reports at all (the menu). */
    public boolean mayRead(CurrentUser user) {
        return isAdmin(user) || readsOwnOffice(user);
    }

    /**
     * The kecamatan the caller asks about: {@code wanted}, else their own (the admin must choose).
     *
     * @throws Forbidden (403) for a role that does not read the report
     * @throws NotFound  (404) for a kecamatan that is not the caller's (or does not exist)
     */
    public Office office(String wanted) {
        CurrentUser user = users.current();
        if (!mayRead(user)) {
            throw new Forbidden("Laporan kepatuhan SOP untuk Sekcam, Camat dan Kasubbag kecamatan.");
        }
        String asked = wanted == null || wanted.isBlank() ? null : wanted.strip();
        boolean admin = isAdmin(user);
        if (asked == null) {
            if (admin || user.kecamatan().isEmpty()) {
                throw new InvalidInput("Pilih kecamatan laporan kepatuhan (parameter 'kecamatan').");
            }
            asked = user.kecamatan().get(0);
        }
        String id = asked;
        Organisation.Kecamatan office = organisation.kecamatan(id).filter(k -> admin || user.kecamatan().contains(k.id()))
                .orElseThrow(() -> new NotFound("Kecamatan '" + id + "' tidak ditemukan."));
        return new Office(office.id(), office.nama(), user.has(Role.SEKCAM) && user.kecamatan().contains(office.id()),
                chooses(user));
    }

    /**
     * Whether the caller chooses the kecamatan (and addresses carry {@code kecamatan=}): the admin always, even with one
     * kecamatan, and staff of more than one.
     */
    public boolean choosesKecamatan() {
        return chooses(users.current());
    }

    private boolean chooses(CurrentUser user) {
        return isAdmin(user) || user.kecamatan().size() > 1;
    }

    /** The kecamatan the caller may choose among (the admin: every one; staff: their own). */
    public List<Organisation.Kecamatan> offices() {
        CurrentUser user = users.current();
        return organisation.kecamatan().stream().filter(k -> isAdmin(user) || user.kecamatan().contains(k.id())).toList();
    }

    /** The SOPs that apply in the kecamatan (its own variants, else the shared ones). */
    public List<SopDefinition> sops(Office office) {
        return catalog.forKecamatan(office.id());
    }

    /** The semester of today in the kecamatan. */
    public Semester currentSemester(Office office) {
        return Semester.of(LocalDate.ofInstant(clock.instant(), calendars.forKecamatan(office.id()).zone()));
    }

    /**
     * The compliance report of an SOP in the caller's (or the chosen) kecamatan and a semester ({@code 2026-1}; blank: the
     * current one), with its notes and paraf. An initialled form shows the figures frozen at its paraf.
     *
     * @throws InvalidInput (400) for a semester that is not {@code TTTT-1} or {@code TTTT-2}
     * @throws NotFound     (404) for an SOP that does not apply in the kecamatan
     */
    public Form form(String kode, String semester, String kecamatan) {
        Office office = office(kecamatan);
        SopDefinition sop = sop(kode, office);
        WorkingCalendar calendar = calendars.forKecamatan(office.id());
        Semester period = semester == null || semester.isBlank() ? currentSemester(office) : Semester.parse(semester);
        AssessmentRecords.Key key = new AssessmentRecords.Key(office.id(), sop.kode(), period.toString());
        Notes notes = records.read(key);
        Optional<ComplianceReport> frozen = notes.paraf().isPresent() ? records.frozen(key, sop.nama(), period) : Optional.empty();
        ComplianceReport report = frozen.orElseGet(() -> compute(sop, office.id(), period, calendar));
        boolean ended = !clock.instant().isBefore(period.end(calendar.zone()));
        return new Form(office, report, notes, office.mayEdit() && notes.paraf().isEmpty(), ended, period.endDay().minusDays(1),
                calendar.zone(), frozen.isPresent());
    }

    private ComplianceReport compute(SopDefinition sop, String kecamatan, Semester period, WorkingCalendar calendar) {
        return ComplianceReport.of(sop, kecamatan, period, executions(sop, kecamatan, period, calendar), calendar, settings.ambangTepatWaktu(),
                clock.instant());
    }

    /**
     * The Sekcam writes the catatan and tindakan of a step (0: the SOP as a whole).
     *
     * @throws Forbidden    (403) for anyone but the Sekcam of the kecamatan, before the input is read
     * @throws InvalidInput (400) for a semester not begun or absurd, an unknown step, a text too long or with control characters
     * @throws Conflict     (409) once the form is initialled
     */
    public void note(String kode, String semester, String kecamatan, int step, String catatan, String tindakan) {
        Office office = office(kecamatan);
        SopDefinition sop = sop(kode, office);
        requireEditor(office);
        Semester period = assessable(Semester.parse(semester), office);
        if (step != AssessmentRecords.WHOLE_SOP && sop.steps().stream().noneMatch(s -> s.number() == step)) {
            throw new InvalidInput("Langkah " + step + " tidak ada di SOP '" + sop.kode() + "' (langkah 1 sampai " + sop.steps().size()
                    + "; 0 untuk SOP secara keseluruhan).");
        }
        String c = text("catatan", catatan);
        String t = text("tindakan", tindakan);
        records.save(new AssessmentRecords.Key(office.id(), sop.kode(), period.toString()), step, c, t, users.current().id(), clock.instant());
    }

    /**
     * The Sekcam initials the form of a semester that is over; the figures of that moment are stored with the paraf and
     * are what the form shows from then on.
     *
     * @throws Forbidden (403) for anyone but the Sekcam of the kecamatan
     * @throws Conflict  (409) before the semester's end, or when it is initialled already
     */
    public void sign(String kode, String semester, String kecamatan) {
        Office office = office(kecamatan);
        SopDefinition sop = sop(kode, office);
        requireEditor(office);
        Semester period = assessable(Semester.parse(semester), office);
        WorkingCalendar calendar = calendars.forKecamatan(office.id());
        if (clock.instant().isBefore(period.end(calendar.zone()))) {
            throw new Conflict("Semester " + period.label() + " belum berakhir: penilaiannya diparaf setelah "
                    + period.endDay().minusDays(1) + ", ketika angkanya sudah tetap.");
        }
        records.sign(new AssessmentRecords.Key(office.id(), sop.kode(), period.toString()), users.current().id(), clock.instant(),
                compute(sop, office.id(), period, calendar));
    }

    /** A semester that can be assessed: begun, and not before 2000 nor after this year. */
    private Semester assessable(Semester period, Office office) {
        Semester current = currentSemester(office);
        if (period.year() < 2000 || period.year() > current.year()) {
            throw new InvalidInput("Semester " + period + " tidak dapat dinilai: tahunnya di luar 2000 sampai " + current.year() + ".");
        }
        if (period.year() == current.year() && period.half() > current.half()) {
            throw new InvalidInput("Semester " + period.label() + " belum dimulai; penilaiannya diisi setelah semester itu dimulai.");
        }
        return period;
    }

    /**
     * The record of movement of an instance the caller may read.
     *
     * @throws NotFound (404) for an instance the caller may not read, as for one that does not exist
     */
    public Movement movement(String instanceId) {
        List<Document> documents = dossier.documents(instanceId); // 404 for whoever may not read the instance
        HistoricProcessInstance instance = Caller.without(identity,
                () -> history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult());
        if (instance == null) {
            throw new NotFound("Instance '" + instanceId + "' tidak ditemukan.");
        }
        String kecamatan = instance.getTenantId();
        String key = instance.getProcessDefinitionKey();
        SopDefinition sop = (kecamatan == null
                ? catalog.definitions().stream().filter(d -> d.kode().equals(key) && !d.kecamatanOnly()).findFirst()
                : catalog.find(key, kecamatan))
                .orElseThrow(() -> new NotFound("Instance '" + instanceId + "' bukan instance SOP; riwayat perpindahannya tidak ada."));
        WorkingCalendar calendar = calendars.forKecamatan(kecamatan);
        // Bappeda's own step runs in Bappeda's process, started with the sending instance's id
        List<String> bappeda = Caller.without(identity, () -> history.createHistoricVariableInstanceQuery()
                .variableValueEquals(ProcessContract.KECAMATAN_INSTANCE, instanceId).list()).stream()
                .map(HistoricVariableInstance::getProcessInstanceId).distinct().toList();
        List<String> instances = new ArrayList<>();
        instances.add(instanceId);
        instances.addAll(bappeda);
        List<HistoricTaskInstance> tasks = new ArrayList<>();
        Map<String, String> completedBy = new HashMap<>();
        for (String id : instances) {
            tasks.addAll(Caller.without(identity, () -> history.createHistoricTaskInstanceQuery().processInstanceId(id).list()));
            Caller.without(identity, () -> history.createUserOperationLogQuery().processInstanceId(id)
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
                    .forEach(log -> {
                        if (log.getTaskId() != null && log.getUserId() != null) {
                            completedBy.putIfAbsent(log.getTaskId(), log.getUserId());
                        }
                    });
        }
        List<HistoricVariableInstance> variables = Caller.without(identity, () -> history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new))
                .variableNameIn(ProcessContract.APPROVED, ProcessContract.NOTE, ProcessContract.STEP_DEADLINES).list());
        Map<String, Map<String, Object>> byVisit = byActivityInstance(variables);
        Definitions definitions = new Definitions();
        List<Movement.Visit> visits = new ArrayList<>();
        for (HistoricTaskInstance t : tasks) {
            Optional<StepMetadata> step = definitions.step(t);
            if (step.isEmpty()) {
                continue;
            }
            Map<String, Object> local = byVisit.getOrDefault(t.getActivityInstanceId(), Map.of());
            boolean cancelled = t.getEndTime() != null && !COMPLETED.equals(t.getDeleteReason());
            visits.add(new Movement.Visit(t.getActivityInstanceId(), step.get().number(), t.getName(), t.getStartTime().toInstant(),
                    Optional.ofNullable(t.getEndTime()).map(Date::toInstant), Optional.ofNullable(completedBy.get(t.getId())).orElse(t.getAssignee()),
                    Optional.ofNullable(local.get(ProcessContract.APPROVED)).filter(Boolean.class::isInstance).map(Boolean.class::cast),
                    Optional.ofNullable(local.get(ProcessContract.NOTE)).map(Object::toString).orElse(null), step.get().role(),
                    step.get().waktu().orElse(""), StoredDeadlines.dueOf(local.get(ProcessContract.STEP_DEADLINES)), cancelled));
        }
        List<Movement.Upload> uploads = documents.stream().map(d -> new Movement.Upload(d.visit(), d.step(), new Movement.DocumentEntry(d.kind(),
                d.version(), d.fileName(), d.uploadedBy(), d.uploadedAt(),
                d.withdrawal().map(w -> "ditarik oleh " + w.by() + ": " + w.reason()).orElse(null)))).toList();
        boolean terminated = HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(instance.getState())
                || HistoricProcessInstance.STATE_INTERNALLY_TERMINATED.equals(instance.getState());
        Optional<String> stopped = terminated ? Optional.of(Optional.ofNullable(instance.getDeleteReason()).filter(r -> !r.isBlank())
                .orElse("tanpa alasan")) : Optional.empty();
        return Movement.of(instanceId, instance.getBusinessKey(), kecamatan, sop, calendar, instance.getStartTime().toInstant(),
                instance.getStartUserId(), new Movement.State(Optional.ofNullable(instance.getEndTime()).map(Date::toInstant), stopped,
                        clock.instant()), visits, uploads);
    }

    /** The most ids in one IN list of a query (Oracle's and a safe bound elsewhere). */
    private static final int IN_LIST = 1000;
    private static final String COMPLETED = "completed";

    /**
     * The visits of the SOP's steps in the kecamatan that matter for the semester: those ended in it and those handed over
     * in it (open, cancelled, or done later); Bappeda's own step from Bappeda's processes started by this kecamatan. Each
     * with the deadline its timer stored, the step and waktu of the definition it ran in, and whether it sent the work
     * back. The history is read in a fixed number of queries (the variables in chunks of {@value #IN_LIST} instances).
     */
    private List<StepExecution> executions(SopDefinition sop, String kecamatan, Semester period, WorkingCalendar calendar) {
        Instant from = period.start(calendar.zone());
        Instant to = period.end(calendar.zone());
        Map<String, HistoricTaskInstance> tasks = new LinkedHashMap<>();
        Caller.without(identity, () -> {
            tasks(() -> history.createHistoricTaskInstanceQuery().processDefinitionKey(sop.kode()).tenantIdIn(kecamatan), from, to, tasks);
            if (sop.steps().stream().anyMatch(SopStep::isBappedaWork)) {
                tasks(() -> history.createHistoricTaskInstanceQuery().processDefinitionKey(ProcessContract.bappedaProcessKey(sop.kode()))
                        .processInstanceBusinessKeyLike(kecamatan + ":%"), from, to, tasks);
            }
            return null;
        });
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<String> instances = tasks.values().stream().map(HistoricTaskInstance::getProcessInstanceId).distinct().toList();
        List<HistoricVariableInstance> variables = new ArrayList<>();
        for (int i = 0; i < instances.size(); i += IN_LIST) {
            String[] chunk = instances.subList(i, Math.min(instances.size(), i + IN_LIST)).toArray(String[]::new);
            variables.addAll(Caller.without(identity, () -> history.createHistoricVariableInstanceQuery().processInstanceIdIn(chunk)
                    .variableNameIn(ProcessContract.APPROVED, ProcessContract.STEP_DEADLINES).list()));
        }
        Map<String, Map<String, Object>> byVisit = byActivityInstance(variables);
        Definitions definitions = new Definitions();
        List<StepExecution> executions = new ArrayList<>();
        for (HistoricTaskInstance t : tasks.values()) {
            Optional<StepMetadata> step = definitions.step(t);
            if (step.isEmpty()) {
                continue;
            }
            Map<String, Object> local = byVisit.getOrDefault(t.getActivityInstanceId(), Map.of());
            Instant start = t.getStartTime().toInstant();
            Optional<Instant> deadline = StepExecution.deadline(StoredDeadlines.dueOf(local.get(ProcessContract.STEP_DEADLINES)), start,
                    waktu(step.get()), calendar);
            int number = step.get().number();
            String pid = t.getProcessInstanceId();
            if (t.getEndTime() == null) {
                executions.add(StepExecution.open(pid, number, start, deadline));
            } else if (COMPLETED.equals(t.getDeleteReason())) {
                executions.add(StepExecution.completed(pid, number, start, t.getEndTime().toInstant(), deadline,
                        Boolean.FALSE.equals(local.get(ProcessContract.APPROVED))));
            } else {
                executions.add(StepExecution.cancelled(pid, number, start, t.getEndTime().toInstant(), deadline));
            }
        }
        return executions;
    }

    /** The tasks of a query that ended in the period or were handed over in it, by id. */
    private static void tasks(Supplier<HistoricTaskInstanceQuery> query, Instant from, Instant to, Map<String, HistoricTaskInstance> into) {
        Date after = Date.from(from.minusSeconds(1));
        Date before = Date.from(to.plusSeconds(1));
        query.get().finished().finishedAfter(after).finishedBefore(before).list().forEach(t -> into.putIfAbsent(t.getId(), t));
        query.get().startedAfter(after).startedBefore(before).list().forEach(t -> into.putIfAbsent(t.getId(), t));
    }

    private static Optional<Waktu> waktu(StepMetadata step) {
        try {
            return step.waktu().flatMap(Waktu::parse);
        } catch (RuntimeException e) {
            return Optional.empty(); // a waktu no timer could read has no deadline
        }
    }

    /** The local variables of each visit (by its activity instance). */
    private static Map<String, Map<String, Object>> byActivityInstance(List<HistoricVariableInstance> variables) {
        Map<String, Map<String, Object>> byVisit = new HashMap<>();
        for (HistoricVariableInstance v : variables) {
            if (v.getActivityInstanceId() != null && v.getValue() != null) {
                byVisit.computeIfAbsent(v.getActivityInstanceId(), k -> new HashMap<>()).putIfAbsent(v.getName(), v.getValue());
            }
        }
        return byVisit;
    }

    /** The step a task stands for, read from the deployed definition it ran in (each definition read once). */
    private final class Definitions {
        private final Map<String, BpmnModelInstance> models = new HashMap<>();

        Optional<StepMetadata> step(HistoricTaskInstance task) {
            if (ProcessContract.stepNumber(task.getTaskDefinitionKey()).isEmpty()) {
                return Optional.empty();
            }
            BpmnModelInstance model = models.computeIfAbsent(task.getProcessDefinitionId(),
                    id -> Caller.without(identity, () -> repository.getBpmnModelInstance(id)));
            return model == null ? Optional.empty() : StepMetadata.of(model.getModelElementById(task.getTaskDefinitionKey()));
        }
    }

    private SopDefinition sop(String kode, Office office) {
        return catalog.find(kode, office.id()).orElseThrow(() -> new NotFound("SOP '" + kode + "' tidak berlaku di Kecamatan " + office.nama() + "."));
    }

    private static void requireEditor(Office office) {
        if (!office.mayEdit()) {
            throw new Forbidden("Catatan, tindakan dan paraf penilaian diisi oleh Sekcam kecamatan ini.");
        }
    }

    /**
     * A catatan or tindakan as stored: line ends as LF (a browser's maxlength counts a line break as one), trimmed, at
     * most {@value #NOTE_MAX_LENGTH} characters, no control characters but line break and tab (PostgreSQL refuses NUL).
     */
    static String text(String field, String value) {
        String text = value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\t' && (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT && c != '\u200D'
                    && c != '\u200C')) {
                throw new InvalidInput("Isian '" + field + "' memuat karakter kendali (U+" + String.format("%04X", (int) c)
                        + ") pada posisi " + (i + 1) + "; hapus karakter itu.");
            }
        }
        if (text.length() > NOTE_MAX_LENGTH) {
            throw new InvalidInput("Isian '" + field + "' terlalu panjang: " + text.length() + " karakter; paling banyak " + NOTE_MAX_LENGTH + ".");
        }
        return text;
    }

    private static boolean isAdmin(CurrentUser user) {
        return user.groups().contains(Organisation.CAMUNDA_ADMIN_GROUP);
    }

    private static boolean readsOwnOffice(CurrentUser user) {
        return !user.kecamatan().isEmpty() && (user.has(Role.SEKCAM) || user.has(Role.CAMAT) || user.has(Role.KASUBBAG));
    }
}
