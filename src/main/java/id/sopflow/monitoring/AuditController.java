package id.sopflow.monitoring;

import id.sopflow.api.NotFound;
import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.dossier.Document;
import id.sopflow.dossier.Dossier;
import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/instances/{id}/audit}: who did what to an SOP instance and when: the start, every claim,
 * assignment and completion of a step (a review step completed with {@code disetujui=false} is a
 * rejection, with the reviewer's {@code catatan}), every upload, download and withdrawal of a document of its dossier
 * (the document in {@code catatan}), and the end. Built from Camunda's history and user
 * operation log, read as the requesting user: whoever may not read the instance's history (another
 * kecamatan, a pelaksana) gets 404, so existence does not leak. Times are in the instance's kecamatan's zone.
 */
@RestController
class AuditController {

    static final String APPROVED = ProcessContract.APPROVED;
    static final String NOTE = ProcessContract.NOTE;

    /**
     * One audit line: who ({@code siapa}, a user id; none for the end) did what ({@code apa}) when ({@code kapan}), on
     * which step ({@code langkah}, its number, and {@code namaLangkah}), with the reviewer's {@code catatan}.
     */
    record Entry(String siapa, OffsetDateTime kapan, String apa, Integer langkah, String namaLangkah, String catatan) {
    }

    private final HistoryService history;
    private final WorkingCalendars calendars;
    private final Dossier dossier;

    AuditController(HistoryService history, WorkingCalendars calendars, Dossier dossier) {
        this.history = history;
        this.calendars = calendars;
        this.dossier = dossier;
    }

    @GetMapping("/api/instances/{id}/audit")
    List<Entry> audit(@PathVariable String id) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        if (instance == null) {
            throw new NotFound("Instance SOP '" + id + "' tidak ditemukan.");
        }
        ZoneId zone = calendars.forKecamatan(instance.getTenantId()).zone();
        Map<String, HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(id).list().stream()
                .collect(Collectors.toMap(HistoricTaskInstance::getId, Function.identity()));
        List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().list();

        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean atStart = instance.getStartActivityId() == null || instance.getStartActivityId().equals(ProcessContract.START_EVENT);
        entries.add(new Entry(instance.getStartUserId(), at(instance.getStartTime(), zone), "memulai SOP", null, null,
                atStart ? null : "dimulai di tengah alur, pada " + instance.getStartActivityId()));
        for (UserOperationLogEntry log : history.createUserOperationLogQuery().processInstanceId(id)
                .entityType(EntityTypes.PROCESS_INSTANCE).orderByTimestamp().asc().list()) {
            String what = instanceOperation(log.getOperationType());
            if (what != null && seen.add(log.getOperationId() + "/" + log.getOperationType())) {
                entries.add(new Entry(log.getUserId(), at(log.getTimestamp(), zone), what, null, null, null));
            }
        }
        for (UserOperationLogEntry log : history.createUserOperationLogQuery().processInstanceId(id)
                .entityType(EntityTypes.TASK).orderByTimestamp().asc().list()) {
            String key = log.getOperationId() + "/" + log.getTaskId() + "/" + log.getOperationType();
            String what = what(log);
            if (what == null || !seen.add(key)) {
                continue;
            }
            HistoricTaskInstance task = log.getTaskId() == null ? null : tasks.get(log.getTaskId());
            String note = null;
            if (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(log.getOperationType())) {
                String activityInstance = task == null ? null : task.getActivityInstanceId();
                Object approved = variable(details, log.getOperationId(), activityInstance, APPROVED);
                Object catatan = variable(details, log.getOperationId(), activityInstance, NOTE);
                if (Boolean.FALSE.equals(approved)) {
                    what = "mengembalikan (tidak disetujui)";
                } else if (Boolean.TRUE.equals(approved)) {
                    what = "menyetujui";
                }
                note = catatan == null || catatan.toString().isBlank() ? null : catatan.toString();
            }
            entries.add(new Entry(log.getUserId(), at(log.getTimestamp(), zone), what,
                    task == null ? null : ProcessContract.stepNumber(task.getTaskDefinitionKey()).orElse(null),
                    task == null ? null : task.getName(), note));
        }
        for (Dossier.Event event : dossier.events(id)) {
            Document d = event.document();
            String note = "'" + d.kind() + "' versi " + d.version() + ": " + d.fileName()
                    + (event.act().equals("menarik dokumen") ? d.withdrawal().map(w -> " (alasan: " + w.reason() + ")").orElse("") : "");
            entries.add(new Entry(event.who(), at(Date.from(event.at()), zone), event.act(), d.step(), event.stepName().orElse(null), note));
        }
        if (instance.getEndTime() != null) {
            entries.add(new Entry(null, at(instance.getEndTime(), zone), "SOP selesai", null, null, null));
        }
        // same millisecond: a claim comes before the completion, the start first and the end last
        entries.sort(Comparator.comparing((Entry e) -> e.kapan().toInstant()).thenComparing(AuditController::rank));
        return entries;
    }

    private static OffsetDateTime at(Date date, ZoneId zone) {
        return date.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static int rank(Entry entry) {
        return switch (entry.apa()) {
            case "memulai SOP" -> 0;
            case "SOP selesai" -> 3;
            default -> entry.apa().startsWith("menyelesaikan") || entry.apa().startsWith("menyetujui")
                    || entry.apa().startsWith("mengembalikan") ? 2 : 1;
        };
    }

    private static String what(UserOperationLogEntry log) {
        return switch (log.getOperationType()) {
            case UserOperationLogEntry.OPERATION_TYPE_CLAIM -> log.getNewValue() == null ? "melepas klaim" : "mengklaim";
            case UserOperationLogEntry.OPERATION_TYPE_ASSIGN -> log.getNewValue() == null ? "melepas penugasan" : "menugaskan kepada " + log.getNewValue();
            case UserOperationLogEntry.OPERATION_TYPE_COMPLETE -> "menyelesaikan";
            case UserOperationLogEntry.OPERATION_TYPE_DELEGATE -> "mendelegasikan";
            case UserOperationLogEntry.OPERATION_TYPE_RESOLVE -> "menyelesaikan delegasi";
            case UserOperationLogEntry.OPERATION_TYPE_SET_OWNER -> "menetapkan pemilik";
            default -> null;
        };
    }

    /**
     * The value a completion gave a variable: the update made by that operation, on the completed step's own
     * scope (a review step's decision is local to it), and not the null its input mapping started with.
     */
    private static Object variable(List<HistoricDetail> details, String operationId, String activityInstanceId, String name) {
        if (operationId == null) {
            return null;
        }
        return details.stream()
                .filter(d -> operationId.equals(d.getUserOperationId()))
                .filter(d -> activityInstanceId == null || d.getActivityInstanceId() == null
                        || activityInstanceId.equals(d.getActivityInstanceId()))
                .filter(d -> d instanceof HistoricVariableUpdate u && name.equals(u.getVariableName()) && u.getValue() != null)
                .map(d -> ((HistoricVariableUpdate) d).getValue())
                .findFirst().orElse(null);
    }

    /** The acts on a whole instance that the audit shows (the admin's alone, see ClientCommandGuard). */
    private static String instanceOperation(String type) {
        return switch (type) {
            case UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE -> "memindahkan posisi langkah (modifikasi instance, admin)";
            case UserOperationLogEntry.OPERATION_TYPE_MIGRATE -> "memigrasikan instance ke versi SOP lain (admin)";
            case UserOperationLogEntry.OPERATION_TYPE_RESTART_PROCESS_INSTANCE -> "memulai ulang instance (admin)";
            case UserOperationLogEntry.OPERATION_TYPE_DELETE -> "menghapus instance";
            case UserOperationLogEntry.OPERATION_TYPE_SUSPEND -> "menangguhkan instance";
            case UserOperationLogEntry.OPERATION_TYPE_ACTIVATE -> "mengaktifkan kembali instance";
            default -> null;
        };
    }
}
