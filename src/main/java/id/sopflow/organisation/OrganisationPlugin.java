package id.sopflow.organisation;

import id.sopflow.engine.StartupStep;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Configures the engine for SOPflow's organisation and loads the organisation into it. The organisation
 * file and the passwords are checked when this bean is created, before the engine touches the database,
 * so a broken file or a default admin password stops start-up with nothing stored.
 *
 * <p>Engine settings: BCrypt password hashes (old SHA-512/SHA-1 hashes still verify), tenant of every
 * instance from {@link KecamatanTenantIdProvider}, candidate groups get {@code TASK_WORK} (not {@code UPDATE})
 * on their tasks, tenant violations answer 403, ids with '.' and '-', and no engine-side login delay or
 * permanent lock (lock-out is {@link LoginAttempts}, in front of every password check).
 */
@Component
class OrganisationPlugin extends AbstractProcessEnginePlugin implements StartupStep {

    static final String ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9.-]*|camunda-admin";

    private final Organisation organisation;
    private final OrganisationProperties properties;
    private final ProcessKeys processKeys;
    private final Memberships memberships;
    private final VerifiedCredentials credentials;

    OrganisationPlugin(Organisation organisation, OrganisationProperties properties, ProcessKeys processKeys, Memberships memberships,
                       VerifiedCredentials credentials) {
        PasswordRules.checkAdminPassword("sopflow.organisasi.admin-password", properties.adminPassword(), properties.demo());
        PasswordRules.checkStaffPassword("sopflow.organisasi.staff-password", properties.staffPassword(), properties.demo());
        this.organisation = organisation;
        this.properties = properties;
        this.processKeys = processKeys;
        this.memberships = memberships;
        this.credentials = credentials;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new BcryptPasswordEncryptor(properties.bcryptStrength()));
        // Camunda's PasswordManager always keeps verifying its own {SHA-512} and {SHA} hashes (older users).
        configuration.setTenantIdProvider(new KecamatanTenantIdProvider());
        configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
        configuration.setCommandCheckers(new ArrayList<>(List.of(
                TenantCheckAsAuthorization.wrap(new TenantCommandChecker()), new AuthorizationCommandChecker())));
        configuration.setUserResourceWhitelistPattern(ID_PATTERN);
        configuration.setGroupResourceWhitelistPattern(ID_PATTERN);
        configuration.setTenantResourceWhitelistPattern(ID_PATTERN);
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayFactor(1);
        configuration.setLoginDelayMaxTime(0);
        // no expression of a stored filter or an ad-hoc query is evaluated (they would run code on the server)
        configuration.setEnableExpressionsInStoredQueries(false);
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setJavaSerializationFormatEnabled(false);
        // accounts: new passwords follow PasswordRules, name/office/email and deletion are the admin's, and a password
        // check takes as long for an unknown user; a change of a user or a membership empties the caches (OrganisationIdentityService)
        configuration.setIdentityService(new OrganisationIdentityService(memberships, credentials));
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new EnginePasswordPolicy());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!configuration.isAuthorizationEnabled()) {
            throw new IllegalStateException("Otorisasi Camunda harus aktif (camunda.bpm.authorization.enabled: true); "
                    + "tanpa itu setiap pengguna REST melihat semua kecamatan.");
        }
    }

    /** Start-up step 1: the organisation file into Camunda's identity service and authorizations. */
    @Override
    public int order() {
        return StartupStep.ORGANISATION;
    }

    @Override
    public String name() {
        return "organisasi";
    }

    @Override
    public String run(ProcessEngine processEngine) {
        IdentitySync.Counts counts = new IdentitySync(processEngine).apply(organisation,
                new IdentitySync.InitialPasswords(properties.adminPassword(), properties.staffPassword()),
                processKeys.processKeys());
        memberships.forgetAll();
        credentials.forgetAll();
        return organisation.kecamatan().size() + " kecamatan, " + organisation.members().size() + " pengguna, "
                + counts.authorizations() + " otorisasi diselaraskan dari " + properties.file();
    }

    /**
     * Camunda password hashing with BCrypt instead of the default salted SHA-512. Camunda passes the
     * password joined with its own per-user salt; BCrypt reads at most 72 bytes, so that input is first
     * condensed with SHA-256 (44 Base64 characters), and BCrypt adds its own salt and cost. Stored as
     * {@code {BCRYPT}$2a$...}; older {@code {SHA-512}} hashes are still accepted (see {@code OrganisationPlugin}).
     */
    static final class BcryptPasswordEncryptor implements PasswordEncryptor {

        static final String ALGORITHM = "BCRYPT";
        private final BCryptPasswordEncoder bcrypt;

        BcryptPasswordEncryptor(int strength) {
            this.bcrypt = new BCryptPasswordEncoder(strength);
        }

        @Override
        public String encrypt(String password) {
            return bcrypt.encode(condense(password));
        }

        @Override
        public boolean check(String password, String encrypted) {
            return encrypted != null && bcrypt.matches(condense(password), encrypted);
        }

        @Override
        public String hashAlgorithmName() {
            return ALGORITHM;
        }

        private static String condense(String password) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 tidak tersedia", e);
            }
        }
    }
}
