package id.sopflow.organisation;

import id.sopflow.engine.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/saya}: the logged-in user, their roles and kecamatan, and the CSRF token a browser page
 * sends in the {@code X-CSRF-TOKEN} header with session requests that change something (only to a caller with a session:
 * a REST client with HTTP Basic needs none, and gets no session).
 */
@RestController
class CurrentUserController {

    private final IdentityService identity;

    CurrentUserController(IdentityService identity) {
        this.identity = identity;
    }

    @GetMapping("/api/saya")
    Map<String, Object> me(Principal principal, HttpServletRequest request) {
        String id = principal.getName();
        User user = identity.createUserQuery().userId(id).singleResult();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("nama", user == null ? id : user.getFirstName());
        body.put("kantor", user == null ? null : user.getLastName());
        // the groups and kecamatan the security filter gave the engine for this request (no query of their own)
        Caller caller = Caller.of(identity).orElseThrow();
        body.put("peran", caller.groups());
        body.put("kecamatan", caller.tenants());
        // only for a session (a browser): reading the token of a plain REST client would store it in a new session
        CsrfToken csrf = request.getSession(false) == null ? null : (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            body.put("csrf", Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()));
        }
        return body;
    }
}
