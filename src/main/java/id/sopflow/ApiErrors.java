package id.sopflow;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.util.Map;
import java.util.NoSuchElementException;

/** Errors of SOPflow's own API ({@code /api}) as JSON {@code {"pesan": "..."}} with a 4xx status, never a 500. */
@RestControllerAdvice(basePackages = "id.sopflow")
class ApiErrors {

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class, BadUserRequestException.class,
            FormFieldValidationException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("pesan", message(e)));
    }

    /** Two requests changed the same thing at once: the engine kept the first. */
    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<Map<String, String>> conflict(OptimisticLockingException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("pesan",
                "Data ini baru saja diubah oleh permintaan lain; muat ulang, lalu coba lagi bila masih perlu."));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("pesan", message(e)));
    }

    private static String message(Exception e) {
        if (e instanceof HttpMessageNotReadableException) {
            return "isi permintaan bukan JSON yang valid";
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return "parameter '" + m.getName() + "' tidak valid: " + m.getValue();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
