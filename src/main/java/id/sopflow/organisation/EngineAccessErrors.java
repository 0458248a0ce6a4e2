package id.sopflow.organisation;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * The engine refusing an action of SOPflow's own API ({@code /api}) for lack of rights or for another
 * kecamatan's data is a 403 with {@code {"pesan": "..."}}, never a 500.
 */
@RestControllerAdvice(basePackages = "id.sopflow")
class EngineAccessErrors {

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, String>> forbidden(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("pesan", "Tidak berwenang untuk tindakan ini."));
    }
}
