package id.sopflow.organisation;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;

import java.util.List;

/**
 * Gives every process instance of a shared (tenant-less) definition the kecamatan it belongs to:
 * <ul>
 *   <li>a process of Bappeda's own ({@link Organisation#isBappedaProcess}: its inbox, its step of an SOP): Bappeda's
 *       tenant, whoever starts it (clients cannot start them: {@code sop.ClientCommandGuard});</li>
 *   <li>a sub-process instance: the kecamatan of its parent;</li>
 *   <li>started by a user: the one kecamatan of that user's office (their own tenant membership); a
 *       {@value Organisation#TENANT_VARIABLE} variable naming another kecamatan is refused (403), and so is a
 *       user with no or several kecamatan (Bappeda);</li>
 *   <li>started by an admin or by the system (a job, a schedule; no authenticated user): the kecamatan named
 *       in the {@value Organisation#TENANT_VARIABLE} variable, which must exist;</li>
 *   <li>a system process without user tasks (e.g. a schedule that starts SOPs for every kecamatan) may run
 *       without a kecamatan.</li>
 * </ul>
 * Anything else is refused, so that no task can exist outside a kecamatan. Every refusal is an
 * {@link AuthorizationException}: the REST API answers 403 (for any other engine exception on a start it
 * answers 500), and nothing is stored.
 */
final class KecamatanTenantIdProvider implements TenantIdProvider {

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getProcessDefinition() != null && Organisation.isBappedaProcess(ctx.getProcessDefinition().getKey())) {
            return Organisation.BAPPEDA_TENANT;
        }
        if (ctx.getSuperExecution() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        CommandContext commandContext = Context.getCommandContext();
        Authentication authentication = commandContext.getAuthentication();
        Object requested = ctx.getVariables() == null ? null : ctx.getVariables().get(Organisation.TENANT_VARIABLE);
        String requestedId = requested == null ? null : requested.toString();
        String process = ctx.getProcessDefinition() == null ? "?" : ctx.getProcessDefinition().getKey();
        IdentityService identity = commandContext.getProcessEngineConfiguration().getIdentityService();

        boolean user = authentication != null && authentication.getUserId() != null;
        if (!user || commandContext.getAuthorizationManager().isCamundaAdmin(authentication)) {
            if (requestedId != null) {
                if (!exists(commandContext, identity, requestedId)) {
                    throw new AuthorizationException("Kecamatan '" + requestedId + "' (variabel '" + Organisation.TENANT_VARIABLE
                            + "') tidak dikenal; SOP '" + process + "' tidak dimulai.");
                }
                return requestedId;
            }
            if (!user && !hasUserTasks(ctx)) {
                return null;
            }
            throw new AuthorizationException("Kecamatan untuk SOP '" + process + "' tidak dapat ditentukan: sebutkan id kecamatan "
                    + "dalam variabel '" + Organisation.TENANT_VARIABLE + "' saat memulai.");
        }
        String userId = authentication.getUserId();
        List<String> own = commandContext.runWithoutAuthorization(() -> identity.createTenantQuery().userMember(userId).list()
                .stream().map(Tenant::getId).toList());
        if (own.size() != 1) {
            throw new AuthorizationException("Pengguna '" + userId + "' tidak terdaftar pada tepat satu kecamatan, jadi tidak dapat "
                    + "memulai SOP '" + process + "'.");
        }
        String tenant = own.get(0);
        if (requestedId != null && !requestedId.equals(tenant)) {
            throw new AuthorizationException("Pengguna '" + userId + "' hanya dapat memulai SOP untuk kecamatannya sendiri ('"
                    + tenant + "').");
        }
        return tenant;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
    }

    private static boolean exists(CommandContext commandContext, IdentityService identity, String tenantId) {
        return commandContext.runWithoutAuthorization(() -> identity.createTenantQuery().tenantId(tenantId).count() > 0);
    }

    private static boolean hasUserTasks(TenantIdProviderProcessInstanceContext ctx) {
        return !(ctx.getProcessDefinition() instanceof ScopeImpl scope) || hasUserTasks(scope);
    }

    private static boolean hasUserTasks(ScopeImpl scope) {
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior || hasUserTasks(activity)) {
                return true;
            }
        }
        return false;
    }
}
