package id.sopflow.organisation;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account rules inside the engine, through the Java API (the REST side is in {@code AccountChangesIT}); no Spring. */
class OrganisationIdentityServiceTest {

    private static final String STAFF = "Staf-Uji-Rahasia-1";
    private static final String USER = "pelaksana.ajibarang";

    /** The application's BCrypt encryptor, counting its hash comparisons. */
    private static final class CountingEncryptor implements PasswordEncryptor {
        private final PasswordEncryptor bcrypt = new OrganisationPlugin.BcryptPasswordEncryptor(4);
        private final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encrypt(String password) {
            return bcrypt.encrypt(password);
        }

        @Override
        public boolean check(String password, String encrypted) {
            checks.incrementAndGet();
            return bcrypt.check(password, encrypted);
        }

        @Override
        public String hashAlgorithmName() {
            return bcrypt.hashAlgorithmName();
        }
    }

    private final CountingEncryptor encryptor = new CountingEncryptor();
    private ProcessEngine engine;
    private IdentityService identity;

    @BeforeEach
    void start() {
        Organisation organisation = Organisation.read(Path.of("config/organisasi.yaml"));
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("accounts-" + UUID.randomUUID());
        configuration.setJdbcUrl("jdbc:h2:mem:accounts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setAuthorizationEnabled(true);
        new OrganisationPlugin(organisation, new OrganisationProperties(Path.of("config/organisasi.yaml"), "Admin-Uji-Rahasia-1",
                STAFF, false, null, 4, Duration.ofMinutes(5), null), () -> List.of("dpa"), new Memberships(Duration.ZERO, Clock.systemUTC()),
                new VerifiedCredentials(Duration.ZERO, Clock.systemUTC())).preInit(configuration);
        configuration.setPasswordEncryptor(encryptor);
        engine = configuration.buildProcessEngine();
        identity = engine.getIdentityService();
        new IdentitySync(engine).apply(organisation, new IdentitySync.InitialPasswords("Admin-Uji-Rahasia-1", STAFF), List.of("dpa"));
    }

    @AfterEach
    void close() {
        identity.clearAuthentication();
        engine.close();
    }

    private int hashComparisons(String userId, String password) {
        int before = encryptor.checks.get();
        identity.checkPassword(userId, password);
        return encryptor.checks.get() - before;
    }

    private void logInAs(String userId, String... groups) {
        identity.setAuthentication(userId, List.of(groups));
    }

    private User stored(String userId) {
        return identity.createUserQuery().userId(userId).singleResult();
    }

    @Test
    void anUnknownUserCostsTheSameHashComparisonAsAKnownOne() {
        User withoutPassword = identity.newUser("tanpa.sandi");
        identity.saveUser(withoutPassword);

        assertThat(hashComparisons(USER, "salah-sandi-sekali")).as("pengguna ada, sandi salah").isEqualTo(1);
        assertThat(hashComparisons(USER, STAFF)).as("pengguna ada, sandi benar").isEqualTo(1);
        assertThat(hashComparisons("tidak.ada", "salah-sandi-sekali")).as("pengguna tidak ada").isEqualTo(1);
        assertThat(hashComparisons("tanpa.sandi", "salah-sandi-sekali")).as("pengguna tanpa kata sandi").isEqualTo(1);
        assertThat(identity.checkPassword("tidak.ada", "salah-sandi-sekali")).isFalse();
        assertThat(identity.checkPassword("tanpa.sandi", "")).isFalse();
        assertThat(identity.checkPassword(USER, STAFF)).isTrue();
    }

    @Test
    void aWeakPasswordIsRefusedThroughTheJavaApiTooAndTheOldOneStays() {
        for (String weak : new String[] {"a", "demo-sopflow", " ADMIN ", "Sebelas-123"}) {
            User user = stored(USER);
            user.setPassword(weak);

            assertThatThrownBy(() -> identity.saveUser(user)).as(weak)
                    .isInstanceOf(BadUserRequestException.class).hasMessage(PasswordRules.REFUSED);
            assertThat(identity.checkPassword(USER, STAFF)).as(weak).isTrue();
        }
        User user = stored(USER);
        user.setPassword("Kuda-Lumping-Berlari-7");
        identity.saveUser(user);
        assertThat(identity.checkPassword(USER, "Kuda-Lumping-Berlari-7")).isTrue();
    }

    @Test
    void theInitialPasswordsOfTheSyncSkipThePolicy() {
        User created = identity.newUser("demo.baru");
        created.setPassword("demo-sopflow");

        ((IdentityServiceImpl) identity).saveUser(created, true);

        assertThat(identity.checkPassword("demo.baru", "demo-sopflow")).isTrue();
        assertThat(engine.getProcessEngineConfiguration().getPasswordPolicy().getRules())
                .extracting(r -> r.getPlaceholder()).contains("PASSWORD_POLICY_LENGTH");
    }

    @Test
    void aUserMayChangeTheirPasswordButNotTheirNameOfficeOrEmail() {
        logInAs(USER, "pelaksana");

        User renamed = stored(USER);
        renamed.setFirstName("Hacker");
        assertThatThrownBy(() -> identity.saveUser(renamed)).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("berkas organisasi");
        User moved = stored(USER);
        moved.setLastName("bappeda");
        assertThatThrownBy(() -> identity.saveUser(moved)).isInstanceOf(AuthorizationException.class);
        User email = stored(USER);
        email.setEmail("saya@contoh.id");
        assertThatThrownBy(() -> identity.saveUser(email)).isInstanceOf(AuthorizationException.class);
        User sneaky = stored(USER);
        sneaky.setFirstName("Hacker");
        sneaky.setPassword("Kuda-Lumping-Berlari-7");
        assertThatThrownBy(() -> identity.saveUser(sneaky)).as("sandi bersama nama").isInstanceOf(AuthorizationException.class);
        User password = stored(USER);
        password.setPassword("Kuda-Lumping-Berlari-7");
        identity.saveUser(password);

        identity.clearAuthentication();
        assertThat(stored(USER).getFirstName()).isEqualTo("Pelaksana Ajibarang (demo)");
        assertThat(stored(USER).getLastName()).isEqualTo("Kec. Ajibarang");
        assertThat(stored(USER).getEmail()).isNull();
        assertThat(identity.checkPassword(USER, "Kuda-Lumping-Berlari-7")).isTrue();
    }

    @Test
    void onlyTheAdminMayChangeAProfileOrDeleteAUser() {
        logInAs(USER, "pelaksana");
        assertThatThrownBy(() -> identity.deleteUser(USER)).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("Hanya admin yang dapat menghapus pengguna");
        assertThat(stored(USER)).isNotNull();

        logInAs("admin", "admin", "camunda-admin");
        User renamed = stored(USER);
        renamed.setFirstName("Pelaksana Baru");
        identity.saveUser(renamed);
        assertThat(stored(USER).getFirstName()).isEqualTo("Pelaksana Baru");
        identity.deleteUser(USER);
        assertThat(stored(USER)).isNull();
    }
}
