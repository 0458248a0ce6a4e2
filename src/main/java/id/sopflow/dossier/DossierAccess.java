package id.sopflow.dossier;

import id.sopflow.api.Conflict;
import id.sopflow.api.Forbidden;
import id.sopflow.api.NotFound;
import id.sopflow.engine.Caller;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.Organisation;
import id.sopflow.organisation.Role;
import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Who may read and change a dossier, asked of the engine as the caller (its authorizations and tenants decide):
 * whoever may read the instance's history (Sekcam, Camat, Bappeda, the admin) or sees one of its open steps (their
 * holder) reads it, anyone else gets 404; the holder of the running step, the Sekcam and the Camat of the kecamatan
 * (and the admin) add to it, anyone else who reads it gets 403. Facts the caller may not query themselves (the
 * running step's visit) are read without the caller, after the caller's right is established.
 */
@Component
class DossierAccess {

    /** An SOP instance as the dossier needs it. */
    record Instance(String id, String processKey, String definitionId, String kecamatan, boolean ended) {
    }

    /** The running step of an instance: its task and its visit (activity instance). */
    record RunningStep(Task task, int number, String visit) {
    }

    private final HistoryService history;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final IdentityService identity;

    DossierAccess(HistoryService history, TaskService tasks, RepositoryService repository, IdentityService identity) {
        this.history = history;
        this.tasks = tasks;
        this.repository = repository;
        this.identity = identity;
    }

    /** The instance, if the caller may read it; 404 (the same answer as for an unknown id) otherwise. */
    Instance readable(String instanceId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (instance == null && tasks.createTaskQuery().processInstanceId(instanceId).count() > 0) {
            instance = Caller.without(identity, () -> history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult());
        }
        if (instance == null || ProcessContract.isSchedule(instance.getProcessDefinitionKey())) {
            throw new NotFound("Instance SOP '" + instanceId + "' tidak ditemukan.");
        }
        return new Instance(instance.getId(), instance.getProcessDefinitionKey(), instance.getProcessDefinitionId(), instance.getTenantId(),
                instance.getEndTime() != null);
    }

    /** The step being worked on now; 409 when none is (the instance has ended). */
    RunningStep runningStep(Instance instance) {
        List<Task> open = Caller.without(identity, () -> tasks.createTaskQuery().processInstanceId(instance.id()).list()).stream()
                .filter(t -> ProcessContract.stepNumber(t.getTaskDefinitionKey()).isPresent()).toList();
        if (open.isEmpty()) {
            throw new Conflict("Instance ini tidak punya langkah yang sedang berjalan (" + (instance.ended() ? "SOP-nya sudah selesai"
                    : "menunggu") + "); dokumen hanya diunggah pada langkah yang sedang berjalan.");
        }
        Task task = open.get(0);
        HistoricTaskInstance historic = Caller.without(identity,
                () -> history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult());
        return new RunningStep(task, ProcessContract.stepNumber(task.getTaskDefinitionKey()).orElseThrow(), historic.getActivityInstanceId());
    }

    /** The visits of the running steps, by step number. */
    java.util.Map<Integer, String> runningVisits(Instance instance) {
        java.util.Map<Integer, String> visits = new java.util.HashMap<>();
        Caller.without(identity, () -> history.createHistoricTaskInstanceQuery().processInstanceId(instance.id()).unfinished().list())
                .forEach(t -> ProcessContract.stepNumber(t.getTaskDefinitionKey()).ifPresent(n -> visits.put(n, t.getActivityInstanceId())));
        return visits;
    }

    /** Whether the caller may add to the dossier at the running step: its holder, the Sekcam, the Camat, the admin. */
    void requireUpload(CurrentUser user, Instance instance, RunningStep step) {
        if (actsForOffice(user, instance)) {
            return;
        }
        Task task = step.task();
        boolean holder = tasks.createTaskQuery().taskId(task.getId()).count() > 0
                && (task.getAssignee() == null || task.getAssignee().equals(user.id()));
        if (!holder) {
            throw new Forbidden("Hanya pemegang langkah yang sedang berjalan (langkah " + step.number() + (task.getAssignee() == null ? ""
                    : ", diklaim " + task.getAssignee()) + "), Sekcam dan Camat kecamatan ini yang dapat menambah dokumen ke berkas.");
        }
    }

    /** Whether the caller may withdraw a document of the running step: who uploaded it, the Sekcam, the Camat, the admin. */
    void requireWithdrawal(CurrentUser user, Instance instance, Document document) {
        if (!actsForOffice(user, instance) && !document.uploadedBy().equals(user.id())) {
            throw new Forbidden("Hanya pengunggahnya (" + document.uploadedBy() + "), Sekcam dan Camat kecamatan ini yang dapat menarik dokumen ini.");
        }
    }

    /** SOPflow itself, the admin, and the Sekcam and Camat of the instance's kecamatan. */
    private static boolean actsForOffice(CurrentUser user, Instance instance) {
        return user.isSystem() || user.groups().contains(Organisation.CAMUNDA_ADMIN_GROUP)
                || ((user.has(Role.SEKCAM) || user.has(Role.CAMAT)) && instance.kecamatan() != null && user.kecamatan().contains(instance.kecamatan()));
    }

    /** The SOP process of the instance, from the version it runs. */
    Process process(Instance instance) {
        BpmnModelInstance model = repository.getBpmnModelInstance(instance.definitionId());
        return model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("definisi " + instance.definitionId() + " tidak punya proses yang dapat dijalankan"));
    }

    Optional<String> stepName(String instanceId, String visit) {
        return Caller.without(identity, () -> history.createHistoricTaskInstanceQuery().processInstanceId(instanceId)
                .activityInstanceIdIn(visit).list()).stream().findFirst().map(HistoricTaskInstance::getName);
    }
}
