package id.sopflow.sop;

import id.sopflow.engine.RefusedInput;
import id.sopflow.organisation.LogSafe;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.HistoricActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's own gate for what a person asks of it. It runs inside the engine (a command interceptor after
 * the command context is opened), so every way in passes it alike: {@code /engine-rest}, Tasklist and
 * Cockpit, SOPflow's API and Java code acting for a logged-in user.
 *
 * <ul>
 *   <li><b>No skipping the SOP.</b> Starting anywhere but the start event (start instructions, with or
 *       without skipped listeners and mappings), process instance modification, migration and restart are
 *       refused (403) for everyone but the admin; when the admin does them, a line is logged and Camunda's
 *       user operation log keeps the act (shown by {@code /api/instances/{id}/audit}).</li>
 *   <li><b>Messages and signals are the engine's.</b> A sending step's documents reach Bappeda, and Bappeda's answer
 *       reaches the kecamatan, as BPMN messages that SOPflow's own delegates throw; a client correlating a message,
 *       delivering a signal or triggering a waiting execution (which would fake a submission or Bappeda's answer) is
 *       refused (403), the admin too. Bappeda's processes start only from those messages and calls.</li>
 *   <li><b>SOPs come from {@code config/sop} only.</b> A deployment by any logged-in user (the admin too) is
 *       refused (403); only SOPflow's start-up, which runs as no user, deploys.</li>
 *   <li><b>What a client may send</b> ({@link ClientInput}): start variables, a review step's decision and
 *       note, nothing SOPflow computes, limits on count and size. Refused with 400 naming each problem;
 *       nothing is stored. A refusal is only given to a caller who may work on the task; anybody else gets
 *       the engine's own authorization answer, so the rules never tell about a task one may not see.</li>
 * </ul>
 * Only the outermost command of a call is checked: what SOPflow's listeners and delegates do inside it is
 * not a client's request. Commands with no authenticated user (jobs, start-up, demo data) are the system's.
 *
 * <p>Camunda keeps the variables of its commands in protected fields; they are read here by reflection, in
 * this one class. A Camunda upgrade that renames them fails the tests of every path ({@code ClientInputIT}).
 */
final class ClientCommandGuard extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCommandGuard.class);
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

    @Override
    public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        if (depth[0] == 0) {
            check(command, Context.getCommandContext());
        }
        depth[0]++;
        try {
            return next.execute(command);
        } finally {
            depth[0]--;
        }
    }

    private static void check(Command<?> command, CommandContext context) {
        Authentication user = context == null ? null : context.getAuthentication();
        if (user == null || user.getUserId() == null) {
            return; // the system: start-up, jobs, demo data
        }
        boolean admin = context.getAuthorizationManager().isCamundaAdmin(user);
        if (command instanceof DeployCmd) {
            throw new AuthorizationException("SOP hanya berasal dari berkas config/sop yang diterapkan SOPflow saat mulai; "
                    + "penerapan (deployment) lewat API ditolak untuk semua pengguna.");
        }
        if (command instanceof DeleteDeploymentCmd || command instanceof DeleteProcessDefinitionsByIdsCmd
                || command instanceof DeleteProcessDefinitionsByKeyCmd) {
            throw new AuthorizationException("SOP dan instance-nya tidak dihapus lewat API: menghapus deployment atau definisi proses "
                    + "akan menghapus setiap instance berjalan beserta riwayat dan auditnya. Ubah config/sop lalu mulai ulang.");
        }
        if (command instanceof CorrelateMessageCmd || command instanceof CorrelateAllMessageCmd
                || command instanceof CorrelateAllMessageBatchCmd || command instanceof MessageEventReceivedCmd
                || command instanceof SignalEventReceivedCmd || command instanceof SignalCmd || command instanceof EvaluateStartConditionCmd) {
            throw new AuthorizationException("Pesan dan sinyal proses SOP hanya dikirim oleh SOPflow sendiri (kiriman ke Bappeda dan "
                    + "jawabannya); tidak dapat dikirim lewat API.");
        }
        if (command instanceof org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd
                || command instanceof org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd
                || command instanceof org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd) {
            // an SOP step has no error or escalation path: such a "completion" would end the instance unseen, or write
            // variables past the rules of a completion
            throw new AuthorizationException("Langkah SOP diselesaikan, disetujui atau dikembalikan; kesalahan BPMN (bpmnError) dan "
                    + "eskalasi BPMN lewat API tidak dipakai dan ditolak untuk semua pengguna.");
        }
        if (!admin && command instanceof HistoricActivityStatisticsQueryImpl) {
            // counts every kecamatan's instances of a definition (the engine applies no tenant check here)
            throw new AuthorizationException("Statistik riwayat per definisi hanya untuk admin.");
        }
        if (!admin && command instanceof ClaimTaskCmd) {
            checkClaim(context, user, field(command, "taskId"), field(command, "userId"));
        }
        if (movesAnInstance(command)) {
            if (!admin) {
                throw new AuthorizationException("Hanya admin yang boleh memulai SOP di tengah, melewati listener, atau memindahkan, "
                        + "memigrasikan dan memulai ulang instance SOP; langkah SOP dijalankan sesuai urutannya.");
            }
            LOG.warn("Admin '{}' menjalankan {}: urutan SOP diubah di luar alurnya (tercatat di log operasi)",
                    LogSafe.name(user.getUserId()), command.getClass().getSimpleName());
            return;
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
            String key = builder.getProcessDefinitionKey() != null ? builder.getProcessDefinitionKey()
                    : keyOf(context, builder.getProcessDefinitionId());
            if (ProcessContract.isSchedule(key)) {
                throw new AuthorizationException("Jadwal SOP berulang berjalan sendiri menurut timernya; tidak dimulai oleh pengguna.");
            }
            if (ProcessContract.isBappedaProcess(key)) {
                throw new AuthorizationException("Proses Bappeda dimulai oleh kiriman kecamatan atau oleh langkah SOP yang memanggilnya; "
                        + "tidak dimulai oleh pengguna.");
            }
            refuseStart(ClientInput.startProblems(plain(builder.getVariables()), builder.getBusinessKey()));
        } else if (command instanceof SubmitStartFormCmd) {
            String key = keyOf(context, field(command, "processDefinitionId"));
            if (ProcessContract.isBappedaProcess(key) || ProcessContract.isSchedule(key)) {
                throw new AuthorizationException("Proses ini dimulai oleh SOPflow sendiri, tidak oleh pengguna.");
            }
            refuseStart(ClientInput.startProblems(plain(field(command, "variables")), field(command, "businessKey")));
        } else if (command instanceof ResolveTaskCmd) {
            checkResolve(context, field(command, "taskId"), field(command, "variables"));
        } else if (command instanceof CompleteTaskCmd) {
            checkCompletion(context, field(command, "taskId"), field(command, "variables"));
        } else if (command instanceof SubmitTaskFormCmd) {
            checkCompletion(context, field(command, "taskId"), field(command, "properties"));
        } else if (command instanceof AbstractSetVariableCmd || command instanceof SetVariablesToProcessInstancesBatchCmd) {
            refuseUpdate(ClientInput.updateProblems(plain(field(command, "variables"))));
        } else if (command instanceof AbstractPatchVariablesCmd) {
            refuseUpdate(ClientInput.updateProblems(plain(field(command, "variables"))));
            refuseUpdate(ClientInput.removalProblems(field(command, "deletions")));
        } else if (command instanceof AbstractRemoveVariableCmd) {
            refuseUpdate(ClientInput.removalProblems(field(command, "variableNames")));
        }
    }

    /** The key of a process definition by its id (which is only a uuid when {@code key:version:uuid} is too long). */
    private static String keyOf(CommandContext context, String definitionId) {
        if (definitionId == null) {
            return null;
        }
        try {
            return context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(definitionId).getKey();
        } catch (RuntimeException unknown) {
            return definitionId.split(":")[0]; // the command itself answers that it does not exist
        }
    }

    private static void refuseUpdate(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new BadUserRequestException(String.join("; ", problems));
        }
    }

    /** A step is claimed by the caller for themselves (or released by its holder); handing it to another is the admin's. */
    private static void checkClaim(CommandContext context, Authentication user, String taskId, String userId) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return;
        }
        boolean forThemselves = user.getUserId().equals(userId);
        boolean releasingOwn = userId == null && user.getUserId().equals(task.getAssignee());
        if (!forThemselves && !releasingOwn) {
            checkWork(context, task);
            throw new AuthorizationException("Langkah hanya dapat diklaim untuk diri sendiri (atau dilepas oleh pemegangnya); "
                    + "menyerahkannya kepada orang lain hanya dapat dilakukan admin.");
        }
    }

    /** Resolving is for a delegated step only; it then carries what completing it would. */
    private static void checkResolve(CommandContext context, String taskId, Map<String, ?> variables) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task != null && task.getDelegationState() == null) {
            checkWork(context, task);
            throw RefusedInput.of(List.of("langkah ini tidak didelegasikan"), "Langkah ini tidak didelegasikan; selesaikan langkahnya.");
        }
        checkCompletion(context, taskId, variables);
    }

    private static boolean movesAnInstance(Command<?> command) {
        return command instanceof StartProcessInstanceAtActivitiesCmd
                || command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
                || command instanceof ProcessInstanceModificationCmd || command instanceof ProcessInstanceModificationBatchCmd
                || command instanceof MigrateProcessInstanceCmd || command instanceof MigrateProcessInstanceBatchCmd
                || command instanceof RestartProcessInstancesCmd || command instanceof RestartProcessInstancesBatchCmd;
    }

    private static void refuseStart(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("SOP tidak dimulai: " + String.join("; ", problems));
        }
    }

    private static void checkCompletion(CommandContext context, String taskId, Map<String, ?> variables) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the command itself says the task does not exist
        }
        Optional<StepMetadata> step = Optional.ofNullable(task.getBpmnModelElementInstance()).flatMap(StepMetadata::of);
        // a step claimed by a colleague is theirs: completed by them (or the admin), not by whoever else shares the role
        String caller = context.getAuthenticatedUserId();
        if (caller != null && task.getAssignee() != null && !task.getAssignee().equals(caller) && step.isPresent()
                && !context.getAuthenticatedGroupIds().contains(id.sopflow.organisation.Organisation.CAMUNDA_ADMIN_GROUP)) {
            checkWork(context, task);
            throw new AuthorizationException("Langkah ini diklaim " + task.getAssignee() + "; hanya dia yang menyelesaikannya "
                    + "(atau melepas klaimnya lebih dulu).");
        }
        List<String> problems = ClientInput.completionProblems(step, plain(variables));
        if (problems.isEmpty()) {
            return;
        }
        checkWork(context, task);
        throw RefusedInput.of(problems, "Langkah tidak diselesaikan: " + String.join("; ", problems));
    }

    /**
     * Whoever may not work on the task gets the engine's own answer (403, or 404 for a task they cannot see)
     * before any refusal of ours, so that a refusal tells nothing about a task one may not work on.
     */
    private static void checkWork(CommandContext context, TaskEntity task) {
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
        }
    }

    /** The client's values as plain Java values; a serialized object stays opaque. */
    private static Map<String, Object> plain(Map<String, ?> variables) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (variables == null) {
            return values;
        }
        for (String name : variables.keySet()) {
            // a VariableMap hands out deserialized values by get(); the typed value never deserializes anything
            Object value = variables instanceof VariableMap typedMap ? typedMap.getValueTyped(name) : variables.get(name);
            if (value instanceof TypedValue typed && typed.isTransient()) {
                values.put(name, new ClientInput.Serialized("transient"));
            } else if (value instanceof SerializableValue serialized) {
                values.put(name, new ClientInput.Serialized(serialized.getType() == null ? "object" : serialized.getType().getName()));
            } else if (value instanceof TypedValue typed) {
                values.put(name, typed.getValue());
            } else {
                values.put(name, value);
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Object target, String name) {
        Field field = FIELDS.computeIfAbsent(target.getClass().getName() + "#" + name, k -> find(target.getClass(), name));
        try {
            return (T) field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("tidak dapat membaca " + name + " dari " + target.getClass().getName(), e);
        }
    }

    private static Field find(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException("Camunda " + type.getName() + " tidak lagi punya '" + name + "': periksa ClientCommandGuard");
    }
}
