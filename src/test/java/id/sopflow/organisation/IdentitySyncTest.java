package id.sopflow.organisation;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The identity sync against a real engine (H2 in memory), without Spring. */
class IdentitySyncTest {

    private static final IdentitySync.InitialPasswords PASSWORDS =
            new IdentitySync.InitialPasswords("Admin-Uji-Rahasia-1", "Staf-Uji-Rahasia-1");
    private static final java.util.List<String> KEYS = java.util.List.of("dpa", "renja");

    private final String database = "jdbc:h2:mem:sync-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final Organisation organisation = Organisation.read(Path.of("config/organisasi.yaml"));
    private ProcessEngine engine;

    /** An engine as the application builds it (plugin settings, authorization on) on the test's database. */
    private ProcessEngine start() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("sync-" + UUID.randomUUID());
        configuration.setJdbcUrl(database);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setAuthorizationEnabled(true);
        new OrganisationPlugin(organisation, new OrganisationProperties(Path.of("config/organisasi.yaml"), "Admin-Uji-Rahasia-1",
                "Staf-Uji-Rahasia-1", false, null, 4, Duration.ofMinutes(5), null),
                () -> KEYS, new Memberships(Duration.ZERO, Clock.systemUTC()), new VerifiedCredentials(Duration.ZERO, Clock.systemUTC()))
                .preInit(configuration);
        engine = configuration.buildProcessEngine();
        return engine;
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void loadsKecamatanRolesUsersAndMemberships() {
        ProcessEngine engine = start();
        IdentitySync.Counts counts = new IdentitySync(engine).apply(organisation, PASSWORDS, KEYS);

        var identity = engine.getIdentityService();
        // every kecamatan of the file (the seed kecamatan: arut-selatan, ajibarang, baturraden, kecamatan-004, ...) and Bappeda
        assertThat(identity.createTenantQuery().list()).extracting(Tenant::getId)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                        organisation.kecamatan().stream().map(Organisation.Kecamatan::id), java.util.stream.Stream.of("bappeda")).toList())
                .contains("arut-selatan", "ajibarang", "wangon", "baturraden", "kecamatan-004", "bappeda");
        assertThat(identity.createGroupQuery().list()).extracting(Group::getId).containsExactlyInAnyOrder(
                "camat", "sekcam", "kasubbag", "pelaksana", "tim", "pengadministrasi", "bappeda", "kepala-bappeda", "admin", "camunda-admin");
        // six demo users per kecamatan, Bappeda's two and the admin
        assertThat(counts.users()).isEqualTo(organisation.members().size()).isEqualTo(6 * organisation.kecamatan().size() + 3);
        assertThat(identity.createGroupQuery().groupMember("pelaksana.ajibarang").list()).extracting(Group::getId).containsExactly("pelaksana");
        assertThat(identity.createTenantQuery().userMember("pelaksana.ajibarang").list()).extracting(Tenant::getId).containsExactly("ajibarang");
        assertThat(identity.createGroupQuery().groupMember("admin").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder("admin", "camunda-admin");
        assertThat(identity.createTenantQuery().userMember("admin").list()).as("admin tanpa kecamatan").isEmpty();
        assertThat(identity.createTenantQuery().userMember("staf.bappeda").list()).as("Bappeda sendiri tanpa kecamatan").isEmpty();
        assertThat(identity.createTenantQuery().userMember("staf.bappeda").includingGroupsOfUser(true).list()).extracting(Tenant::getId)
                .as("lewat grup bappeda: hanya tenant Bappeda, tidak satu kecamatan pun").containsExactly("bappeda");
        assertThat(identity.createUserQuery().userId("camat.arut-selatan").singleResult().getLastName()).isEqualTo("Kec. Arut Selatan");
        assertThat(identity.checkPassword("camat.arut-selatan", "Staf-Uji-Rahasia-1")).isTrue();
        assertThat(identity.checkPassword("admin", "Admin-Uji-Rahasia-1")).isTrue();
        assertThat(identity.checkPassword("admin", "Staf-Uji-Rahasia-1")).isFalse();
        Authorization tasklist = engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("pelaksana")
                .resourceType(Resources.APPLICATION).resourceId("tasklist").singleResult();
        assertThat(tasklist.isPermissionGranted(Permissions.ACCESS)).isTrue();
    }

    @Test
    void loadingTwiceAndRestartingOnTheSameDatabaseChangesNothing() {
        ProcessEngine first = start();
        IdentitySync.Counts once = new IdentitySync(first).apply(organisation, PASSWORDS, KEYS);
        IdentitySync.Counts twice = new IdentitySync(first).apply(organisation, PASSWORDS, KEYS);
        long authorizations = first.getAuthorizationService().createAuthorizationQuery().count();
        first.close();

        ProcessEngine restarted = start();
        IdentitySync.Counts afterRestart = new IdentitySync(restarted).apply(organisation, PASSWORDS, KEYS);

        assertThat(twice).isEqualTo(once);
        assertThat(afterRestart).isEqualTo(once);
        assertThat(restarted.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(authorizations);
        int kecamatan = organisation.kecamatan().size();
        assertThat(once.tenantMemberships()).as("6 pegawai per kecamatan + grup bappeda di tenant Bappeda").isEqualTo(6 * kecamatan + 1);
        assertThat(once.memberships()).as("6 peran per kecamatan, Bappeda 3 (kepala.bappeda dua), admin 1, + admin juga di camunda-admin")
                .isEqualTo(6 * kecamatan + 5);
    }

    @Test
    void passwordsAreStoredAsBcryptAndNotResetOnRestart() {
        ProcessEngine engine = start();
        new IdentitySync(engine).apply(organisation, PASSWORDS, KEYS);
        var user = engine.getIdentityService().createUserQuery().userId("tim.ajibarang").singleResult();
        user.setPassword("Diganti-Sendiri-2026");
        engine.getIdentityService().saveUser(user);

        new IdentitySync(engine).apply(organisation, PASSWORDS, KEYS);

        assertThat(engine.getIdentityService().checkPassword("tim.ajibarang", "Diganti-Sendiri-2026")).isTrue();
        assertThat(engine.getIdentityService().checkPassword("tim.ajibarang", "Staf-Uji-Rahasia-1")).isFalse();
        String stored = ((org.camunda.bpm.engine.impl.persistence.entity.UserEntity)
                engine.getIdentityService().createUserQuery().userId("tim.ajibarang").singleResult()).getPassword();
        assertThat(stored).startsWith("{BCRYPT}$2a$04$");
    }

    @Test
    void theDemoPasswordIsStillGivenAsInitialPasswordAlthoughNobodyMayChooseItLater() {
        ProcessEngine engine = start();
        new IdentitySync(engine).apply(organisation, new IdentitySync.InitialPasswords("demo-sopflow", "demo-sopflow"), KEYS);
        var identity = engine.getIdentityService();

        assertThat(identity.checkPassword("tim.ajibarang", "demo-sopflow")).as("sudah diterima PasswordRules di profil demo").isTrue();
        var user = identity.createUserQuery().userId("tim.ajibarang").singleResult();
        user.setPassword("demo-sopflow");
        assertThatThrownBy(() -> identity.saveUser(user)).isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class);
    }

    @Test
    void theFileIsTheTruthForMovedAndRemovedUsersAndForeignGroupTenants() {
        ProcessEngine engine = start();
        var identity = engine.getIdentityService();
        new IdentitySync(engine).apply(organisation, PASSWORDS, KEYS);
        identity.saveUser(identity.newUser("mantan.pegawai"));
        identity.createMembership("mantan.pegawai", "sekcam");
        identity.createTenantUserMembership("ajibarang", "mantan.pegawai");
        identity.createTenantGroupMembership("arut-selatan", "pelaksana");
        String moved = VALID_MOVED;

        new IdentitySync(engine).apply(new OrganisationReader().read(new StringReader(moved), "organisasi.yaml"), PASSWORDS, KEYS);

        assertThat(identity.createGroupQuery().groupMember("mantan.pegawai").list()).isEmpty();
        assertThat(identity.createTenantQuery().userMember("mantan.pegawai").list()).isEmpty();
        assertThat(identity.createUserQuery().userId("mantan.pegawai").count()).as("akun tetap ada").isEqualTo(1);
        assertThat(identity.createTenantQuery().groupMember("pelaksana").list()).as("hanya grup bappeda anggota kecamatan").isEmpty();
        assertThat(identity.createGroupQuery().groupMember("pelaksana.ajibarang").list()).extracting(Group::getId).containsExactly("kasubbag");
        assertThat(identity.createTenantQuery().userMember("pelaksana.ajibarang").list()).extracting(Tenant::getId).containsExactly("arut-selatan");
    }

    /** The shipped kecamatan and roles; pelaksana.ajibarang has become kasubbag in Arut Selatan. */
    private static final String VALID_MOVED = """
            kabupaten: {nama: Kabupaten Demo SOPflow}
            kecamatan:
              - {id: arut-selatan, nama: Arut Selatan, zona: WIB}
              - {id: ajibarang, nama: Ajibarang, zona: WIB}
            bappeda: {nama: Bappeda}
            peran:
              - {id: camat, nama: Camat}
              - {id: sekcam, nama: Sekcam}
              - {id: kasubbag, nama: Kasubbag}
              - {id: pelaksana, nama: Pelaksana}
              - {id: tim, nama: Tim}
              - {id: pengadministrasi, nama: Pengadministrasi}
              - {id: bappeda, nama: Bappeda}
              - {id: admin, nama: Admin}
            pengguna:
              - {id: pelaksana.ajibarang, nama: Dipindah, peran: [kasubbag], kantor: arut-selatan}
              - {id: admin, nama: Admin, peran: [admin], kantor: bappeda}
            """;
}
