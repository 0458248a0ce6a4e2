package id.sopflow.api;

import id.sopflow.engine.RefusedInput;
import id.sopflow.engine.StepNotReady;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error of {@code /api/**} as an RFC 9457 problem detail (shape in {@code package-info}). The one place
 * that decides the status of an error:
 *
 * <table>
 *   <caption>status by exception (the first one found along the cause chain)</caption>
 *   <tr><td>{@link InvalidInput}, the engine's {@code BadUserRequestException} and
 *       {@code FormFieldValidationException} (a refused input, see {@code organisation.ClientCommandGuard})</td>
 *       <td>400, with their message</td></tr>
 *   <tr><td>Spring's binding errors: a missing or ill-typed parameter, a missing or unreadable JSON body</td>
 *       <td>400, naming the parameter or field</td></tr>
 *   <tr><td>the engine's {@code AuthorizationException} (another role's step, another kecamatan)</td><td>403</td></tr>
 *   <tr><td>{@link NotFound}, the engine's {@code NotFoundException}, an unknown path under {@code /api}</td><td>404</td></tr>
 *   <tr><td>a method the path does not have; a media type the API does not speak</td><td>405; 406 or 415</td></tr>
 *   <tr><td>{@link Forbidden}: the caller may see the thing but not do this to it</td><td>403, with its message</td></tr>
 *   <tr><td>{@link Conflict}; the engine's {@code OptimisticLockingException} (two requests at once) and
 *       {@code StepNotReady} (a step's required document is missing)</td><td>409</td></tr>
 *   <tr><td>{@link UnacceptableFile}; an upload over the multipart limit</td><td>400, 413 or 415, naming what is wrong</td></tr>
 *   <tr><td>anything else</td><td>500, logged with its stack trace under a short reference that the detail
 *       gives the caller; neither the trace nor the exception's message leave the server</td></tr>
 * </table>
 *
 * Global, not limited to SOPflow's controllers, so that it also answers an unknown path under {@code /api};
 * for any other path (pages, actuator, the Camunda web apps) it hands the exception back to Spring's own
 * handling. An {@code IllegalArgumentException} is not a client error here: code that means "the client sent
 * something wrong" says so with {@link InvalidInput}.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    static final String FORBIDDEN = "Tidak berwenang untuk tindakan ini.";

    private final com.fasterxml.jackson.databind.ObjectMapper json;
    /** The largest upload the web server reads (spring.servlet.multipart.max-request-size); 0 when unknown. */
    private final long maxUpload;

    ApiErrors(com.fasterxml.jackson.databind.ObjectMapper json,
              org.springframework.beans.factory.ObjectProvider<org.springframework.boot.autoconfigure.web.servlet.MultipartProperties> multipart) {
        this.json = json;
        var limits = multipart.getIfAvailable();
        this.maxUpload = limits == null || limits.getMaxRequestSize() == null ? 0 : limits.getMaxRequestSize().toBytes();
    }

    static final String CONCURRENT_CHANGE = "Data ini baru saja diubah oleh permintaan lain; muat ulang, lalu coba lagi bila masih perlu.";

    /** Why a problem detail was answered: the status, the detail for people, and headers such as {@code Allow}. */
    record Answer(HttpStatus status, String detail, HttpHeaders headers) {

        Answer(HttpStatus status, String detail) {
            this(status, detail, HttpHeaders.EMPTY);
        }
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> handle(Exception exception, HttpServletRequest request) throws Exception {
        if (!isApi(request)) {
            throw exception; // not ours: Spring's error handling answers as before
        }
        Answer answer = answer(exception);
        if (answer.status() == HttpStatus.PAYLOAD_TOO_LARGE && exception instanceof MaxUploadSizeExceededException && maxUpload > 0) {
            answer = new Answer(answer.status(), tooLarge(maxUpload));
        }
        if (answer.status().is5xxServerError()) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("{} {} gagal (rujukan {})", request.getMethod(), request.getRequestURI(), reference, exception);
            answer = new Answer(answer.status(), "Terjadi kesalahan di server. Coba lagi nanti; bila masih gagal, sampaikan kode rujukan "
                    + reference + " kepada admin.");
        } else {
            LOG.debug("{} {}: {} {}", request.getMethod(), request.getRequestURI(), answer.status().value(), answer.detail());
        }
        ProblemDetail problem = problem(answer.status(), answer.detail(), request);
        if (answer.status() == HttpStatus.PAYLOAD_TOO_LARGE) {
            // the rest of the upload is not read: the server closes the connection after this answer, so it goes out whole,
            // with its length, rather than in chunks whose end the client might never see
            byte[] body = json.writeValueAsBytes(problem);
            return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).contentLength(body.length)
                    .header(HttpHeaders.CONNECTION, "close").body(body);
        }
        return ResponseEntity.status(answer.status()).headers(answer.headers()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The problem detail of an {@code /api} request: {@code about:blank}, the status phrase, the detail, the path. */
    static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // no instance rather than no answer
        }
        return problem;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    static Answer answer(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Answer answer = known(t);
            if (answer != null) {
                return answer;
            }
        }
        if (exception instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return new Answer(status, "Permintaan tidak dapat diproses (" + status.value() + " " + status.getReasonPhrase() + ").",
                    response.getHeaders());
        }
        return new Answer(HttpStatus.INTERNAL_SERVER_ERROR, "");
    }

    private static Answer known(Throwable t) {
        if (t instanceof InvalidInput) {
            return new Answer(HttpStatus.BAD_REQUEST, t.getMessage());
        }
        if (t instanceof NotFound) {
            return new Answer(HttpStatus.NOT_FOUND, t.getMessage());
        }
        if (t instanceof Conflict || t instanceof StepNotReady) {
            return new Answer(HttpStatus.CONFLICT, t.getMessage());
        }
        if (t instanceof Forbidden) {
            return new Answer(HttpStatus.FORBIDDEN, t.getMessage());
        }
        if (t instanceof UnacceptableFile file) {
            return new Answer(switch (file.reason()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
                case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            }, t.getMessage());
        }
        if (t instanceof MaxUploadSizeExceededException e) {
            return new Answer(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge(e));
        }
        if (t instanceof MissingServletRequestPartException e) {
            return new Answer(HttpStatus.BAD_REQUEST, "Bagian '" + e.getRequestPartName() + "' wajib dikirim (multipart/form-data).");
        }
        if (t instanceof MultipartException) {
            return new Answer(HttpStatus.BAD_REQUEST, "Isi permintaan bukan multipart/form-data yang sah: kirim berkas sebagai bagian 'berkas'.");
        }
        // the engine, as the caller: NotFoundException is a BadUserRequestException, so it comes first
        if (t instanceof AuthorizationException) {
            return new Answer(HttpStatus.FORBIDDEN, FORBIDDEN);
        }
        if (t instanceof OptimisticLockingException || t instanceof org.springframework.dao.PessimisticLockingFailureException
                || t instanceof org.springframework.dao.QueryTimeoutException || id.sopflow.engine.LockWait.is(t)) {
            // two requests at once: one changed the thing, or held it longer than the other would wait
            return new Answer(HttpStatus.CONFLICT, CONCURRENT_CHANGE);
        }
        if (t instanceof NotFoundException) {
            return new Answer(HttpStatus.NOT_FOUND, "Tidak ditemukan: " + t.getMessage());
        }
        if (t instanceof BadUserRequestException || RefusedInput.is(t)) {
            return new Answer(HttpStatus.BAD_REQUEST, t.getMessage());
        }
        // Spring MVC, before a controller runs
        if (t instanceof MissingServletRequestParameterException e) {
            return new Answer(HttpStatus.BAD_REQUEST, "Parameter '" + e.getParameterName() + "' wajib diisi.");
        }
        if (t instanceof TypeMismatchException e) {
            return new Answer(HttpStatus.BAD_REQUEST, typeMismatch(e));
        }
        if (t instanceof HttpMessageNotReadableException e) {
            return new Answer(HttpStatus.BAD_REQUEST, unreadable(e));
        }
        if (t instanceof NoResourceFoundException || t instanceof NoHandlerFoundException) {
            return new Answer(HttpStatus.NOT_FOUND, "Alamat ini tidak ada di API SOPflow; periksa ejaannya (daftar alamat di README).");
        }
        if (t instanceof HttpRequestMethodNotSupportedException e) {
            Set<String> allowed = e.getSupportedMethods() == null ? Set.of() : Set.of(e.getSupportedMethods());
            return new Answer(HttpStatus.METHOD_NOT_ALLOWED, "Metode " + e.getMethod() + " tidak didukung di alamat ini"
                    + (allowed.isEmpty() ? "." : "; gunakan " + String.join(" atau ", allowed.stream().sorted().toList()) + "."), e.getHeaders());
        }
        if (t instanceof HttpMediaTypeNotSupportedException e) {
            String expected = e.getSupportedMediaTypes().stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes)
                    ? "multipart/form-data" : "application/json";
            return new Answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Jenis isi " + (e.getContentType() == null ? "(tidak disebut)"
                    : "'" + e.getContentType() + "'") + " tidak didukung; kirim isi permintaan sebagai " + expected + ".", e.getHeaders());
        }
        if (t instanceof HttpMediaTypeNotAcceptableException) {
            return new Answer(HttpStatus.NOT_ACCEPTABLE, "API SOPflow hanya menjawab dalam JSON; minta application/json (header Accept).");
        }
        return null;
    }

    private static String tooLarge(MaxUploadSizeExceededException e) {
        return tooLarge(e.getMaxUploadSize());
    }

    private static String tooLarge(long max) {
        return "Berkas terlalu besar" + (max > 0 ? ": paling besar " + UnacceptableFile.megabytes(max) : "")
                + ". Perkecil berkasnya (misalnya pindai dengan resolusi lebih rendah) lalu unggah lagi.";
    }

    private static String typeMismatch(TypeMismatchException e) {
        String name = e.getPropertyName() == null ? "?" : e.getPropertyName();
        String where = e instanceof MethodArgumentTypeMismatchException m && m.getParameter().hasParameterAnnotation(PathVariable.class)
                ? "Bagian alamat '" + name + "'" : "Parameter '" + name + "'";
        return where + " tidak valid: '" + e.getValue() + "'; " + expected(e.getRequiredType()) + ".";
    }

    private static String unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
                String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."));
                return "Isian '" + field + "' tidak valid; " + expected(m.getTargetType()) + ".";
            }
            if (cause instanceof JsonProcessingException && !(cause instanceof JsonMappingException)) {
                return "Isi permintaan bukan JSON yang sah.";
            }
        }
        return "Isi permintaan kosong atau bukan JSON yang sah; kirim objek JSON (Content-Type: application/json).";
    }

    /** What a value of this type looks like, for people. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "periksa nilainya";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class) {
            return "harus bilangan bulat";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "harus true atau false";
        }
        if (type == LocalDate.class) {
            return "harus tanggal YYYY-MM-DD, contoh 2026-11-23";
        }
        if (type == LocalDateTime.class) {
            return "harus tanggal dan jam, contoh 2026-11-23T10:00";
        }
        if (type == OffsetDateTime.class) {
            return "harus waktu ISO-8601, contoh 2026-11-23T10:00:00+07:00";
        }
        if (type.isEnum()) {
            return "gunakan " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "harus teks";
        }
        return "periksa nilainya";
    }
}
