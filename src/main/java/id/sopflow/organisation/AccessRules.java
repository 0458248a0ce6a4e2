package id.sopflow.organisation;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

/**
 * Who may do what, as Camunda group authorizations (GRANT) that the start-up creates idempotently.
 * The kecamatan isolation is not here: it is Camunda's tenant check (every instance and task has its
 * kecamatan as tenant; a user only belongs to the tenant of their own office).
 *
 * <ul>
 *   <li>Every kecamatan role: Tasklist, the task filters, start any SOP (for their own kecamatan). Work
 *       on a task comes only from the engine's own authorization for the task's candidate group
 *       ({@code defaultUserPermissionNameForTask = TASK_WORK} plus READ), so a pelaksana sees and
 *       completes only pelaksana steps.</li>
 *   <li>Camat and Sekcam additionally read every task, instance and history of their kecamatan (but only
 *       work on their own steps).</li>
 *   <li>Bappeda: the same read grants as the Camat, but its group belongs to Bappeda's own tenant only, so the
 *       tenant check leaves it the instances of Bappeda's processes (its inbox, its step of the Renstra); no
 *       kecamatan instance, task, history or dossier. What a kecamatan sent it, Bappeda reads through SOPflow's
 *       {@code bappeda} package. It works only on tasks whose candidate group is {@code bappeda}.</li>
 *   <li>Admin: member of {@code camunda-admin}: everything, every tenant, Cockpit and Admin.</li>
 * </ul>
 */
final class AccessRules {

    /** One group authorization: exactly these permissions on a resource (id or {@code *}). */
    record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
        Grant {
            permissions = List.copyOf(permissions);
        }

        int mask() {
            int mask = 0;
            for (Permission p : permissions) {
                mask |= p.getValue();
            }
            return mask;
        }
    }

    static final String TASKLIST = "tasklist";

    private AccessRules() {
    }

    /**
     * @param processKeys the keys of the SOP processes: reading their history is granted key by key, never on
     *                    {@code *}, because a wildcard READ_HISTORY also opens the user operation log entries that
     *                    belong to no process (password and profile changes), which are the admin's only
     */
    static List<Grant> grants(Collection<String> processKeys) {
        List<Grant> grants = new ArrayList<>();
        for (String role : Organisation.KECAMATAN_ROLES.stream().sorted().toList()) {
            boolean officeWide = role.equals("camat") || role.equals("sekcam");
            grants.add(new Grant(role, Resources.APPLICATION, TASKLIST, List.of(Permissions.ACCESS)));
            grants.add(new Grant(role, Resources.FILTER, ANY, List.of(Permissions.READ)));
            grants.add(new Grant(role, Resources.PROCESS_DEFINITION, ANY, officeWide
                    ? List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK)
                    : List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)));
            if (officeWide) {
                readHistory(grants, role, processKeys);
            }
            grants.add(new Grant(role, Resources.PROCESS_INSTANCE, ANY, officeWide
                    ? List.of(Permissions.CREATE, Permissions.READ)
                    : List.of(Permissions.CREATE)));
            if (officeWide) {
                grants.add(new Grant(role, Resources.TASK, ANY, List.of(Permissions.READ)));
            }
        }
        String bappeda = Organisation.BAPPEDA_ROLE;
        grants.add(new Grant(bappeda, Resources.APPLICATION, TASKLIST, List.of(Permissions.ACCESS)));
        grants.add(new Grant(bappeda, Resources.FILTER, ANY, List.of(Permissions.READ)));
        grants.add(new Grant(bappeda, Resources.PROCESS_DEFINITION, ANY, List.of(ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK)));
        readHistory(grants, bappeda, processKeys);
        grants.add(new Grant(bappeda, Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.READ)));
        grants.add(new Grant(bappeda, Resources.TASK, ANY, List.of(Permissions.READ)));
        for (Resources resource : Resources.values()) {
            grants.add(new Grant(Organisation.CAMUNDA_ADMIN_GROUP, resource, ANY, List.of(Permissions.ALL)));
        }
        return List.copyOf(grants);
    }

    private static void readHistory(List<Grant> grants, String role, Collection<String> processKeys) {
        processKeys.stream().distinct().sorted().forEach(key -> grants.add(new Grant(role, Resources.PROCESS_DEFINITION, key,
                List.of(ProcessDefinitionPermissions.READ_HISTORY))));
    }
}
