package id.sopflow.web;

import id.sopflow.api.NotFound;
import id.sopflow.bappeda.Submission;
import id.sopflow.bappeda.Submissions;
import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.dossier.Checklist;
import id.sopflow.dossier.Dossier;
import id.sopflow.engine.Caller;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.SopRole;
import id.sopflow.sop.SopStep;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Proses berjalan (the running instances the user may see) and the instance page: progress, the timeline of every step
 * done with its working time against its mutu baku and every return with its note, the dossier with its versions, and
 * the SOP as its familiar table (activities as rows, roles as columns, mutu baku on the right) with the running step
 * highlighted and the path taken so far.
 */
@Controller
class InstancePages {

    /** A running instance in the list. */
    record InstanceRow(String id, String sop, String businessKey, String kecamatan, String progress, String holder, String due, String late) {
    }

    /** A step done (or running) in the timeline. */
    record TimelineRow(int step, String activity, String who, String started, String ended, String took, String mutuBaku, boolean onTime,
                       boolean running, String decision, String note) {
    }

    /** A row of the SOP table. */
    record TableRow(int step, String activity, String roleId, List<Boolean> roleMarks, String kelengkapan, String waktu, String output,
                    boolean running, boolean done) {
    }

    /** What the instance sent to Bappeda, and Bappeda's answer. */
    record SubmissionRow(String id, int step, String document, int version, String status, String sentAt, String answeredAt,
                         String receipt, String note) {
    }

    /** A document version of the dossier. */
    record DocumentRow(String kind, int version, int step, String fileName, String type, String uploadedBy, String uploadedAt, String href,
                       String withdrawn) {
    }

    private final CurrentUsers users;
    private final Dossier dossier;
    private final HistoryService history;
    private final TaskService tasks;
    private final IdentityService identity;
    private final SopCatalog catalog;
    private final WorkingCalendars calendars;
    private final StepRows steps;
    private final Clock clock;
    private final org.camunda.bpm.engine.RepositoryService repository;
    private final Submissions submissions;

    InstancePages(CurrentUsers users, Dossier dossier, HistoryService history, TaskService tasks, IdentityService identity, SopCatalog catalog,
                  WorkingCalendars calendars, StepRows steps, Clock clock, org.camunda.bpm.engine.RepositoryService repository,
                  Submissions submissions) {
        this.submissions = submissions;
        this.repository = repository;
        this.users = users;
        this.dossier = dossier;
        this.history = history;
        this.tasks = tasks;
        this.identity = identity;
        this.catalog = catalog;
        this.calendars = calendars;
        this.steps = steps;
        this.clock = clock;
    }

    /** Running instances a page, the latest started first. */
    static final int PAGE_SIZE = 50;

    @GetMapping("/proses")
    String list(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "1") int halaman, Model model) {
        CurrentUser user = users.current();
        // the instances the engine lets this user read, and those whose running step their groups hold
        var readable = history.createHistoricProcessInstanceQuery().unfinished().processDefinitionKeyNotIn(scheduleKeys());
        long readableCount = readable.count();
        // staff who read no instance see those whose running step their roles hold
        Set<String> held = readableCount > 0 ? Set.of()
                : steps.query(user, StepRows.Filter.SEMUA).list().stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        int pages = (int) Math.max(1, (Math.max(readableCount, held.size()) + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, halaman), pages);
        Map<String, HistoricProcessInstance> visible = new LinkedHashMap<>();
        readable.orderByProcessInstanceStartTime().desc().listPage((page - 1) * PAGE_SIZE, PAGE_SIZE).forEach(p -> visible.put(p.getId(), p));
        if (readableCount == 0 && !held.isEmpty()) {
            List<String> mine = held.stream().sorted().skip((long) (page - 1) * PAGE_SIZE).limit(PAGE_SIZE).toList();
            Caller.without(identity, () -> history.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(mine)).list())
                    .forEach(p -> visible.put(p.getId(), p));
        }
        Instant now = clock.instant();
        java.util.function.Function<String, WorkingCalendar> calendarOf = calendars.snapshot();
        Map<String, Task> current = visible.isEmpty() ? Map.of() : Caller.without(identity, () -> tasks.createTaskQuery()
                .processInstanceIdIn(visible.keySet().toArray(String[]::new)).list()).stream()
                .collect(Collectors.toMap(Task::getProcessInstanceId, t -> t, (a, b) -> a));
        List<InstanceRow> rows = visible.values().stream().map(p -> {
            WorkingCalendar calendar = calendarOf.apply(p.getTenantId());
            Task task = current.get(p.getId());
            String count = sop(p).map(s -> String.valueOf(s.steps().size())).orElse("?");
            Instant due = task == null || task.getDueDate() == null ? null : task.getDueDate().toInstant();
            long late = due == null || !due.isBefore(now) ? 0 : calendar.workingTimeBetween(due, now).toMinutes();
            return new InstanceRow(p.getId(), name(p), p.getBusinessKey(), p.getTenantId(),
                    task == null ? "-" : "langkah " + ProcessContract.stepNumber(task.getTaskDefinitionKey()).orElse(0) + " dari " + count,
                    task == null ? "-" : holder(task), due == null ? "tanpa tenggat" : Formats.moment(due, calendar.zone()),
                    late > 0 ? Formats.late(late) : "");
        }).toList();
        model.addAttribute("judul", "Proses berjalan");
        model.addAttribute("baris", rows);
        model.addAttribute("halaman", Paging.of(page, pages, "/proses"));
        return "proses";
    }

    private List<String> scheduleKeys() {
        List<String> keys = catalog.scheduleProcessKeys();
        return keys.isEmpty() ? List.of("-") : keys;
    }

    @GetMapping("/proses/{id}")
    String instance(@PathVariable String id, Model model) {
        Checklist checklist = dossier.checklist(id); // 404 for whoever may not read the instance
        HistoricProcessInstance instance = Caller.without(identity,
                () -> history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult());
        if (instance == null) {
            throw new NotFound("Instance '" + id + "' tidak ditemukan.");
        }
        WorkingCalendar calendar = calendars.forKecamatan(instance.getTenantId());
        Optional<SopDefinition> sop = sop(instance);
        List<HistoricTaskInstance> done = Caller.without(identity, () -> history.createHistoricTaskInstanceQuery().processInstanceId(id)
                .orderByHistoricActivityInstanceStartTime().asc().list());
        List<HistoricVariableInstance> variables = Caller.without(identity, () -> history.createHistoricVariableInstanceQuery()
                .processInstanceId(id).variableNameIn(ProcessContract.APPROVED, ProcessContract.NOTE).list());
        Instant now = clock.instant();
        List<TimelineRow> timeline = new ArrayList<>();
        Set<Integer> visited = new java.util.HashSet<>();
        Set<Integer> running = new java.util.HashSet<>();
        for (HistoricTaskInstance t : done) {
            int number = ProcessContract.stepNumber(t.getTaskDefinitionKey()).orElse(0);
            visited.add(number);
            Instant start = t.getStartTime().toInstant();
            Instant end = t.getEndTime() == null ? null : t.getEndTime().toInstant();
            if (end == null) {
                running.add(number);
            }
            Optional<SopStep> step = sop.flatMap(s -> s.steps().stream().filter(x -> x.number() == number).findFirst());
            Optional<Waktu> waktu = step.flatMap(SopStep::waktu);
            Instant deadline = waktu.map(w -> calendar.add(start, w)).orElse(null);
            boolean onTime = deadline == null || !(end == null ? now : end).isAfter(deadline);
            Object approved = value(variables, t.getActivityInstanceId(), ProcessContract.APPROVED);
            Object note = value(variables, t.getActivityInstanceId(), ProcessContract.NOTE);
            timeline.add(new TimelineRow(number, t.getName(), Optional.ofNullable(t.getAssignee()).orElse("-"), Formats.moment(start, calendar.zone()),
                    end == null ? "sedang berjalan" : Formats.moment(end, calendar.zone()),
                    words(calendar.workingTimeBetween(start, end == null ? now : end).toMinutes()),
                    step.map(s -> s.waktuText().isBlank() ? "belum ditetapkan" : s.waktuText()).orElse("-"), onTime, end == null,
                    Boolean.TRUE.equals(approved) ? "disetujui" : Boolean.FALSE.equals(approved) ? "dikembalikan" : null,
                    note == null ? null : note.toString()));
        }
        List<SopRole> roles = sop.map(SopDefinition::roles).orElse(List.of());
        List<TableRow> table = sop.map(s -> s.steps().stream().map(step -> new TableRow(step.number(), step.activity(), step.roleId(),
                roles.stream().map(r -> r.id().equals(step.roleId())).toList(), String.join("; ", step.kelengkapan()),
                step.waktuText().isBlank() ? "-" : step.waktuText(), step.output(), running.contains(step.number()),
                visited.contains(step.number()) && !running.contains(step.number()))).toList()).orElse(List.of());
        List<DocumentRow> documents = dossier.documents(id).stream()
                .sorted(Comparator.comparing((id.sopflow.dossier.Document d) -> d.kind()).thenComparing(d -> -d.version()))
                .map(d -> new DocumentRow(d.kind(), d.version(), d.step(), d.fileName(), d.contentType(), d.uploadedBy(),
                        Formats.moment(d.uploadedAt(), calendar.zone()), "/api/instances/" + id + "/dokumen/" + d.id() + "/isi",
                        d.withdrawal().map(w -> "ditarik " + w.by() + ": " + w.reason()).orElse(null)))
                .toList();
        int count = sop.map(s -> s.steps().size()).orElse(0);
        List<Submission> sent = submissions.ofInstance(id);
        List<SubmissionRow> sentRows = sent.stream().map(x -> new SubmissionRow(x.id(), x.step(), x.document(), x.version(), x.status().label(),
                Formats.moment(x.sentAt(), calendar.zone()), x.answeredAt().map(a -> Formats.moment(a, calendar.zone())).orElse(null),
                x.receiptNumber().orElse(null), x.note().orElse(null))).toList();
        String position;
        if (instance.getEndTime() != null) {
            position = "selesai pada " + Formats.moment(instance.getEndTime().toInstant(), calendar.zone());
        } else if (!running.isEmpty()) {
            position = "langkah " + running.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")) + " dari " + count;
        } else {
            position = waitingForBappeda(id, sop, sent);
        }
        model.addAttribute("judul", name(instance) + " " + Optional.ofNullable(instance.getBusinessKey()).orElse(""));
        model.addAttribute("instance", instance);
        model.addAttribute("nama", name(instance));
        model.addAttribute("kemajuan", position);
        model.addAttribute("kiriman", sentRows);
        model.addAttribute("mulai", Formats.moment(instance.getStartTime().toInstant(), calendar.zone()));
        model.addAttribute("lini", timeline);
        model.addAttribute("peran", roles);
        model.addAttribute("tabel", table);
        model.addAttribute("dokumen", documents);
        model.addAttribute("kelengkapan", checklist);
        return "instance";
    }

    /** Where an instance without a running step of its own waits: Bappeda's answer, or Bappeda's own step. */
    private String waitingForBappeda(String id, Optional<SopDefinition> sop, List<Submission> sent) {
        List<String> waits = Caller.without(identity, () -> history.createHistoricActivityInstanceQuery().processInstanceId(id).unfinished()
                .activityType("receiveTask").list()).stream().map(a -> a.getActivityId()).toList();
        for (String wait : waits) {
            int step = ProcessContract.stepOfWaitElement(wait).orElse(0);
            if (sop.flatMap(s -> s.steps().stream().filter(x -> x.number() == step).findFirst()).filter(SopStep::isBappedaWork).isPresent()) {
                return "langkah " + step + " dikerjakan Bappeda";
            }
            Optional<Submission> open = sent.stream().filter(x -> x.step() == step).findFirst();
            if (open.isPresent()) {
                return "menunggu jawaban Bappeda atas kiriman langkah " + step + " (versi " + open.get().version() + ")";
            }
        }
        return "-";
    }

    private Optional<SopDefinition> sop(HistoricProcessInstance p) {
        try {
            return Optional.of(p.getTenantId() == null ? catalog.get(p.getProcessDefinitionKey()) : catalog.get(p.getProcessDefinitionKey(), p.getTenantId()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String name(HistoricProcessInstance p) {
        return Optional.ofNullable(p.getProcessDefinitionName()).orElse(p.getProcessDefinitionKey());
    }

    /** Who holds a running step: who claimed it, else its role (from the step's mutu baku in the process). */
    private String holder(Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return id.sopflow.sop.StepMetadata.of(repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey())).map(m -> "peran " + m.role()).orElse("-");
    }

    private static String words(long minutes) {
        return minutes <= 0 ? "kurang dari 1 menit kerja" : id.sopflow.calendar.WorkingTimeWords.of(minutes);
    }

    private static Object value(List<HistoricVariableInstance> variables, String activityInstanceId, String name) {
        return variables.stream().filter(v -> name.equals(v.getName()) && activityInstanceId != null && activityInstanceId.equals(v.getActivityInstanceId()))
                .map(HistoricVariableInstance::getValue).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
