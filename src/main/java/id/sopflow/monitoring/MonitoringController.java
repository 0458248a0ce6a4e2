package id.sopflow.monitoring;

import id.sopflow.api.InvalidInput;
import id.sopflow.api.NotFound;
import id.sopflow.sop.ProcessContract.AlertKind;
import id.sopflow.calendar.WorkingCalendar;
import org.camunda.bpm.engine.HistoryService;
import id.sopflow.organisation.CurrentUsers;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /api/keterlambatan}: the steps that passed their mutu baku and by how much (in working
 * time), the instances with their planned finish, and {@code /api/pemberitahuan}: what the caller was told.
 */
@RestController
@RequestMapping("/api")
class MonitoringController {

    private final AlertLog alerts;
    private final MutuBakuTimers timers;
    private final CurrentUsers users;
    private final HistoryService history;
    private final RuntimeService runtime;

    MonitoringController(AlertLog alerts, MutuBakuTimers timers, CurrentUsers users, HistoryService history,
            RuntimeService runtime) {
        this.alerts = alerts;
        this.timers = timers;
        this.users = users;
        this.history = history;
        this.runtime = runtime;
    }

    record AlertView(String id, String jenis, String kecamatan, String kode, String businessKey, String prosesInstanceId,
            Integer langkah, String namaLangkah, String tugasId, String pemegang, String waktu, OffsetDateTime mulai,
            OffsetDateTime tenggat, OffsetDateTime dicatatPada, List<String> diberitahukanKe, OffsetDateTime selesaiPada,
            long terlambatMenit, String terlambat) {
    }

    record InstanceView(String id, String kode, String businessKey, String kecamatan, OffsetDateTime mulai,
            OffsetDateTime rencanaSelesai, long terlambatMenit, String terlambat) {
    }

    record NotificationView(String id, String peringatanId, String kecamatan, String grup, String pengguna, String pesan,
            OffsetDateTime dibuatPada, OffsetDateTime dibacaPada) {
    }

    /**
     * @param status {@code terbuka} (default): steps still open; {@code semua}: also finished ones
     * @param jenis  PENGINGAT, TERLAMBAT, ESKALASI or TENGGAT_LAPORAN
     */
    @GetMapping("/keterlambatan")
    List<AlertView> alerts(@RequestParam(defaultValue = "terbuka") String status, @RequestParam(required = false) String jenis,
            @RequestParam(required = false) String kecamatan) {
        if (!status.equals("terbuka") && !status.equals("semua")) {
            throw new InvalidInput("status '" + status + "' tidak dikenal; gunakan terbuka atau semua");
        }
        Optional<AlertKind> kind = Optional.ofNullable(jenis).filter(j -> !j.isBlank()).map(MonitoringController::kind);
        Viewer viewer = Viewer.of(users.current());
        Instant now = timers.now();
        return alerts.find(viewer.scope(kecamatan), status.equals("terbuka"), kind).stream()
                .filter(viewer::sees)
                .map(a -> view(a, now))
                .toList();
    }

    @GetMapping("/keterlambatan/instances")
    List<InstanceView> instances(@RequestParam(required = false) String kecamatan) {
        Viewer viewer = Viewer.of(users.current());
        if (!viewer.seesWholeOffice()) {
            return List.of();
        }
        List<String> scope = viewer.scope(kecamatan);
        List<HistoricProcessInstance> running = history.createHistoricProcessInstanceQuery().unfinished().list();
        if (running.isEmpty()) {
            return List.of();
        }
        String[] ids = running.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, Object> planned = variable(MutuBakuTimers.PLANNED_FINISH, ids);
        Map<String, Object> kecamatanVar = variable(InstanceKecamatan.KECAMATAN_VARIABLE, ids);
        Instant now = timers.now();
        return running.stream()
                .filter(p -> planned.get(p.getId()) instanceof Date)
                .map(p -> {
                    String kec = p.getTenantId() != null ? p.getTenantId() : String.valueOf(kecamatanVar.getOrDefault(p.getId(), ""));
                    WorkingCalendar calendar = timers.calendarOf(kec.isEmpty() ? null : kec);
                    Instant plan = ((Date) planned.get(p.getId())).toInstant();
                    long late = calendar.workingTimeBetween(plan, now).toMinutes();
                    return new InstanceView(p.getId(), p.getProcessDefinitionKey(), p.getBusinessKey(), kec.isEmpty() ? null : kec,
                            at(p.getStartTime().toInstant(), calendar), at(plan, calendar), late, describe(late));
                })
                .filter(v -> scope.isEmpty() || scope.contains(v.kecamatan()))
                .toList();
    }

    /** What the caller's groups (in their kecamatan) or the caller were told, newest first. */
    @GetMapping("/pemberitahuan")
    List<NotificationView> notifications(@RequestParam(defaultValue = "false") boolean belumDibaca) {
        Viewer viewer = Viewer.of(users.current());
        return alerts.notifications(viewer.allKecamatan() ? List.of() : viewer.scope(null), viewer.notificationGroups(), viewer.userId()).stream()
                .filter(n -> !belumDibaca || n.readAt().isEmpty())
                .map(n -> {
                    WorkingCalendar calendar = timers.calendarOf(n.kecamatan());
                    return new NotificationView(n.id(), n.alertId(), n.kecamatan(), n.group(), n.user(), n.message(),
                            at(n.createdAt(), calendar), n.readAt().map(r -> at(r, calendar)).orElse(null));
                })
                .toList();
    }

    /** Marks a notification addressed to the caller as read; 404 for any other (nothing changes). */
    @PostMapping("/pemberitahuan/{id}/dibaca")
    ResponseEntity<Void> markRead(@PathVariable String id) {
        Viewer viewer = Viewer.of(users.current());
        if (!alerts.markRead(id, viewer.allKecamatan() ? List.of() : viewer.scope(null), viewer.notificationGroups(), viewer.userId(),
                timers.now())) {
            throw new NotFound("pemberitahuan '" + id + "' tidak ditemukan");
        }
        return ResponseEntity.noContent().build();
    }

    /** One variable of many instances, by instance id. */
    private Map<String, Object> variable(String name, String[] processInstanceIds) {
        return runtime.createVariableInstanceQuery().variableName(name).processInstanceIdIn(processInstanceIds).list().stream()
                .filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(VariableInstance::getProcessInstanceId, VariableInstance::getValue, (a, b) -> a));
    }

    private AlertView view(Alert a, Instant now) {
        WorkingCalendar calendar = timers.calendarOf(a.kecamatan());
        Instant until = a.finishedAt().orElse(now);
        long late = calendar.workingTimeBetween(a.deadline(), until).toMinutes();
        return new AlertView(a.id(), a.kind().name(), a.kecamatan(), a.processKey(), a.businessKey(), a.processInstanceId(),
                a.step(), a.stepName(), a.taskId(), a.holder(), a.waktu(), at(a.start(), calendar), at(a.deadline(), calendar),
                at(a.recordedAt(), calendar), a.notified(), a.finishedAt().map(f -> at(f, calendar)).orElse(null), late, describe(late));
    }

    /** Working minutes as words: "2 jam 15 menit kerja"; "tepat waktu" for none. */
    static String describe(long minutes) {
        if (minutes <= 0) {
            return "tepat waktu";
        }
        Duration d = Duration.ofMinutes(minutes);
        long hours = d.toHours();
        long rest = d.toMinutesPart();
        return (hours > 0 ? hours + " jam" + (rest > 0 ? " " : "") : "") + (rest > 0 ? rest + " menit" : "") + " kerja";
    }

    private static OffsetDateTime at(Instant instant, WorkingCalendar calendar) {
        return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
    }

    private static AlertKind kind(String text) {
        try {
            return AlertKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("jenis '" + text + "' tidak dikenal; gunakan PENGINGAT, TERLAMBAT, ESKALASI atau TENGGAT_LAPORAN");
        }
    }
}
