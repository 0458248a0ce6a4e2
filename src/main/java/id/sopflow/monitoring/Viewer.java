package id.sopflow.monitoring;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

import java.security.Principal;
import java.util.List;

/**
 * Who is asking, as far as monitoring needs to know: their kecamatan (tenants) and groups.
 * Admin and Bappeda see every kecamatan; the Sekcam and Camat see everything of their kecamatan;
 * other staff see the alerts of steps they or their groups hold.
 */
record Viewer(String userId, List<String> kecamatan, List<String> groups, boolean allKecamatan) {

    static final List<String> OFFICE_WIDE = List.of("sekcam", "camat");
    static final List<String> ALL_OFFICES = List.of("camunda-admin", "admin", "bappeda");

    static Viewer of(Principal principal, IdentityService identity) {
        if (principal == null) {
            return new Viewer(null, List.of(), List.of(), true);
        }
        String user = principal.getName();
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        return new Viewer(user, tenants, groups, groups.stream().anyMatch(ALL_OFFICES::contains));
    }

    boolean seesWholeOffice() {
        return allKecamatan || groups.stream().anyMatch(OFFICE_WIDE::contains);
    }

    /** The kecamatan this viewer may ask about, narrowed to {@code wanted} when given. */
    List<String> scope(String wanted) {
        if (wanted != null && !wanted.isBlank()) {
            if (!allKecamatan && !kecamatan.contains(wanted)) {
                throw new java.util.NoSuchElementException("kecamatan '" + wanted + "' tidak ditemukan");
            }
            return List.of(wanted);
        }
        return allKecamatan ? List.of() : (kecamatan.isEmpty() ? List.of("-") : kecamatan);
    }

    boolean sees(Alert alert) {
        if (seesWholeOffice()) {
            return true;
        }
        String holder = alert.holder();
        return holder != null && (holder.equals(userId) || (holder.startsWith("grup:") && groups.contains(holder.substring(5))));
    }
}
