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
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
     * Which page of a list: {@code halaman} from 1, {@code ukuran} rows a page (at most {@value #MAX_PAGE_SIZE}).
     * Anything else is refused (400) naming the parameter.
     */
    public record PageRequest(int halaman, int ukuran) {

        public static final int DEFAULT_PAGE_SIZE = 50;

        public PageRequest {
            if (halaman < 1) {
                throw new InvalidInput("Parameter 'halaman' tidak valid: '" + halaman + "'; halaman dimulai dari 1.");
            }
            if (ukuran < 1 || ukuran > MAX_PAGE_SIZE) {
                throw new InvalidInput("Parameter 'ukuran' tidak valid: '" + ukuran + "'; gunakan 1 sampai " + MAX_PAGE_SIZE + " baris per halaman.");
            }
        }

        /** The first page of the default size. */
        public static PageRequest first() {
            return new PageRequest(1, DEFAULT_PAGE_SIZE);
        }

        long offset() {
            return (long) (halaman - 1) * ukuran;
        }
    }

    /** The most rows a page of {@code /api/keterlambatan} and {@code /api/keterlambatan/instances} holds. */
    public static final int MAX_PAGE_SIZE = 500;

    /**
     * One page of a list, and how many rows all its pages hold ({@code jumlah}); a page past the last is empty.
     */
    public record Paged<T>(List<T> isi, int halaman, int ukuran, long jumlah) {

        public Paged {
            isi = List.copyOf(isi);
        }

        /** How many pages the list has (at least 1). */
        public int jumlahHalaman() {
            return (int) Math.max(1, (jumlah + ukuran - 1) / ukuran);
        }
    }

    /**
     * One page of the alerts the caller sees, the latest deadline first; the kecamatan, the kind, the status and whose
     * steps the caller sees are all conditions of one query, so a page reads only its rows.
     *
     * @param status {@code terbuka} (default): steps still open; {@code semua}: also finished ones
     * @param jenis  PENGINGAT, TERLAMBAT, ESKALASI or TENGGAT_LAPORAN
     */
    public Paged<AlertView> alerts(String status, String jenis, String kecamatan, PageRequest page) {
        if (!status.equals("terbuka") && !status.equals("semua")) {
            throw new InvalidInput("status '" + status + "' tidak dikenal; gunakan terbuka atau semua");
        }
        Optional<AlertKind> kind = Optional.ofNullable(jenis).filter(j -> !j.isBlank()).map(Monitoring::kind);
        Viewer viewer = Viewer.of(users.current());
        AlertLog.AlertQuery query = new AlertLog.AlertQuery(viewer.scope(kecamatan), status.equals("terbuka"), kind, Optional.empty(),
                viewer.holdersSeen(), AlertLog.Order.NEWEST_DEADLINE_FIRST);
        return paged(query, page, false, this::views);
    }

    /** An overdue step still open, and whether it is escalated too. */
    public record LateStep(AlertView alert, boolean escalated) {
    }

    /** The SOPs, holders and kecamatan of the caller's overdue open steps: Terlambat's filters. */
    public record LateChoices(java.util.SortedSet<String> sop, java.util.SortedSet<String> pemegang, java.util.SortedSet<String> kecamatan) {
    }

    /**
     * One page of the overdue steps still open where the caller sees the whole office (Terlambat), the earliest deadline
     * (so, within a kecamatan, the most late) first; filtered by SOP, by the role that holds an unclaimed step and by
     * kecamatan, in the query. A page past the last gives the last (as every list of the web app).
     */
    public Paged<LateStep> lateSteps(String sop, String peran, String kecamatan, PageRequest page) {
        AlertLog.AlertQuery query = lateQuery(sop, peran, kecamatan);
        return paged(query, page, true, rows -> {
            List<AlertView> views = views(rows);
            java.util.Set<String> escalated = alerts.escalated(rows.stream().map(Alert::taskId).filter(java.util.Objects::nonNull).toList());
            return views.stream().map(v -> new LateStep(v, escalated.contains(v.tugasId()))).toList();
        });
    }

    /** The values Terlambat can be filtered by: those of the caller's overdue open steps. */
    public LateChoices lateChoices(String kecamatan) {
        AlertLog.Values values = alerts.values(lateQuery(null, null, kecamatan));
        return new LateChoices(values.processKeys(), values.holders(), values.kecamatan());
    }

    private AlertLog.AlertQuery lateQuery(String sop, String peran, String kecamatan) {
        Viewer viewer = Viewer.of(users.current());
        List<String> holders = peran == null || peran.isBlank() ? viewer.holdersSeen()
                : viewer.seesWholeOffice() ? List.of(id.sopflow.organisation.Recipient.group(peran).format())
                : viewer.holdersSeen().stream().filter(h -> h.equals(id.sopflow.organisation.Recipient.group(peran).format())).toList();
        if (!viewer.seesWholeOffice() && holders.isEmpty()) {
            holders = List.of("-"); // a role the viewer is not in: nothing
        }
        return new AlertLog.AlertQuery(viewer.scope(kecamatan), true, Optional.of(AlertKind.TERLAMBAT),
                Optional.ofNullable(sop).filter(s -> !s.isBlank()), holders, AlertLog.Order.MOST_LATE_FIRST);
    }

    private <T> Paged<T> paged(AlertLog.AlertQuery query, PageRequest asked, boolean lastIfPast, Function<List<Alert>, List<T>> rows) {
        long total = alerts.count(query);
        int last = (int) Math.max(1, (total + asked.ukuran() - 1) / asked.ukuran());
        PageRequest page = lastIfPast && asked.halaman() > last ? new PageRequest(last, asked.ukuran()) : asked;
        List<Alert> found = page.offset() >= total ? List.of() : alerts.page(query, page.offset(), page.ukuran());
        return new Paged<>(rows.apply(found), page.halaman(), page.ukuran(), total);
    }

    private List<AlertView> views(List<Alert> found) {
        Instant now = timers.now();
        java.util.function.Function<String, WorkingCalendar> calendars = timers.calendars();
        return found.stream().map(a -> view(a, now, calendars.apply(a.kecamatan()))).toList();
    }

    /**
     * Every alert the caller sees, not paged (for a look at one kecamatan's or Bappeda's few, e.g. which instances
     * are late in Bappeda's overview).
     *
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

    /**
     * One page of the running instances with a planned finish that the caller sees the whole office of, the earliest
     * started first. The kecamatan (the instance's tenant) and the planned finish are conditions of the engine's
     * query; only the page's variables are read.
     */
    public Paged<InstanceView> instances(String kecamatan, PageRequest page) {
        Viewer viewer = Viewer.of(users.current());
        if (!viewer.seesWholeOffice()) {
            return new Paged<>(List.of(), page.halaman(), page.ukuran(), 0);
        }
        List<String> scope = viewer.scope(kecamatan);
        java.util.function.Supplier<HistoricProcessInstanceQuery> query = () -> {
            HistoricProcessInstanceQuery q = history.createHistoricProcessInstanceQuery().unfinished()
                    .variableValueGreaterThan(MutuBakuTimers.PLANNED_FINISH, new Date(0));
            return scope.isEmpty() ? q : q.tenantIdIn(scope.toArray(String[]::new));
        };
        long total = query.get().count();
        if (page.offset() >= total) {
            return new Paged<>(List.of(), page.halaman(), page.ukuran(), total);
        }
        List<HistoricProcessInstance> running = query.get().orderByProcessInstanceStartTime().asc().orderByProcessInstanceId().asc()
                .listPage((int) page.offset(), page.ukuran());
        String[] ids = running.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, Object> planned = variable(MutuBakuTimers.PLANNED_FINISH, ids);
        Map<String, Object> kecamatanVar = variable(InstanceKecamatan.KECAMATAN_VARIABLE, ids);
        Instant now = timers.now();
        java.util.function.Function<String, WorkingCalendar> calendars = timers.calendars();
        List<InstanceView> views = running.stream()
                .filter(p -> planned.get(p.getId()) instanceof Date)
                .map(p -> {
                    String kec = p.getTenantId() != null ? p.getTenantId() : String.valueOf(kecamatanVar.getOrDefault(p.getId(), ""));
                    WorkingCalendar calendar = calendars.apply(kec.isEmpty() ? null : kec);
                    Instant plan = ((Date) planned.get(p.getId())).toInstant();
                    long late = calendar.workingTimeBetween(plan, now).toMinutes();
                    return new InstanceView(p.getId(), p.getProcessDefinitionKey(), p.getBusinessKey(), kec.isEmpty() ? null : kec,
                            at(p.getStartTime().toInstant(), calendar), at(plan, calendar), late, describe(late));
                })
                .toList();
        return new Paged<>(views, page.halaman(), page.ukuran(), total);
    }

    /** How many of {@link #notifications} the caller has not read yet: one count (Beranda). */
    public long unreadNotificationCount() {
        Viewer viewer = Viewer.of(users.current());
        return alerts.unreadCount(viewer.allKecamatan() ? List.of() : viewer.scope(null), viewer.notificationGroups(), viewer.userId());
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
