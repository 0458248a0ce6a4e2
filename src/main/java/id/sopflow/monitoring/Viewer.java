package id.sopflow.monitoring;

import id.sopflow.api.NotFound;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import java.util.List;

/**
 * Who is asking, as far as monitoring needs to know: their kecamatan (tenants) and groups.
 * Admin and Bappeda see every kecamatan; the Sekcam and Camat see everything of their kecamatan;
 * other staff see the alerts of steps they or their groups hold.
 */
record Viewer(String userId, List<String> kecamatan, List<String> groups, boolean allKecamatan) {

    static final List<String> OFFICE_WIDE = List.of("sekcam", "camat");
    static final List<String> ALL_OFFICES = List.of("camunda-admin", "admin", "bappeda");

    /**
     * The caller as the engine knows them for this request (the organisation's security filter sets the
     * engine authentication with the user's groups and kecamatan); nobody set means an internal call,
     * which sees everything.
     */
    static Viewer of(IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return new Viewer(null, List.of(), List.of(), true);
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds());
        List<String> tenants = authentication.getTenantIds() == null ? List.of() : List.copyOf(authentication.getTenantIds());
        return new Viewer(authentication.getUserId(), tenants, groups, groups.stream().anyMatch(ALL_OFFICES::contains));
    }

    boolean seesWholeOffice() {
        return allKecamatan || groups.stream().anyMatch(OFFICE_WIDE::contains);
    }

    /**
     * The kecamatan this viewer may ask about, narrowed to {@code wanted} when given.
     *
     * @throws NotFound when {@code wanted} is not one of the viewer's (unknown or another's: the same answer)
     */
    List<String> scope(String wanted) {
        if (wanted != null && !wanted.isBlank()) {
            if (!allKecamatan && !kecamatan.contains(wanted)) {
                throw new NotFound("kecamatan '" + wanted + "' tidak ditemukan");
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
