package id.sopflow.web;

import id.sopflow.api.Conflict;
import id.sopflow.api.Forbidden;
import id.sopflow.api.InvalidInput;
import id.sopflow.api.NotFound;
import id.sopflow.api.UnacceptableFile;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.dossier.Checklist;
import id.sopflow.dossier.Document;
import id.sopflow.dossier.Dossier;
import id.sopflow.engine.Caller;
import id.sopflow.engine.RefusedInput;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The step page: the SOP and the step as the table says it, who handed it over and when, its mutu baku (the kelengkapan
 * as a checklist against the dossier, the due moment and the working time left, the expected output), the upload of a
 * document into the dossier, and finishing: "Selesai", or for a review "Setuju" / "Kembalikan" with a note. What the
 * engine refuses (a missing document, another role's step) is said on the page; a step someone else already finished
 * is a message, not an error.
 */
@Controller
class StepPage {

    /** A document of the dossier as the step page lists it. */
    record DocumentRow(String kind, int version, int step, String fileName, String uploadedBy, String uploadedAt, String href, boolean withdrawn) {
    }

    /** Everything the page shows about the step. */
    record StepView(String taskId, String processInstanceId, String sop, String businessKey, int step, int stepCount, String activity,
                    String role, String handedOverBy, String handedOverAt, String waktu, String due, String timeLeft, boolean late,
                    String output, boolean review, Integer returnTo, String assignee, boolean mine, Checklist.StepChecklist checklist,
                    List<String> kinds, String suggestedKind, List<DocumentRow> documents) {
    }

    private final CurrentUsers users;
    private final TaskService tasks;
    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final Dossier dossier;
    private final SopCatalog catalog;
    private final WorkingCalendars calendars;
    private final Clock clock;

    StepPage(CurrentUsers users, TaskService tasks, HistoryService history, RepositoryService repository, IdentityService identity,
             Dossier dossier, SopCatalog catalog, WorkingCalendars calendars, Clock clock) {
        this.users = users;
        this.tasks = tasks;
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.dossier = dossier;
        this.catalog = catalog;
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/tugas/{id}")
    ModelAndView show(@PathVariable String id) {
        Task task = tasks.createTaskQuery().taskId(id).singleResult();
        if (task == null) {
            return finishedOrMissing(id, HttpStatus.OK);
        }
        if (ProcessContract.INBOX_TASK.equals(task.getTaskDefinitionKey())) {
            // Bappeda's inbox task is answered on the submission's page, with its documents
            return new ModelAndView("redirect:/kiriman/" + Caller.without(identity, () -> tasks.getVariable(task.getId(), ProcessContract.SUBMISSION_ID)));
        }
        return page(view(task), HttpStatus.OK, null);
    }

    @PostMapping("/tugas/{id}/dokumen")
    ModelAndView upload(@PathVariable String id, @RequestParam("berkas") MultipartFile berkas, @RequestParam("jenis") String jenis,
                        @RequestParam(name = "catatan", required = false) String catatan, RedirectAttributes flash) {
        Task task = tasks.createTaskQuery().taskId(id).singleResult();
        if (task == null) {
            return finishedOrMissing(id, HttpStatus.CONFLICT);
        }
        try {
            Document d = dossier.upload(task.getProcessInstanceId(), new Dossier.Upload(jenis, berkas.getOriginalFilename(), berkas.getSize(),
                    berkas, catatan, Optional.of(id)));
            flash.addFlashAttribute("berhasil", "'" + d.fileName() + "' tersimpan di berkas sebagai " + d.kind() + " versi " + d.version() + ".");
            return new ModelAndView("redirect:/tugas/" + id);
        } catch (UnacceptableFile e) {
            return page(view(task), e.reason() == UnacceptableFile.Reason.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE
                    : e.reason() == UnacceptableFile.Reason.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        } catch (InvalidInput e) {
            return page(view(task), HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (Forbidden e) {
            return page(view(task), HttpStatus.FORBIDDEN, e.getMessage());
        } catch (Conflict e) {
            return page(view(task), HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @PostMapping("/tugas/{id}/selesai")
    ModelAndView complete(@PathVariable String id, @RequestParam(name = "keputusan", required = false) String keputusan,
                          @RequestParam(name = "catatan", required = false) String catatan, RedirectAttributes flash) {
        Task task = tasks.createTaskQuery().taskId(id).singleResult();
        if (task == null) {
            return finishedOrMissing(id, HttpStatus.CONFLICT);
        }
        StepMetadata step = metadata(task);
        Map<String, Object> variables = new HashMap<>();
        if (step.isReview()) {
            if (!"setuju".equals(keputusan) && !"kembalikan".equals(keputusan)) {
                return page(view(task), HttpStatus.BAD_REQUEST, "Pilih keputusan: Setuju atau Kembalikan.");
            }
            variables.put(ProcessContract.APPROVED, "setuju".equals(keputusan));
            if (catatan != null && !catatan.isBlank()) {
                variables.put(ProcessContract.NOTE, catatan.strip());
            }
        }
        try {
            tasks.complete(id, variables);
        } catch (RuntimeException e) {
            if (e instanceof ProcessEngineException && (RefusedInput.is(e) || RefusedInput.is(e.getCause()))) {
                // a missing document (StepNotReady) or a refused decision: the engine's message says which
                boolean notReady = e instanceof id.sopflow.engine.StepNotReady;
                return page(view(task), notReady ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.getMessage());
            }
            if (tasks.createTaskQuery().taskId(id).count() == 0) {
                // losing a race: the step was completed between loading it and completing it here. On two nodes the
                // engine names it in several ways (an authorization check on the finished task, an optimistic lock,
                // a NullPointerException for the execution the winner ended): the loser is told so (409), as
                // /engine-rest does
                return finishedOrMissing(id, HttpStatus.CONFLICT);
            }
            if (e instanceof AuthorizationException) {
                return page(view(task), HttpStatus.FORBIDDEN, "Langkah ini bukan untuk peran Anda: hanya " + step.role() + " yang menyelesaikannya.");
            }
            throw e;
        }
        String done = !step.isReview() ? "Langkah " + step.number() + " selesai."
                : "setuju".equals(keputusan) ? "Langkah " + step.number() + " disetujui."
                : "Langkah " + step.number() + " dikembalikan ke langkah " + step.returnTo().getAsInt() + " dengan catatan Anda.";
        flash.addFlashAttribute("berhasil", done);
        return new ModelAndView("redirect:/tugas");
    }

    /**
     * A step the user no longer sees: finished (by whom, when) in their kecamatan, else not found. Answered with
     * {@code status}: 200 to a look at it, 409 to a completion that came too late (another tab, another node).
     */
    private ModelAndView finishedOrMissing(String id, HttpStatus status) {
        CurrentUser user = users.current();
        HistoricTaskInstance done = Caller.without(identity, () -> history.createHistoricTaskInstanceQuery().taskId(id).singleResult());
        boolean ours = done != null && (done.getTenantId() == null || user.kecamatan().contains(done.getTenantId()) || user.seesEveryKecamatan());
        // in the kecamatan, only who may read the instance, or who has the step's role, learns it was finished and by whom
        boolean mayKnow = ours && (history.createHistoricProcessInstanceQuery().processInstanceId(done.getProcessInstanceId()).count() > 0
                || StepMetadata.of(repository.getBpmnModelInstance(done.getProcessDefinitionId()).getModelElementById(done.getTaskDefinitionKey()))
                .map(step -> user.groups().contains(step.role())).orElse(false));
        if (!mayKnow || done.getEndTime() == null) {
            throw new NotFound("Langkah '" + id + "' tidak ditemukan.");
        }
        WorkingCalendar calendar = calendars.forKecamatan(done.getTenantId());
        return PageErrors.page(status, "Langkah sudah diselesaikan", "Langkah '" + done.getName() + "' sudah diselesaikan"
                + Optional.ofNullable(done.getAssignee()).or(() -> completedBy(done)).map(who -> " oleh " + who).orElse("") + " pada " + Formats.moment(done.getEndTime().toInstant(),
                calendar.zone()) + ". Tidak ada yang perlu Anda lakukan di langkah ini.");
    }

    private ModelAndView page(StepView view, HttpStatus status, String error) {
        ModelAndView page = new ModelAndView("langkah");
        page.setStatus(status);
        page.addObject("judul", "Langkah " + view.step() + " - " + view.sop());
        page.addObject("langkah", view);
        if (error != null) {
            page.addObject("galat", error);
        }
        return page;
    }

    private StepMetadata metadata(Task task) {
        return StepMetadata.of(repository.getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey()))
                .orElseThrow(() -> new NotFound("Langkah '" + task.getId() + "' bukan langkah SOP."));
    }

    private StepView view(Task task) {
        CurrentUser user = users.current();
        StepMetadata step = metadata(task);
        WorkingCalendar calendar = calendars.forKecamatan(task.getTenantId());
        Instant now = clock.instant();
        HistoricProcessInstance instance = Caller.without(identity,
                () -> history.createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult());
        var definition = repository.getProcessDefinition(task.getProcessDefinitionId());
        String roleName = roleName(definition.getKey(), task.getTenantId(), step.role());
        // who handed it over: the step finished last before this one began, else whoever started the SOP
        HistoricTaskInstance previous = Caller.without(identity, () -> history.createHistoricTaskInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).finished().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1))
                .stream().findFirst().orElse(null);
        String handedBy = previous != null ? Optional.ofNullable(previous.getAssignee()).or(() -> completedBy(previous))
                .orElse("langkah " + ProcessContract.stepNumber(previous.getTaskDefinitionKey()).orElse(0))
                : Optional.ofNullable(instance.getStartUserId()).orElse("SOPflow (jadwal)");
        Instant handedAt = previous != null ? previous.getEndTime().toInstant() : instance.getStartTime().toInstant();
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        long left = due == null || !due.isAfter(now) ? 0 : calendar.workingTimeBetween(now, due).toMinutes();
        long late = due == null || !due.isBefore(now) ? 0 : calendar.workingTimeBetween(due, now).toMinutes();
        Checklist checklist = dossier.checklist(task.getProcessInstanceId());
        Checklist.StepChecklist mine = checklist.steps().stream().filter(s -> s.step() == step.number()).findFirst().orElse(null);
        List<String> kinds = dossier.kinds(task.getProcessInstanceId());
        String suggested = mine == null ? null : mine.requiredOutputs().stream().filter(i -> !i.present()).map(Checklist.Item::name).findFirst()
                .orElse(step.requiredOutputs().stream().findFirst().orElse(kinds.isEmpty() ? null : kinds.get(0)));
        List<DocumentRow> documents = dossier.documents(task.getProcessInstanceId()).stream()
                .map(d -> new DocumentRow(d.kind(), d.version(), d.step(), d.fileName(), d.uploadedBy(), Formats.moment(d.uploadedAt(), calendar.zone()),
                        "/api/instances/" + d.instanceId() + "/dokumen/" + d.id() + "/isi", d.withdrawn()))
                .toList();
        int stepCount = Integer.parseInt(StepMetadata.properties(repository.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(definition.getKey())).getOrDefault(ProcessContract.STEP_COUNT_PROPERTY, "0"));
        return new StepView(task.getId(), task.getProcessInstanceId(), definition.getName(), instance.getBusinessKey(), step.number(), stepCount,
                task.getName(), roleName, handedBy, Formats.moment(handedAt, calendar.zone()), step.waktu().orElse("belum ditetapkan"),
                due == null ? "tanpa tenggat" : Formats.moment(due, calendar.zone()), due == null ? "" : Formats.left(left, late), late > 0,
                step.output(), step.isReview(), step.returnTo().isPresent() ? step.returnTo().getAsInt() : null, task.getAssignee(),
                user.id() != null && user.id().equals(task.getAssignee()), mine, kinds, suggested, documents);
    }

    /** Who completed a step that nobody had claimed: the user of its completion in the operation log. */
    private Optional<String> completedBy(HistoricTaskInstance task) {
        return Caller.without(identity, () -> history.createUserOperationLogQuery().taskId(task.getId())
                .operationType(org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()).stream()
                .map(org.camunda.bpm.engine.history.UserOperationLogEntry::getUserId).filter(java.util.Objects::nonNull).findFirst();
    }

    private String roleName(String kode, String kecamatan, String roleId) {
        try {
            SopDefinition sop = kecamatan == null ? catalog.get(kode) : catalog.get(kode, kecamatan);
            return sop.role(roleId).map(r -> r.name()).orElse(roleId);
        } catch (RuntimeException e) {
            return roleId;
        }
    }
}
