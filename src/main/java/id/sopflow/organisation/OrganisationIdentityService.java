package id.sopflow.organisation;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import java.util.Objects;
import java.util.UUID;

/**
 * Camunda's identity service with SOPflow's account rules, enforced inside the engine (set in
 * {@link OrganisationPlugin}).
 *
 * <ol>
 *   <li><b>The organisation file is the truth about a person.</b> A user's name, office and email (the name
 *       is Camunda's {@code firstName}, the office its {@code lastName}, written by {@link IdentitySync}) may
 *       only be changed by an admin ({@code camunda-admin}), and only an admin may delete a user. Camunda
 *       gives every user ALL on their own user, so without this anybody could rename themselves ("Hacker",
 *       office "bappeda") or delete their own account. Changing one's own password, which needs the same
 *       UPDATE permission, stays allowed: a save that changes nothing but the password passes. Refusals are
 *       {@link AuthorizationException}s (REST 403). Code without a logged-in user (the sync at start-up) is
 *       not restricted.</li>
 *   <li><b>A new password follows {@link PasswordRules}</b>, checked by the engine's password policy
 *       ({@link EnginePasswordPolicy}); a weak one is a {@link BadUserRequestException} with
 *       {@link PasswordRules#REFUSED} (REST 400) instead of the engine's generic error (REST 500). The
 *       initial passwords of {@link IdentitySync}, already checked at start-up, skip the policy.</li>
 *   <li><b>A password check takes as long for an unknown user as for a known one.</b> Camunda answers at
 *       once for a user id that does not exist (or has no password), but needs a BCrypt comparison for one
 *       that does: the time of a failed login would tell which user ids exist. Here the unknown case runs one
 *       comparison of the configured algorithm and cost against a fixed dummy hash.</li>
 *   <li><b>A change empties the login's caches on this node.</b> Saving, unlocking or deleting a user forgets the
 *       passwords of that user in {@link VerifiedCredentials}; any change of a membership, a group, a tenant or a user
 *       forgets every user's groups and kecamatan in {@link Memberships}. {@link #storedPassword} gives the stored hash
 *       that {@link VerifiedCredentials} compares, so that a password changed on another node ends its entries too.</li>
 * </ol>
 *
 * <p>Why a subclass of the service: every way to change a user (the REST API, which Camunda Admin and the
 * welcome page use too, and the Java API) goes through {@code saveUser}, {@code deleteUser} and
 * {@code checkPassword} of this service, which run their commands inside the engine's transaction. A command
 * interceptor would see the {@link SaveUserCmd} too, but could only read the submitted user (a protected
 * field) by reflection; taking UPDATE away from the user's own authorization would also forbid changing the
 * password; a check on the HTTP path would leave Camunda Admin's and the Java API's ways open. A subclass of
 * {@link SaveUserCmd} reads the user as Camunda intends, compiled against its API, so an upgrade that changes
 * it breaks the build instead of the rule. Code that executes Camunda's internal commands directly (SOPflow
 * has none) would bypass rules 1 and 3; the password policy itself is checked by the engine in any case.
 */
final class OrganisationIdentityService extends IdentityServiceImpl {

    static final String PROFILE_REFUSED = "Nama, kantor dan email pengguna mengikuti berkas organisasi (config/organisasi.yaml); "
            + "hanya admin yang dapat mengubahnya. Kata sandi tetap dapat diganti sendiri.";
    static final String DELETE_REFUSED = "Hanya admin yang dapat menghapus pengguna; pengguna yang tidak lagi bekerja "
            + "dikeluarkan dari berkas organisasi (config/organisasi.yaml).";

    /** Appended to the dummy comparison's input like Camunda's per-user salt; its value does not matter. */
    private static final String DUMMY_SALT = "sopflow-bukan-pengguna";

    private final Memberships memberships;
    private final VerifiedCredentials credentials;
    private volatile String dummyHash;

    OrganisationIdentityService(Memberships memberships, VerifiedCredentials credentials) {
        this.memberships = memberships;
        this.credentials = credentials;
    }

    @Override
    public void saveUser(User user, boolean skipPasswordPolicy) {
        try {
            commandExecutor.execute(new SaveUserWithinRules(user, skipPasswordPolicy));
        } finally {
            userChanged(user == null ? null : user.getId());
        }
    }

    @Override
    public void deleteUser(String userId) {
        try {
            commandExecutor.execute(context -> {
                if (!mayManageAccounts(context)) {
                    throw new AuthorizationException(DELETE_REFUSED);
                }
                return new DeleteUserCmd(userId).execute(context);
            });
        } finally {
            userChanged(userId);
        }
    }

    @Override
    public void unlockUser(String userId) {
        try {
            super.unlockUser(userId);
        } finally {
            userChanged(userId);
        }
    }

    @Override
    public void createMembership(String userId, String groupId) {
        try {
            super.createMembership(userId, groupId);
        } finally {
            memberships.forgetAll();
        }
    }

    @Override
    public void deleteMembership(String userId, String groupId) {
        try {
            super.deleteMembership(userId, groupId);
        } finally {
            memberships.forgetAll();
        }
    }

    @Override
    public void createTenantUserMembership(String tenantId, String userId) {
        try {
            super.createTenantUserMembership(tenantId, userId);
        } finally {
            memberships.forgetAll();
        }
    }

    @Override
    public void createTenantGroupMembership(String tenantId, String groupId) {
        try {
            super.createTenantGroupMembership(tenantId, groupId);
        } finally {
            memberships.forgetAll();
        }
    }

    @Override
    public void deleteTenantUserMembership(String tenantId, String userId) {
        try {
            super.deleteTenantUserMembership(tenantId, userId);
        } finally {
            memberships.forgetAll();
        }
    }

    @Override
    public void deleteTenantGroupMembership(String tenantId, String groupId) {
        try {
            super.deleteTenantGroupMembership(tenantId, groupId);
        } finally {
            memberships.forgetAll();
        }
    }

    @Override
    public void deleteGroup(String groupId) {
        try {
            super.deleteGroup(groupId);
        } finally {
            memberships.forgetAll();
        }
    }

    @Override
    public void deleteTenant(String tenantId) {
        try {
            super.deleteTenant(tenantId);
        } finally {
            memberships.forgetAll();
        }
    }

    /**
     * The stored password hash of a user ({@code {BCRYPT}$2a$...}); null for an unknown user or one without a password.
     * Read without the caller's authorizations, like a password check.
     */
    String storedPassword(String userId) {
        if (userId == null || userId.isEmpty()) {
            return null;
        }
        return commandExecutor.execute(context -> context.runWithoutAuthorization(() ->
                context.getReadOnlyIdentityProvider().findUserById(userId) instanceof UserEntity entity ? entity.getPassword() : null));
    }

    /** Whatever changed of the user (password, lock, the user itself), nothing remembered of them stays. */
    private void userChanged(String userId) {
        credentials.forget(userId);
        memberships.forgetAll();
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return commandExecutor.execute(context -> {
            User user = userId == null ? null : context.getReadOnlyIdentityProvider().findUserById(userId);
            if (password == null || !(user instanceof UserEntity entity) || entity.getPassword() == null) {
                context.getProcessEngineConfiguration().getPasswordManager().check(password + DUMMY_SALT, dummyHash(context));
                return false;
            }
            return new CheckPassword(userId, password).execute(context);
        });
    }

    /** A hash of the configured algorithm and cost, made once per engine, that no password matches in practice. */
    private String dummyHash(CommandContext context) {
        String hash = dummyHash;
        if (hash == null) {
            hash = context.getProcessEngineConfiguration().getPasswordManager().encrypt(UUID.randomUUID() + DUMMY_SALT);
            dummyHash = hash;
        }
        return hash;
    }

    /** Nobody logged in (system code), or an admin. */
    private static boolean mayManageAccounts(CommandContext context) {
        Authentication authentication = context.getAuthentication();
        return authentication == null || authentication.getUserId() == null
                || context.getAuthorizationManager().isCamundaAdmin(authentication);
    }

    /** Camunda's save, after rules 1 and 2 (see the class). */
    static final class SaveUserWithinRules extends SaveUserCmd {

        SaveUserWithinRules(User user, boolean skipPasswordPolicy) {
            super(user, skipPasswordPolicy);
        }

        @Override
        protected Void executeCmd(CommandContext context) {
            if (user instanceof UserEntity entity) {
                if (entity.getRevision() > 0 && !mayManageAccounts(context) && profileChanged(context, entity)) {
                    throw new AuthorizationException(PROFILE_REFUSED);
                }
                if (shouldCheckPasswordPolicy(context) && !entity.checkPasswordAgainstPolicy()) {
                    throw new BadUserRequestException(PasswordRules.REFUSED);
                }
            }
            return super.executeCmd(context);
        }

        /** Whether the submitted user differs from the stored one in anything but the password. */
        private static boolean profileChanged(CommandContext context, UserEntity submitted) {
            User stored = context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().findUserById(submitted.getId()));
            return stored == null
                    || !Objects.equals(stored.getFirstName(), submitted.getFirstName())
                    || !Objects.equals(stored.getLastName(), submitted.getLastName())
                    || !Objects.equals(stored.getEmail(), submitted.getEmail());
        }
    }
}
