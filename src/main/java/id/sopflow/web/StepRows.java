package id.sopflow.web;

import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.engine.Caller;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The open steps a user works on, as the engine shows them to that user (the request runs as the user: their groups
 * and kecamatan decide), with what the pages say about each: its SOP, instance, holder, due moment and lateness in
 * working time, and whether it came back for correction.
 */
@Component
class StepRows {

    /** One open step for Beranda and Tugas Saya. */
    record Row(String taskId, String processInstanceId, String sop, String businessKey, int step, String activity, String holder,
               String due, String lateness, boolean late, boolean soon, boolean returned) {
    }

    /** Which of my steps to list. */
    enum Filter { SEMUA, BARU, TENGGAT, TERLAMBAT, DIKEMBALIKAN }

    static final Duration SOON = Duration.ofHours(24);
    /** Steps sent back are found among this many of the soonest due. */
    static final int SCAN = 200;

    private final TaskService tasks;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final WorkingCalendars calendars;
    private final Clock clock;

    StepRows(TaskService tasks, org.camunda.bpm.engine.RuntimeService runtime, HistoryService history, RepositoryService repository,
             IdentityService identity, WorkingCalendars calendars, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** The open steps of the user's groups (claimed by anyone) in their kecamatan, filtered. */
    TaskQuery query(CurrentUser user, Filter filter) {
        List<String> groups = user.groups().isEmpty() ? List.of("-") : user.groups();
        Date now = Date.from(clock.instant());
        TaskQuery query = tasks.createTaskQuery().taskCandidateGroupIn(groups);
        return switch (filter) {
            case BARU -> query; // a candidate-group query leaves out claimed steps
            case TENGGAT -> query.includeAssignedTasks().dueAfter(now).dueBefore(Date.from(clock.instant().plus(SOON)));
            case TERLAMBAT -> query.includeAssignedTasks().dueBefore(now);
            case SEMUA, DIKEMBALIKAN -> query.includeAssignedTasks();
        };
    }

    /**
     * How many of the user's steps pass the filter; steps sent back are counted among the first {@value #SCAN} soonest due.
     * A user of a kecamatan gets the number of what the engine's authorizations stand for (their candidate groups in their
     * own kecamatan: the engine grants a step's candidate group its read when it creates the step), counted without the
     * engine's authorization join, which made each count take seconds at 10,000 open steps on PostgreSQL (see
     * {@link #tasksInOrder}). A number only: the steps themselves are shown as the engine lets the user read them.
     */
    long count(CurrentUser user, Filter filter) {
        if (filter == Filter.DIKEMBALIKAN) {
            // only what "sent back" needs (the steps and their instances' decisions), not whole rows: Beranda asks for it
            List<Task> list = tasksInOrder(user, Filter.SEMUA, 0, SCAN);
            Map<String, List<Integer>> rejected = rejectedReviews(list.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
            return list.stream().filter(task -> returned(rejected.get(task.getProcessInstanceId()), task)).count();
        }
        if (user.kecamatan().isEmpty()) {
            return query(user, filter).count();
        }
        return Caller.without(identity, () -> inOwnKecamatan(user, filter).count());
    }

    /** One page of the user's steps, soonest due first. */
    List<Row> page(CurrentUser user, Filter filter, int first, int size) {
        if (filter == Filter.DIKEMBALIKAN) {
            return rows(tasksInOrder(user, Filter.SEMUA, 0, SCAN)).stream().filter(Row::returned).skip(first).limit(size).toList();
        }
        return rows(tasksInOrder(user, filter, first, size));
    }

    /**
     * Some of the user's steps, soonest due first. Camunda 7's task query joins the authorization table into its result
     * and sorts all of it: a page took 15 s with 10,000 open steps of one candidate group on PostgreSQL. So the page is
     * chosen by the conditions those authorizations stand for (the user's candidate groups, in the user's own kecamatan)
     * without the engine's checks, and then asked of the engine as the user, by id: only the steps it lets the user read
     * are shown, so the engine still decides. A user of no kecamatan (the admin) asks the engine directly; Bappeda's staff
     * belong to Bappeda's own tenant and take the first way, within it.
     */
    private List<Task> tasksInOrder(CurrentUser user, Filter filter, int first, int size) {
        if (user.kecamatan().isEmpty()) {
            return soonestFirst(query(user, filter)).listPage(first, size);
        }
        List<Task> chosen = Caller.without(identity, () -> soonestFirst(inOwnKecamatan(user, filter)).listPage(first, size));
        if (chosen.isEmpty()) {
            return chosen;
        }
        Set<String> readable = query(user, filter).taskIdIn(chosen.stream().map(Task::getId).toArray(String[]::new)).list().stream()
                .map(Task::getId).collect(Collectors.toSet());
        return chosen.stream().filter(task -> readable.contains(task.getId())).toList();
    }

    /** The user's steps by what the engine's authorizations stand for: to be run without the engine's checks. */
    private TaskQuery inOwnKecamatan(CurrentUser user, Filter filter) {
        return query(user, filter).tenantIdIn(user.kecamatan().toArray(String[]::new));
    }

    private static TaskQuery soonestFirst(TaskQuery query) {
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc();
    }

    List<Row> rows(List<Task> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        java.util.function.Function<String, WorkingCalendar> calendarOf = calendars.snapshot();
        Set<String> instanceIds = list.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, HistoricProcessInstance> instances = Caller.without(identity, () -> history.createHistoricProcessInstanceQuery()
                .processInstanceIds(instanceIds).list()).stream().collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
        Map<String, List<Integer>> rejectedReviews = rejectedReviews(instanceIds);
        return list.stream().map(task -> {
            HistoricProcessInstance instance = instances.get(task.getProcessInstanceId());
            WorkingCalendar calendar = calendarOf.apply(task.getTenantId());
            Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
            long late = due == null || !due.isBefore(now) ? 0 : calendar.workingTimeBetween(due, now).toMinutes();
            boolean soon = due != null && !due.isBefore(now) && due.isBefore(now.plus(SOON));
            return new Row(task.getId(), task.getProcessInstanceId(), sopName(task.getProcessDefinitionId()),
                    instance == null ? null : instance.getBusinessKey(),
                    ProcessContract.stepNumber(task.getTaskDefinitionKey()).orElse(0), task.getName(),
                    task.getAssignee() == null ? "belum diklaim" : task.getAssignee(),
                    due == null ? "tanpa tenggat" : Formats.moment(due, calendar.zone()), late > 0 ? Formats.late(late) : "",
                    due != null && due.isBefore(now), soon, returned(rejectedReviews.get(task.getProcessInstanceId()), task));
        }).toList();
    }

    /**
     * Sent back for correction: a review of the instance last decided "no" (its langkah_NN_disetujui is false) and the work
     * has not reached that review again, i.e. the open step comes before it. The reviews decided "no", by instance (one
     * query for all of them).
     */
    private Map<String, List<Integer>> rejectedReviews(Set<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        return Caller.without(identity, () -> runtime.createVariableInstanceQuery()
                        .processInstanceIdIn(instanceIds.toArray(String[]::new)).variableNameLike("langkah%" + ProcessContract.APPROVED).list())
                .stream().filter(v -> Boolean.FALSE.equals(v.getValue()))
                .collect(Collectors.groupingBy(v -> v.getProcessInstanceId(),
                        Collectors.mapping(v -> ProcessContract.stepNumber(v.getName().replace("_" + ProcessContract.APPROVED, "")).orElse(0),
                                Collectors.toList())));
    }

    private static boolean returned(List<Integer> rejectedReviews, Task task) {
        int step = ProcessContract.stepNumber(task.getTaskDefinitionKey()).orElse(0);
        return rejectedReviews != null && rejectedReviews.stream().anyMatch(review -> step < review);
    }

    String sopName(String definitionId) {
        ProcessDefinition definition = repository.getProcessDefinition(definitionId);
        return definition.getName() == null ? definition.getKey() : definition.getName();
    }
}
