package id.sopflow.organisation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, as the organisation knows them: their id, their groups (roles), the kecamatan they belong to
 * (tenants) and the time zone of their office. Built from the engine's authentication that the security filter
 * sets once per request ({@link CurrentUsers}). {@link #SYSTEM} stands for SOPflow's own work (jobs, start-up),
 * which sees everything.
 *
 * @param zone the time zone of their kecamatan as the organisation file names it (WIB, WITA, WIT); empty outside one
 */
public record CurrentUser(String id, List<String> groups, List<String> kecamatan, Optional<String> zone) {

    /** No user: SOPflow itself. */
    public static final CurrentUser SYSTEM = new CurrentUser(null, List.of(), List.of(), Optional.empty());

    private static final Set<String> EVERY_KECAMATAN = Set.of(Organisation.CAMUNDA_ADMIN_GROUP, Role.ADMIN.id(), Role.BAPPEDA.id(),
            Role.KEPALA_BAPPEDA.id());

    public CurrentUser {
        groups = List.copyOf(groups);
        kecamatan = List.copyOf(kecamatan);
    }

    public boolean isSystem() {
        return id == null;
    }

    public boolean has(Role role) {
        return groups.contains(role.id());
    }

    /** The admin and Bappeda look at every kecamatan; SOPflow itself too. */
    public boolean seesEveryKecamatan() {
        return isSystem() || groups.stream().anyMatch(EVERY_KECAMATAN::contains);
    }

    /** The Sekcam and the Camat see everything of their kecamatan (and whoever sees every kecamatan). */
    public boolean seesWholeOffice() {
        return seesEveryKecamatan() || groups.stream().map(Role::of).flatMap(Optional::stream).anyMatch(Role::seesWholeOffice);
    }

    /** Whether a notification or step addressed to this recipient is this user's. */
    public boolean is(Recipient recipient) {
        return recipient.isGroup() ? groups.contains(recipient.id()) : recipient.id().equals(id);
    }
}
