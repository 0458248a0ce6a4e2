package id.sopflow.organisation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
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

import java.util.List;

/**
 * Spring Security login (form and HTTP Basic) against Camunda's users. Each attempt first asks
 * {@link LoginAttempts} whether it may be checked at all, by its source (the client address, from the
 * {@link WebAuthenticationDetails} that both the form and HTTP Basic fill in) and its user id; a refused
 * attempt fails with {@link LockedException} (HTTP Basic: 401; the form: {@code /login?terkunci}, where the
 * page says how long to wait) without its password being checked. Then the engine checks the password
 * (BCrypt; as long for an unknown user as for a known one, see {@link OrganisationIdentityService}). The
 * authorities are the user's Camunda groups. User ids reach the log only through {@link LogSafe}.
 */
final class EnginePasswordAuthenticationProvider implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(EnginePasswordAuthenticationProvider.class);

    private final IdentityService identity;
    private final LoginAttempts attempts;

    EnginePasswordAuthenticationProvider(IdentityService identity, LoginAttempts attempts) {
        this.identity = identity;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName() == null ? "" : authentication.getName().strip();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        String source = authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : LoginAttempts.UNKNOWN_SOURCE;
        LoginAttempts.Decision decision = attempts.attempt(source, userId);
        if (!decision.admitted()) {
            throw new LockedException(LoginAttempts.waitMessage(decision.refusedFor()));
        }
        if (userId.isEmpty() || password.isEmpty() || !identity.checkPassword(userId, password)) {
            if (!decision.delayIfWrong().isZero()) {
                LOG.warn("Percobaan masuk gagal berulang untuk pengguna '{}' dari {}: percobaan berikutnya ditunda {} detik",
                        LogSafe.name(userId), LogSafe.name(source), decision.delayIfWrong().toSeconds());
            }
            throw new BadCredentialsException("Nama pengguna atau kata sandi salah.");
        }
        attempts.succeeded(source, userId);
        List<GrantedAuthority> authorities = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
