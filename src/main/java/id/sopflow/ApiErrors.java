package id.sopflow;

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
            MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("pesan", message(e)));
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
