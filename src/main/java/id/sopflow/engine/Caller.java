package id.sopflow.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import java.util.List;
import java.util.Optional;

/**
 * Who the engine is working for in this thread (the security filter sets it per request): a user with groups
 * and tenants (kecamatan). Empty for SOPflow's own work (jobs, start-up). Read from the engine's
 * authentication, whose class is one of the engine's internals.
 */
public record Caller(String userId, List<String> groups, List<String> tenants) {

    public Caller {
        groups = List.copyOf(groups);
        tenants = List.copyOf(tenants);
    }

    public static Optional<Caller> of(IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return Optional.empty();
        }
        return Optional.of(new Caller(authentication.getUserId(),
                authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds(),
                authentication.getTenantIds() == null ? List.of() : authentication.getTenantIds()));
    }

    /** Runs {@code work} without the caller (e.g. a lookup the caller may not make), then puts them back. */
    public static <T> T without(IdentityService identity, java.util.function.Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
