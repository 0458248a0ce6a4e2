package id.sopflow.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * The 403 of an {@code /api} request that the security chain refuses before any controller runs (a request only
 * the admin may make, a browser request without its CSRF token), as the same problem detail as {@link ApiErrors}
 * answers. Used by {@code organisation.SecurityConfiguration} for {@code /api/**}.
 */
@Component
class ApiAccessDenied implements AccessDeniedHandler {

    private final ObjectMapper json;

    ApiAccessDenied(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused) throws IOException {
        String detail = refused instanceof CsrfException
                ? "Token CSRF tidak ada atau tidak cocok: ambil dari GET /api/saya, lalu kirim di header X-CSRF-TOKEN."
                : ApiErrors.FORBIDDEN;
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiErrors.problem(HttpStatus.FORBIDDEN, detail, request)); // UTF-8
    }
}
