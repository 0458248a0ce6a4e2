/**
 * Organisation, login and access control: who works where, who may log in, and what each role may see
 * and do.
 *
 * <p>This package owns:
 * <ul>
 *   <li>{@code config/organisasi.yaml}: kabupaten, kecamatan (id, nama, zona), Bappeda, roles and users,
 *       read and validated in plain Java ({@code OrganisationReader}; every problem with file and line).
 *       Entry point: {@link id.sopflow.organisation.Organisation} (also a Spring bean for other packages;
 *       {@link id.sopflow.organisation.Organisation#TENANT_VARIABLE} names the kecamatan of a system start).</li>
 *   <li>Identity sync at every start, idempotent ({@code IdentitySync}): kecamatan = Camunda tenant, role =
 *       group, user = user with group and tenant memberships. Users removed from the file keep their account
 *       but lose their roles and kecamatan. Passwords are never in the file: the initial admin password comes
 *       from {@code SOPFLOW_ADMIN_PASSWORD} (refused when empty, short or a known default, except in the demo
 *       profile), demo passwords from {@code application-demo.yaml}; a password is only set for a user that
 *       has none. Stored as BCrypt ({@code BcryptPasswordEncryptor}).</li>
 *   <li>Tenants: every instance of a shared SOP belongs to the kecamatan of the user who starts it
 *       ({@code KecamatanTenantIdProvider}); system starts name it in the {@code kecamatan} variable.
 *       Decisions: a <b>Bappeda</b> user belongs to no kecamatan itself, but the {@code bappeda} group belongs
 *       to every kecamatan tenant, so Bappeda reads instances and history of all kecamatan and works the
 *       steps addressed to Bappeda (Renstra step 13), and cannot start SOPs. An <b>admin</b> is a member of
 *       {@code camunda-admin}: no tenant needed, sees everything, and names the kecamatan when starting.</li>
 *   <li>Access rules as Camunda group authorizations ({@code AccessRules}), created at start-up.</li>
 *   <li>Login and HTTP security ({@code SecurityConfiguration}): form login in Bahasa Indonesia, session
 *       with CSRF, HTTP Basic for REST, failed logins throttled per client address and per user id
 *       ({@code LoginAttempts}, counted in the database that every node shares), sessions in the database
 *       (Spring Session JDBC), single sign-on into the Camunda web apps, every {@code /engine-rest}
 *       and {@code /api} request run as the user in the engine. Repeated requests are cheap: a password BCrypt accepted
 *       is kept a few minutes as a keyed hash ({@code VerifiedCredentials}), a user's groups and kecamatan are read
 *       once, not per request ({@code Memberships}).</li>
 *   <li>Account rules inside the engine ({@code OrganisationIdentityService}): every new password follows
 *       {@code PasswordRules} (Camunda's password policy), only the admin changes a user's name, office or
 *       email or deletes a user, and a password check takes as long for unknown users.</li>
 *   <li>Audit view: {@code GET /api/instances/{id}/audit}; current user: {@code GET /api/saya}.</li>
 * </ul>
 */
package id.sopflow.organisation;
