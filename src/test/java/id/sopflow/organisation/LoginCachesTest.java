package id.sopflow.organisation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * What a logged-in client's repeated requests cost: a password BCrypt accepted is not compared again for a few
 * minutes ({@link VerifiedCredentials}), and a user's groups and kecamatan are read once, not per request
 * ({@link Memberships}). Counted on a real engine (BCrypt comparisons by a counting password encryptor, identity
 * queries by a spy), never timed; the clock is moved by hand. One engine for all the tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginCachesTest {

    private static final String STAFF = "Staf-Uji-Rahasia-1";
    private static final String USER = "camat.ajibarang";
    private static final String OFFICE = "198.51.100.20";

    /** BCrypt at cost 4, counting its comparisons. */
    static final class CountingEncryptor implements PasswordEncryptor {
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

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T01:00:00Z"));
    private final CountingEncryptor encryptor = new CountingEncryptor();
    private final VerifiedCredentials credentials = new VerifiedCredentials(Duration.ofMinutes(5), clock);
    private final Memberships memberships = new Memberships(Duration.ofMinutes(5), clock);
    private ProcessEngine engine;
    private OrganisationIdentityService identity;
    private EnginePasswordAuthenticationProvider provider;

    @BeforeAll
    void start() {
        Organisation organisation = Organisation.read(Path.of("config/organisasi.yaml"));
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("caches-" + UUID.randomUUID());
        configuration.setJdbcUrl("jdbc:h2:mem:caches-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setAuthorizationEnabled(true);
        new OrganisationPlugin(organisation, new OrganisationProperties(Path.of("config/organisasi.yaml"), "Admin-Uji-Rahasia-1",
                STAFF, false, null, 4, Duration.ofMinutes(5), null), () -> List.of("dpa"), memberships, credentials).preInit(configuration);
        configuration.setPasswordEncryptor(encryptor);
        engine = configuration.buildProcessEngine();
        identity = (OrganisationIdentityService) engine.getIdentityService();
        new IdentitySync(engine).apply(organisation, new IdentitySync.InitialPasswords("Admin-Uji-Rahasia-1", STAFF), List.of("dpa"));
    }

    @BeforeEach
    void nothingRemembered() {
        credentials.forgetAll();
        memberships.forgetAll();
        provider = node(credentials, memberships);
    }

    /** The tests share one engine: the user keeps their password. */
    @AfterEach
    void restore() {
        SecurityContextHolder.clearContext();
        identity.clearAuthentication();
        changePassword(STAFF);
    }

    @AfterAll
    void close() {
        engine.close();
    }

    /** The login of a node with these caches, its counters in a database of its own. */
    private EnginePasswordAuthenticationProvider node(VerifiedCredentials nodeCredentials, Memberships nodeMemberships) {
        LoginAttempts attempts = new LoginAttempts(LoginAttempts.Settings.DEFAULTS, clock,
                new JdbcLoginCounters(LoginCountersDatabase.create(), LoginAttempts.Settings.DEFAULTS));
        return new EnginePasswordAuthenticationProvider(identity, attempts, nodeCredentials, nodeMemberships);
    }

    /** One request with HTTP Basic from {@code address}; the BCrypt comparisons it cost. */
    private int comparisons(EnginePasswordAuthenticationProvider login, String address, String password) {
        int before = encryptor.checks.get();
        UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(USER, password);
        request.setDetails(new WebAuthenticationDetails(address, null));
        var result = login.authenticate(request);
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(result.getAuthorities()).extracting(Object::toString).containsExactly("camat");
        return encryptor.checks.get() - before;
    }

    private int comparisons(String password) {
        return comparisons(provider, OFFICE, password);
    }

    private void refused(EnginePasswordAuthenticationProvider login, String password) {
        int before = encryptor.checks.get();
        assertThatThrownBy(() -> comparisons(login, OFFICE, password)).isInstanceOf(BadCredentialsException.class);
        assertThat(encryptor.checks.get() - before).as("checked by BCrypt, not by the cache").isEqualTo(1);
    }

    private void changePassword(String password) {
        User user = identity.createUserQuery().userId(USER).singleResult();
        user.setPassword(password);
        identity.saveUser(user);
    }

    @Test
    void aSecondRequestWithTheSameCredentialsRunsNoBcrypt() {
        assertThat(comparisons(STAFF)).isEqualTo(1);
        assertThat(comparisons(STAFF)).isZero();
        assertThat(comparisons(STAFF)).isZero();
        assertThat(comparisons(provider, "192.0.2.44", STAFF)).as("from another address: checked again").isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsNeverAcceptedFromTheCacheAndForgetsTheRightOne() {
        assertThat(comparisons(STAFF)).isEqualTo(1);

        refused(provider, STAFF + "x");
        assertThatThrownBy(() -> comparisons("")).isInstanceOf(BadCredentialsException.class);

        assertThat(comparisons(STAFF)).as("after a failure the right password goes through BCrypt again").isEqualTo(1);
    }

    @Test
    void afterAPasswordChangeTheOldPasswordIsRefusedAtOnce() {
        assertThat(comparisons(STAFF)).isEqualTo(1);

        changePassword("Kuda-Lumping-Berlari-7");

        refused(provider, STAFF);
        assertThat(comparisons("Kuda-Lumping-Berlari-7")).isEqualTo(1);
    }

    @Test
    void aPasswordChangedThroughAnotherNodeEndsTheEntryHereToo() {
        // this node's caches are not the ones the engine's identity service empties: as if the change came through another node
        EnginePasswordAuthenticationProvider otherNode = node(new VerifiedCredentials(Duration.ofMinutes(5), clock),
                new Memberships(Duration.ofMinutes(5), clock));
        assertThat(comparisons(otherNode, OFFICE, STAFF)).isEqualTo(1);
        assertThat(comparisons(otherNode, OFFICE, STAFF)).isZero();

        changePassword("Kuda-Lumping-Berlari-7");

        refused(otherNode, STAFF);
    }

    @Test
    void anEntryLastsFiveMinutes() {
        assertThat(comparisons(STAFF)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(comparisons(STAFF)).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(comparisons(STAFF)).isEqualTo(1);
    }

    @Test
    void requestsOfOneSessionReadTheGroupsAndKecamatanOnceUntilAMembershipChanges() throws Exception {
        IdentityService spy = Mockito.spy(identity);
        SecurityConfiguration.EngineAuthenticationFilter filter = new SecurityConfiguration.EngineAuthenticationFilter(spy, memberships,
                AnyRequestMatcher.INSTANCE);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(USER, null, List.of()));
        MockHttpSession session = new MockHttpSession();

        Authentication first = request(filter, spy, session);
        Authentication second = request(filter, spy, session);

        verify(spy, times(1)).createGroupQuery();
        verify(spy, times(1)).createTenantQuery();
        assertThat(first.getGroupIds()).containsExactly("camat");
        assertThat(first.getTenantIds()).containsExactly("ajibarang");
        assertThat(second.getGroupIds()).isEqualTo(first.getGroupIds());
        assertThat(second.getTenantIds()).isEqualTo(first.getTenantIds());

        identity.createTenantUserMembership("arut-selatan", USER);
        Authentication afterChange = request(filter, spy, session);

        verify(spy, times(2)).createTenantQuery();
        assertThat(afterChange.getTenantIds()).containsExactlyInAnyOrder("ajibarang", "arut-selatan");
        identity.deleteTenantUserMembership("arut-selatan", USER);
        assertThat(request(filter, spy, session).getTenantIds()).as("and back").containsExactly("ajibarang");
    }

    /** One request through the filter; the engine's authentication while it ran. */
    private static Authentication request(SecurityConfiguration.EngineAuthenticationFilter filter, IdentityService identity,
                                          MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/saya");
        request.setSession(session);
        AtomicReference<Authentication> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(identity.getCurrentAuthentication()));
        assertThat(identity.getCurrentAuthentication()).as("cleared after the request").isNull();
        return seen.get();
    }
}
