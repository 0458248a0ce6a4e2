package id.sopflow.organisation;

import org.camunda.bpm.engine.IdentityService;
import id.sopflow.engine.Caller;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The caller of the current request as a {@link CurrentUser}. The security filter takes the user's groups and
 * kecamatan from {@link Memberships} (read once per user for a few minutes) and hands them to the engine ({@code identityService.setAuthentication}); this
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
        return Caller.of(identity).map(caller -> {
            List<String> tenants = caller.tenants();
            Optional<String> zone = tenants.size() == 1 ? organisation.kecamatan(tenants.get(0)).map(Organisation.Kecamatan::zona)
                    : Optional.empty();
            return new CurrentUser(caller.userId(), caller.groups(), tenants, zone);
        }).orElse(CurrentUser.SYSTEM);
    }
}
