package id.sopflow.organisation;

import id.sopflow.organisation.AccessRules.Grant;
import id.sopflow.organisation.Organisation.Kecamatan;
import id.sopflow.organisation.Organisation.Member;
import id.sopflow.organisation.Organisation.RoleEntry;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings Camunda's identity service and authorizations in line with the organisation file, at every
 * start and idempotently: a second run with the same file changes nothing. Kecamatan become tenants,
 * roles become groups, users get their groups and the tenant of their office; users no longer in the
 * file keep their account (history stays readable) but lose every managed group and tenant. The
 * {@code bappeda} group belongs to Bappeda's own tenant only (no kecamatan). Passwords are set only for a user that has none.
 */
final class IdentitySync {

    private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);

    /** The initial passwords; either may be blank (then users are created without a password). */
    record InitialPasswords(String admin, String staff) {
        String of(Member member) {
            return member.isAdmin() ? admin : staff;
        }
    }

    /** What the identity store holds for the managed groups and tenants after a run. */
    record Counts(long users, long groups, long tenants, long memberships, long tenantMemberships, long authorizations) {
    }

    private final IdentityService identity;
    private final AuthorizationService authorization;

    IdentitySync(ProcessEngine engine) {
        this.identity = engine.getIdentityService();
        this.authorization = engine.getAuthorizationService();
    }

    Counts apply(Organisation organisation, InitialPasswords passwords, Collection<String> processKeys) {
        Set<String> tenantIds = organisation.kecamatan().stream().map(Kecamatan::id).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> managedGroups = new LinkedHashSet<>();
        organisation.roles().forEach(r -> managedGroups.add(r.id()));
        managedGroups.add(Organisation.CAMUNDA_ADMIN_GROUP);

        organisation.kecamatan().forEach(this::tenant);
        tenant(Organisation.BAPPEDA_TENANT, organisation.bappeda());
        tenantIds.add(Organisation.BAPPEDA_TENANT);
        organisation.roles().forEach(this::group);
        group(Organisation.CAMUNDA_ADMIN_GROUP, "Administrator Camunda", Groups.GROUP_TYPE_SYSTEM);

        Set<String> fileUsers = new HashSet<>();
        for (Member member : organisation.members()) {
            fileUsers.add(member.id());
            user(member, organisation, passwords.of(member));
            Set<String> groups = new LinkedHashSet<>(member.roles());
            if (member.isAdmin()) {
                groups.add(Organisation.CAMUNDA_ADMIN_GROUP);
            }
            memberships(member.id(), groups, managedGroups);
            tenantMemberships(member.id(), member.worksInKecamatan() ? Set.of(member.office()) : Set.of(), tenantIds);
        }
        for (User other : identity.createUserQuery().list()) {
            if (!fileUsers.contains(other.getId())) {
                int removed = memberships(other.getId(), Set.of(), managedGroups) + tenantMemberships(other.getId(), Set.of(), tenantIds);
                if (removed > 0) {
                    LOG.warn("Pengguna '{}' tidak ada di berkas organisasi: {} keanggotaan peran/kecamatan dicabut", LogSafe.name(other.getId()),
                            removed);
                }
            }
        }
        groupTenants(managedGroups, tenantIds);
        AccessRules.grants(processKeys).forEach(this::grant);
        Counts counts = counts(organisation, managedGroups, tenantIds);
        return counts;
    }

    private void tenant(Kecamatan kecamatan) {
        tenant(kecamatan.id(), "Kecamatan " + kecamatan.nama());
    }

    private void tenant(String id, String name) {
        Tenant tenant = identity.createTenantQuery().tenantId(id).singleResult();
        if (tenant == null) {
            tenant = identity.newTenant(id);
            tenant.setName(name);
            identity.saveTenant(tenant);
        } else if (!name.equals(tenant.getName())) {
            tenant.setName(name);
            identity.saveTenant(tenant);
        }
    }

    private void group(RoleEntry role) {
        group(role.id(), role.nama(), role.id().equals(Organisation.ADMIN_ROLE) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
    }

    private void group(String id, String name, String type) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        } else if (!name.equals(group.getName()) || !type.equals(group.getType())) {
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void user(Member member, Organisation organisation, String initialPassword) {
        String office = member.worksInKecamatan()
                ? "Kec. " + organisation.kecamatan(member.office()).map(Kecamatan::nama).orElse(member.office())
                : organisation.bappeda();
        User user = identity.createUserQuery().userId(member.id()).singleResult();
        boolean setPassword = initialPassword != null && !initialPassword.isEmpty();
        if (user == null) {
            user = identity.newUser(member.id());
            user.setFirstName(member.nama());
            user.setLastName(office);
            if (setPassword) {
                user.setPassword(initialPassword);
            }
            save(user, setPassword);
            return;
        }
        boolean hasPassword = !(user instanceof UserEntity entity) || entity.getPassword() != null;
        boolean changed = !member.nama().equals(user.getFirstName()) || !office.equals(user.getLastName());
        if (changed || (setPassword && !hasPassword)) {
            user.setFirstName(member.nama());
            user.setLastName(office);
            if (setPassword && !hasPassword) {
                user.setPassword(initialPassword);
            }
            save(user, setPassword && !hasPassword);
        }
    }

    /**
     * Saves a user; an initial password skips the engine's password policy: it was checked by {@link PasswordRules}
     * at start-up, which allows the public demo password in the demo profile only.
     */
    private void save(User user, boolean initialPassword) {
        if (initialPassword && identity instanceof IdentityServiceImpl engine) {
            engine.saveUser(user, true);
        } else {
            identity.saveUser(user);
        }
    }

    /** Makes the user's memberships among {@code managed} groups exactly {@code wanted}; returns how many were removed. */
    private int memberships(String userId, Set<String> wanted, Set<String> managed) {
        Set<String> current = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .filter(managed::contains).collect(Collectors.toSet());
        for (String group : wanted) {
            if (!current.contains(group)) {
                identity.createMembership(userId, group);
            }
        }
        int removed = 0;
        for (String group : current) {
            if (!wanted.contains(group)) {
                identity.deleteMembership(userId, group);
                removed++;
            }
        }
        return removed;
    }

    private int tenantMemberships(String userId, Set<String> wanted, Set<String> managed) {
        Set<String> current = identity.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId)
                .filter(managed::contains).collect(Collectors.toSet());
        for (String tenant : wanted) {
            if (!current.contains(tenant)) {
                identity.createTenantUserMembership(tenant, userId);
            }
        }
        int removed = 0;
        for (String tenant : current) {
            if (!wanted.contains(tenant)) {
                identity.deleteTenantUserMembership(tenant, userId);
                removed++;
            }
        }
        return removed;
    }

    /** Only the bappeda group belongs to a tenant, Bappeda's own; no other managed group to any. */
    private void groupTenants(Set<String> managedGroups, Set<String> tenantIds) {
        for (String group : managedGroups) {
            Set<String> wanted = group.equals(Organisation.BAPPEDA_ROLE) ? Set.of(Organisation.BAPPEDA_TENANT) : Set.of();
            Set<String> current = identity.createTenantQuery().groupMember(group).list().stream().map(Tenant::getId)
                    .collect(Collectors.toSet());
            for (String tenant : wanted) {
                if (!current.contains(tenant)) {
                    identity.createTenantGroupMembership(tenant, group);
                }
            }
            for (String tenant : current) {
                if (!wanted.contains(tenant)) {
                    identity.deleteTenantGroupMembership(tenant, group);
                    LOG.warn("Grup '{}' dikeluarkan dari tenant '{}': grup tidak menjadi anggota kecamatan (Bappeda hanya anggota tenant-nya sendiri)", group,
                            LogSafe.name(tenant));
                }
            }
        }
    }

    private void grant(Grant grant) {
        Authorization existing = authorization.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(grant.groupId())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .singleResult();
        if (existing == null) {
            AuthorizationEntity created = (AuthorizationEntity) authorization.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            created.setGroupId(grant.groupId());
            created.setResource(grant.resource());
            created.setResourceId(grant.resourceId());
            created.setPermissions(grant.mask());
            authorization.saveAuthorization(created);
        } else if (existing instanceof AuthorizationEntity entity && entity.getPermissions() != grant.mask()) {
            entity.setPermissions(grant.mask());
            authorization.saveAuthorization(entity);
        }
    }

    private Counts counts(Organisation organisation, Set<String> managedGroups, Set<String> tenantIds) {
        long memberships = 0;
        long tenantMemberships = 0;
        for (Member member : organisation.members()) {
            memberships += identity.createGroupQuery().groupMember(member.id()).list().stream()
                    .filter(g -> managedGroups.contains(g.getId())).count();
            tenantMemberships += identity.createTenantQuery().userMember(member.id()).list().stream()
                    .filter(t -> tenantIds.contains(t.getId())).count();
        }
        tenantMemberships += identity.createTenantQuery().groupMember(Organisation.BAPPEDA_ROLE).count();
        long authorizations = authorization.createAuthorizationQuery()
                .groupIdIn(managedGroups.toArray(String[]::new)).count();
        return new Counts(identity.createUserQuery().count(),
                identity.createGroupQuery().groupIdIn(managedGroups.toArray(String[]::new)).count(),
                identity.createTenantQuery().tenantIdIn(tenantIds.toArray(String[]::new)).count(),
                memberships, tenantMemberships, authorizations);
    }
}
