package id.sopflow.compliance;

import id.sopflow.api.Conflict;
import id.sopflow.api.Forbidden;
import id.sopflow.api.InvalidInput;
import id.sopflow.api.NotFound;
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
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
     * the semester is over (a form is initialled only then, when its figures are final).
     */
    public record Form(Office office, ComplianceReport report, Notes notes, boolean mayEdit, boolean semesterEnded, LocalDate lastDay,
                       java.time.ZoneId zone) {
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
        return new Office(office.id(), office.nama(), user.has(Role.SEKCAM) && user.kecamatan().contains(office.id()), admin);
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
     * current one), with its notes and paraf.
     *
     * @throws InvalidInput (400) for a semester that is not {@code TTTT-1} or {@code TTTT-2}
     * @throws NotFound     (404) for an SOP that does not apply in the kecamatan
     */
    public Form form(String kode, String semester, String kecamatan) {
        Office office = office(kecamatan);
        SopDefinition sop = sop(kode, office);
        WorkingCalendar calendar = calendars.forKecamatan(office.id());
        Semester period = semester == null || semester.isBlank() ? currentSemester(office) : Semester.parse(semester);
        ComplianceReport report = ComplianceReport.of(sop, office.id(), period, executions(sop, office.id(), period, calendar), calendar,
                settings.ambangTepatWaktu());
        Notes notes = records.read(new AssessmentRecords.Key(office.id(), sop.kode(), period.toString()));
        boolean ended = !clock.instant().isBefore(period.end(calendar.zone()));
        return new Form(office, report, notes, office.mayEdit() && notes.paraf().isEmpty(), ended, period.endDay().minusDays(1),
                calendar.zone());
    }

    /**
     * The Sekcam writes the catatan and tindakan of a step (0: the SOP as a whole).
     *
     * @throws Forbidden (403) for anyone but the Sekcam of the kecamatan
     * @throws Conflict  (409) once the form is initialled
     */
    public void note(String kode, String semester, String kecamatan, int step, String catatan, String tindakan) {
        Office office = office(kecamatan);
        SopDefinition sop = sop(kode, office);
        Semester period = Semester.parse(semester);
        requireEditor(office);
        if (step != AssessmentRecords.WHOLE_SOP && sop.steps().stream().noneMatch(s -> s.number() == step)) {
            throw new InvalidInput("Langkah " + step + " tidak ada di SOP '" + sop.kode() + "' (langkah 1 sampai " + sop.steps().size()
                    + "; 0 untuk SOP secara keseluruhan).");
        }
        String c = text("catatan", catatan);
        String t = text("tindakan", tindakan);
        records.save(new AssessmentRecords.Key(office.id(), sop.kode(), period.toString()), step, c, t, users.current().id(), clock.instant());
    }

    /**
     * The Sekcam initials the form of a semester that is over.
     *
     * @throws Forbidden (403) for anyone but the Sekcam of the kecamatan
     * @throws Conflict  (409) before the semester's end, or when it is initialled already
     */
    public void sign(String kode, String semester, String kecamatan) {
        Office office = office(kecamatan);
        SopDefinition sop = sop(kode, office);
        Semester period = Semester.parse(semester);
        requireEditor(office);
        WorkingCalendar calendar = calendars.forKecamatan(office.id());
        if (clock.instant().isBefore(period.end(calendar.zone()))) {
            throw new Conflict("Semester " + period.label() + " belum berakhir: penilaiannya diparaf setelah "
                    + period.endDay().minusDays(1) + ", ketika angkanya sudah tetap.");
        }
        records.sign(new AssessmentRecords.Key(office.id(), sop.kode(), period.toString()), users.current().id(), clock.instant());
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
        List<HistoricTaskInstance> tasks = Caller.without(identity, () -> history.createHistoricTaskInstanceQuery()
                .processInstanceId(instanceId).list()).stream()
                .filter(t -> ProcessContract.stepNumber(t.getTaskDefinitionKey()).isPresent())
                .filter(t -> t.getEndTime() == null || "completed".equals(t.getDeleteReason()))
                .toList();
        Map<String, String> completedBy = new HashMap<>();
        Caller.without(identity, () -> history.createUserOperationLogQuery().processInstanceId(instanceId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list())
                .forEach(log -> {
                    if (log.getTaskId() != null && log.getUserId() != null) {
                        completedBy.putIfAbsent(log.getTaskId(), log.getUserId());
                    }
                });
        List<HistoricVariableInstance> decisions = Caller.without(identity, () -> history.createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId).variableNameIn(ProcessContract.APPROVED, ProcessContract.NOTE).list());
        List<Movement.Visit> visits = tasks.stream().map(t -> new Movement.Visit(t.getActivityInstanceId(),
                ProcessContract.stepNumber(t.getTaskDefinitionKey()).orElseThrow(), t.getName(), t.getStartTime().toInstant(),
                Optional.ofNullable(t.getEndTime()).map(Date::toInstant),
                Optional.ofNullable(completedBy.get(t.getId())).orElse(t.getAssignee()),
                Optional.ofNullable(value(decisions, t.getActivityInstanceId(), ProcessContract.APPROVED)).filter(Boolean.class::isInstance)
                        .map(Boolean.class::cast),
                Optional.ofNullable(value(decisions, t.getActivityInstanceId(), ProcessContract.NOTE)).map(Object::toString).orElse(null)))
                .toList();
        List<Movement.Upload> uploads = documents.stream().map(d -> new Movement.Upload(d.visit(), d.step(), new Movement.DocumentEntry(d.kind(),
                d.version(), d.fileName(), d.uploadedBy(), d.uploadedAt(),
                d.withdrawal().map(w -> "ditarik oleh " + w.by() + ": " + w.reason()).orElse(null)))).toList();
        return Movement.of(instanceId, instance.getBusinessKey(), kecamatan, sop, calendar, instance.getStartTime().toInstant(),
                instance.getStartUserId(), Optional.ofNullable(instance.getEndTime()).map(Date::toInstant), visits, uploads);
    }

    /** The completed visits of the SOP's steps in the kecamatan that ended in the semester, with whether each sent the work back. */
    private List<StepExecution> executions(SopDefinition sop, String kecamatan, Semester period, WorkingCalendar calendar) {
        Set<String> definitions = Caller.without(identity, () -> (sop.tenant().isPresent()
                ? repository.createProcessDefinitionQuery().processDefinitionKey(sop.kode()).tenantIdIn(kecamatan)
                : repository.createProcessDefinitionQuery().processDefinitionKey(sop.kode()).withoutTenantId()).list())
                .stream().map(ProcessDefinition::getId).collect(Collectors.toSet());
        Instant from = period.start(calendar.zone());
        Instant to = period.end(calendar.zone());
        List<HistoricTaskInstance> tasks = Caller.without(identity, () -> history.createHistoricTaskInstanceQuery()
                .processDefinitionKey(sop.kode()).tenantIdIn(kecamatan).finished()
                .finishedAfter(Date.from(from.minusSeconds(1))).finishedBefore(Date.from(to.plusSeconds(1))).list()).stream()
                .filter(t -> definitions.contains(t.getProcessDefinitionId()))
                .filter(t -> "completed".equals(t.getDeleteReason()))
                .filter(t -> ProcessContract.stepNumber(t.getTaskDefinitionKey()).isPresent())
                .toList();
        if (tasks.isEmpty()) {
            return List.of();
        }
        String[] instances = tasks.stream().map(HistoricTaskInstance::getProcessInstanceId).distinct().toArray(String[]::new);
        Set<String> sentBack = Caller.without(identity, () -> history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances)
                .variableName(ProcessContract.APPROVED).list()).stream()
                .filter(v -> Boolean.FALSE.equals(v.getValue()) && v.getActivityInstanceId() != null)
                .map(HistoricVariableInstance::getActivityInstanceId).collect(Collectors.toSet());
        return tasks.stream().map(t -> new StepExecution(t.getProcessInstanceId(), ProcessContract.stepNumber(t.getTaskDefinitionKey()).orElseThrow(),
                t.getStartTime().toInstant(), t.getEndTime().toInstant(), sentBack.contains(t.getActivityInstanceId()))).toList();
    }

    private SopDefinition sop(String kode, Office office) {
        return catalog.find(kode, office.id()).orElseThrow(() -> new NotFound("SOP '" + kode + "' tidak berlaku di Kecamatan " + office.nama() + "."));
    }

    private static void requireEditor(Office office) {
        if (!office.mayEdit()) {
            throw new Forbidden("Catatan, tindakan dan paraf penilaian diisi oleh Sekcam kecamatan ini.");
        }
    }

    private static String text(String field, String value) {
        String text = value == null ? "" : value.strip();
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

    private static Object value(List<HistoricVariableInstance> variables, String activityInstanceId, String name) {
        return variables.stream().filter(v -> name.equals(v.getName()) && activityInstanceId != null && activityInstanceId.equals(v.getActivityInstanceId()))
                .map(HistoricVariableInstance::getValue).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
