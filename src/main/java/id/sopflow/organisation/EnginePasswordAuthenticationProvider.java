package id.sopflow.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * Spring Security login (form and HTTP Basic) against Camunda's users. Each attempt first asks
 * {@link LoginAttempts} whether it may be checked at all, by its source (the client address, from the
 * {@link WebAuthenticationDetails} that both the form and HTTP Basic fill in) and its user id; a refused
 * attempt fails with {@link LockedException} (HTTP Basic: 401; the form: {@code /login?terkunci}, where the
 * page says how long to wait) without its password being checked. Then the engine checks the password
 * (BCrypt; as long for an unknown user as for a known one, see {@link OrganisationIdentityService}). The
 * authorities are the user's Camunda groups ({@link Memberships}). User ids reach the log only through {@link LogSafe}.
 *
 * <p>A password BCrypt accepted a moment ago from the same client address is taken from {@link VerifiedCredentials}
 * without BCrypt and without counting an attempt: HTTP Basic sends it with every request. The stored hash is read
 * before the check, so a password changed while it runs is not remembered; a wrong password forgets the user's
 * remembered ones, so that the next attempts go through the throttling again.
 */
final class EnginePasswordAuthenticationProvider implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(EnginePasswordAuthenticationProvider.class);

    /** How long a first verification waits for the earlier ones of its source before it is refused ("coba lagi"). */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(20);

    /** Lock stripes by source: bounded whatever addresses clients come from; fair, so that no request waits forever. */
    private static final ReentrantLock[] VERIFYING = IntStream.range(0, 256).mapToObj(i -> new ReentrantLock(true))
            .toArray(ReentrantLock[]::new);

    private final OrganisationIdentityService identity;
    private final LoginAttempts attempts;
    private final VerifiedCredentials credentials;
    private final Memberships memberships;

    EnginePasswordAuthenticationProvider(OrganisationIdentityService identity, LoginAttempts attempts, VerifiedCredentials credentials,
                                         Memberships memberships) {
        this.identity = identity;
        this.attempts = attempts;
        this.credentials = credentials;
        this.memberships = memberships;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName() == null ? "" : authentication.getName().strip();
        Object given = authentication.getCredentials();
        String password = given == null ? "" : given.toString();
        String source = authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : LoginAttempts.UNKNOWN_SOURCE;
        String storedHash = identity.storedPassword(userId);
        if (!password.isEmpty() && credentials.verified(userId, source, password, storedHash)) {
            return authenticated(userId);
        }
        // first verifications from one source (client address) run one after the other on this node, and each re-reads the
        // cache once it may start: LoginAttempts counts an attempt as failed until it is known to be right, so that a
        // burst of guesses cannot all pass during the free failures; without this, thirty users of one office sending
        // their first requests at the same moment would be that burst (seen as an intermittent 401 under load). So at
        // most one attempt per source and node is pending: fewer than the free failures on any cluster of fewer nodes.
        ReentrantLock turn = VERIFYING[Math.floorMod(LoginAttempts.sourceKey(source).hashCode(), VERIFYING.length)];
        boolean mine = false;
        try {
            mine = turn.tryLock(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!mine) {
            throw new LockedException(LoginAttempts.waitMessage(Duration.ZERO)); // this address sends more than can be checked
        }
        try {
            if (!password.isEmpty() && credentials.verified(userId, source, password, storedHash)) {
                return authenticated(userId);
            }
            return verify(userId, password, source, storedHash);
        } finally {
            turn.unlock();
        }
    }

    private Authentication verify(String userId, String password, String source, String storedHash) {
        LoginAttempts.Decision decision = attempts.attempt(source, userId);
        if (!decision.admitted()) {
            throw new LockedException(LoginAttempts.waitMessage(decision.refusedFor()));
        }
        if (userId.isEmpty() || password.isEmpty() || !identity.checkPassword(userId, password)) {
            credentials.forget(userId);
            if (!decision.delayIfWrong().isZero()) {
                LOG.warn("Percobaan masuk gagal berulang untuk pengguna '{}' dari {}: percobaan berikutnya ditunda {} detik",
                        LogSafe.name(userId), LogSafe.name(source), decision.delayIfWrong().toSeconds());
            }
            throw new BadCredentialsException("Nama pengguna atau kata sandi salah.");
        }
        attempts.succeeded(source, userId);
        credentials.remember(userId, source, password, storedHash);
        return authenticated(userId);
    }

    private Authentication authenticated(String userId) {
        List<GrantedAuthority> authorities = memberships.of(userId, identity).groups().stream()
                .<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
