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

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Spring Security login (form and HTTP Basic) against Camunda's users: the password is checked by the
 * engine (BCrypt hashes), after the lock-out check; the authorities are the user's Camunda groups.
 */
final class EnginePasswordAuthenticationProvider implements AuthenticationProvider {

    private static final Logger LOG = LoggerFactory.getLogger(EnginePasswordAuthenticationProvider.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Jakarta"));

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
        Optional<Instant> locked = attempts.lockedUntil(userId);
        if (locked.isPresent()) {
            throw new LockedException("Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal; coba lagi setelah pukul "
                    + TIME.format(locked.get()) + " WIB.");
        }
        if (userId.isEmpty() || password.isEmpty() || !identity.checkPassword(userId, password)) {
            attempts.failed(userId).ifPresent(until -> LOG.warn("Pengguna '{}' dikunci sampai {} setelah {} kali salah kata sandi",
                    userId, until, attempts.maxFailures()));
            throw new BadCredentialsException("Nama pengguna atau kata sandi salah.");
        }
        attempts.succeeded(userId);
        List<GrantedAuthority> authorities = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
