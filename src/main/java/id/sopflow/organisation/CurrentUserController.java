package id.sopflow.organisation;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/saya}: the logged-in user, their roles and kecamatan, and the CSRF token a browser page
 * sends in the {@code X-CSRF-TOKEN} header with session requests that change something.
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
        List<String> groups = identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList();
        body.put("peran", groups);
        body.put("kecamatan", identity.createTenantQuery().userMember(id).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList());
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            body.put("csrf", Map.of("header", csrf.getHeaderName(), "token", csrf.getToken()));
        }
        return body;
    }
}
