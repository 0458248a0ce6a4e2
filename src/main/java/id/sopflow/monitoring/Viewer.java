package id.sopflow.monitoring;

import id.sopflow.api.NotFound;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.Recipient;
import id.sopflow.organisation.Role;

import java.util.Arrays;
import java.util.List;



/**
 * Who is asking, as far as monitoring needs to know: their kecamatan (tenants) and groups.
 * Admin and Bappeda see every kecamatan; the Sekcam and Camat see everything of their kecamatan;
 * other staff see the alerts of steps they or their groups hold.
 */
record Viewer(CurrentUser user) {

    static Viewer of(CurrentUser user) {
        return new Viewer(user);
    }

    String userId() {
        return user.id();
    }

    List<String> groups() {
        return user.groups();
    }

    boolean allKecamatan() {
        return user.seesEveryKecamatan();
    }

    boolean seesWholeOffice() {
        return user.seesWholeOffice();
    }

    /** The kecamatan this viewer may ask about, narrowed to {@code wanted} when given. */
    List<String> scope(String wanted) {
        if (wanted != null && !wanted.isBlank()) {
            if (!allKecamatan() && !user.kecamatan().contains(wanted)) {
                throw new NotFound("kecamatan '" + wanted + "' tidak ditemukan");
            }
            return List.of(wanted);
        }
        return allKecamatan() ? List.of() : (user.kecamatan().isEmpty() ? List.of("-") : user.kecamatan());
    }

    /**
     * Whose steps' alerts this viewer sees, as stored holders ({@link #sees}): empty for one who sees the whole office,
     * else the viewer (a user id) and their groups ({@code grup:<role>}).
     */
    List<String> holdersSeen() {
        if (seesWholeOffice()) {
            return List.of();
        }
        java.util.List<String> holders = new java.util.ArrayList<>(List.of(user.id(), Recipient.user(user.id()).format()));
        user.groups().forEach(g -> holders.add(Recipient.group(g).format()));
        return holders;
    }

    boolean sees(Alert alert) {
        return seesWholeOffice() || (alert.holder() != null && user.is(Recipient.parse(alert.holder())));
    }

    /** The groups whose notifications this viewer reads: their own; SOPflow itself reads the office-wide ones. */
    List<String> notificationGroups() {
        return user.isSystem() ? Arrays.stream(Role.values()).filter(Role::seesWholeOffice).map(Role::id).toList() : user.groups();
    }
}
