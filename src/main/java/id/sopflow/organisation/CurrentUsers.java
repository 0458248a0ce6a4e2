package id.sopflow.organisation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The caller of the current request as a {@link CurrentUser}. The security filter reads the user's groups and
 * kecamatan once per request and hands them to the engine ({@code identityService.setAuthentication}); this
 * reads them back from there, so nothing is queried twice. No authentication means SOPflow's own work.
 */
@Component
public class CurrentUsers {

    private final IdentityService identity;
    private final Organisation organisation;

    CurrentUsers(IdentityService identity, Organisation organisation) {
        this.identity = identity;
        this.organisation = organisation;
    }

    public CurrentUser current() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return CurrentUser.SYSTEM;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        List<String> tenants = authentication.getTenantIds() == null ? List.of() : authentication.getTenantIds();
        Optional<String> zone = tenants.size() == 1
                ? organisation.kecamatan(tenants.get(0)).map(k -> k.zona())
                : Optional.empty();
        return new CurrentUser(authentication.getUserId(), groups, tenants, zone);
    }
}
