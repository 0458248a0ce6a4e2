package id.sopflow.monitoring;

import id.sopflow.api.InvalidInput;
import id.sopflow.api.NotFound;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingTimeWords;
import id.sopflow.organisation.CurrentUsers;
import id.sopflow.sop.ProcessContract.AlertKind;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Monitoring's entry: the steps that passed their mutu baku and by how much (in working time), the running instances
 * with their planned finish, and what the caller was told; each as the current user may see it (the Sekcam and Camat
 * everything of their kecamatan, other staff what their groups hold, Bappeda and the admin every kecamatan). Used by
 * {@code /api/keterlambatan}, {@code /api/pemberitahuan} and the web app's pages.
 *
 * <p>{@code alerts}: {@code status} {@code terbuka} (default) for steps still open, {@code semua} also finished ones;
 * {@code jenis} PENGINGAT, TERLAMBAT, ESKALASI or TENGGAT_LAPORAN; {@code kecamatan} narrows to one.
 */
@Component
public class Monitoring {

    private final AlertLog alerts;
    private final MutuBakuTimers timers;
    private final CurrentUsers users;
    private final HistoryService history;
    private final RuntimeService runtime;

    private final id.sopflow.sop.SopCatalog catalog;

    Monitoring(AlertLog alerts, MutuBakuTimers timers, CurrentUsers users, HistoryService history, RuntimeService runtime,
               id.sopflow.sop.SopCatalog catalog) {
        this.catalog = catalog;
        this.alerts = alerts;
        this.timers = timers;
        this.users = users;
        this.history = history;
        this.runtime = runtime;
    }

    /** A recorded reminder, overdue step or escalation, as the caller may see it; lateness in working time. */
    public record AlertView(String id, String jenis, String kecamatan, String kode, String businessKey, String prosesInstanceId,
            Integer langkah, String namaLangkah, String tugasId, String pemegang, String waktu, OffsetDateTime mulai,
            OffsetDateTime tenggat, OffsetDateTime dicatatPada, List<String> diberitahukanKe, OffsetDateTime selesaiPada,
            long terlambatMenit, String terlambat) {
    }

    /** A running instance with its planned finish and how late it is against it. */
    public record InstanceView(String id, String kode, String businessKey, String kecamatan, OffsetDateTime mulai,
            OffsetDateTime rencanaSelesai, long terlambatMenit, String terlambat) {
    }

    /** What the caller (or their group) was told. */
    public record NotificationView(String id, String peringatanId, String kecamatan, String grup, String pengguna, String pesan,
            OffsetDateTime dibuatPada, OffsetDateTime dibacaPada) {
    }

    /**
     * @param status {@code terbuka} (default): steps still open; {@code semua}: also finished ones
     * @param jenis  PENGINGAT, TERLAMBAT, ESKALASI or TENGGAT_LAPORAN
     */
    public List<AlertView> alerts(String status, String jenis, String kecamatan) {
        if (!status.equals("terbuka") && !status.equals("semua")) {
            throw new InvalidInput("status '" + status + "' tidak dikenal; gunakan terbuka atau semua");
        }
        Optional<AlertKind> kind = Optional.ofNullable(jenis).filter(j -> !j.isBlank()).map(Monitoring::kind);
        Viewer viewer = Viewer.of(users.current());
        Instant now = timers.now();
        java.util.function.Function<String, WorkingCalendar> calendars = timers.calendars();
        return alerts.find(viewer.scope(kecamatan), status.equals("terbuka"), kind).stream()
                .filter(viewer::sees)
                .map(a -> view(a, now, calendars.apply(a.kecamatan())))
                .toList();
    }

    /**
     * How many steps are overdue and still open where the caller sees the whole office (their kecamatan; every one for
     * Bappeda and the admin); 0 for other staff (their own late steps are in their task list).
     */
    public long openOverdueCount() {
        Viewer viewer = Viewer.of(users.current());
        return viewer.seesWholeOffice() ? alerts.countOpen(viewer.scope(null), AlertKind.TERLAMBAT) : 0;
    }

    /** How many SOP instances are running that the caller may read (the engine's authorizations decide). */
    public long runningCount() {
        String[] schedules = catalog.scheduleProcessKeys().toArray(String[]::new);
        long all = history.createHistoricProcessInstanceQuery().unfinished().count();
        return schedules.length == 0 ? all : all - history.createHistoricProcessInstanceQuery().unfinished().processDefinitionKeyIn(schedules).count();
    }

    public List<InstanceView> instances(String kecamatan) {
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
        java.util.function.Function<String, WorkingCalendar> calendars = timers.calendars();
        return running.stream()
                .filter(p -> planned.get(p.getId()) instanceof Date)
                .map(p -> {
                    String kec = p.getTenantId() != null ? p.getTenantId() : String.valueOf(kecamatanVar.getOrDefault(p.getId(), ""));
                    WorkingCalendar calendar = calendars.apply(kec.isEmpty() ? null : kec);
                    Instant plan = ((Date) planned.get(p.getId())).toInstant();
                    long late = calendar.workingTimeBetween(plan, now).toMinutes();
                    return new InstanceView(p.getId(), p.getProcessDefinitionKey(), p.getBusinessKey(), kec.isEmpty() ? null : kec,
                            at(p.getStartTime().toInstant(), calendar), at(plan, calendar), late, describe(late));
                })
                .filter(v -> scope.isEmpty() || scope.contains(v.kecamatan()))
                .toList();
    }

    /** What the caller's groups (in their kecamatan) or the caller were told, newest first. */
    public List<NotificationView> notifications(boolean belumDibaca) {
        Viewer viewer = Viewer.of(users.current());
        java.util.function.Function<String, WorkingCalendar> calendars = timers.calendars();
        return alerts.notifications(viewer.allKecamatan() ? List.of() : viewer.scope(null), viewer.notificationGroups(), viewer.userId()).stream()
                .filter(n -> !belumDibaca || n.readAt().isEmpty())
                .map(n -> {
                    WorkingCalendar calendar = calendars.apply(n.kecamatan());
                    return new NotificationView(n.id(), n.alertId(), n.kecamatan(), n.group(), n.user(), n.message(),
                            at(n.createdAt(), calendar), n.readAt().map(r -> at(r, calendar)).orElse(null));
                })
                .toList();
    }

    /**
     * Tells these recipients of a kecamatan something that is no alert (Bappeda received or returned what the kecamatan
     * sent), in the current transaction.
     *
     * @param reference what it is about, e.g. {@code kiriman:<id>}
     */
    public void notify(String reference, String kecamatan, List<id.sopflow.organisation.Recipient> recipients, String message) {
        alerts.notify(reference, kecamatan, recipients.stream().map(id.sopflow.organisation.Recipient::format).toList(), message,
                timers.now());
    }

    /** Marks a notification addressed to the caller as read; 404 for any other (nothing changes). */
    public void markRead(String id) {
        Viewer viewer = Viewer.of(users.current());
        if (!alerts.markRead(id, viewer.allKecamatan() ? List.of() : viewer.scope(null), viewer.notificationGroups(), viewer.userId(),
                timers.now())) {
            throw new NotFound("pemberitahuan '" + id + "' tidak ditemukan");
        }
    }

    /** One variable of many instances, by instance id. */
    private Map<String, Object> variable(String name, String[] processInstanceIds) {
        return runtime.createVariableInstanceQuery().variableName(name).processInstanceIdIn(processInstanceIds).list().stream()
                .filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(VariableInstance::getProcessInstanceId, VariableInstance::getValue, (a, b) -> a));
    }

    private AlertView view(Alert a, Instant now, WorkingCalendar calendar) {
        Instant until = a.finishedAt().orElse(now);
        long late = calendar.workingTimeBetween(a.deadline(), until).toMinutes();
        return new AlertView(a.id(), a.kind().name(), a.kecamatan(), a.processKey(), a.businessKey(), a.processInstanceId(),
                a.step(), a.stepName(), a.taskId(), a.holder(), a.waktu(), at(a.start(), calendar), at(a.deadline(), calendar),
                at(a.recordedAt(), calendar), a.notified(), a.finishedAt().map(f -> at(f, calendar)).orElse(null), late, describe(late));
    }

    /** Working minutes as words: "2 hari 3 jam kerja"; "tepat waktu" for none ({@link WorkingTimeWords}). */
    static String describe(long minutes) {
        return WorkingTimeWords.of(minutes);
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
