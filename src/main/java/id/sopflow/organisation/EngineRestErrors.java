package id.sopflow.organisation;

import id.sopflow.engine.Caller;
import id.sopflow.engine.RefusedInput;
import id.sopflow.engine.LockWait;
import id.sopflow.engine.StepNotReady;
import jakarta.servlet.http.HttpServletRequest;
import org.glassfish.jersey.server.ParamException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@code /engine-rest} answers an exception, refining Camunda's own mapping where it would give the
 * wrong status:
 * <ul>
 *   <li>the engine refusing access on a read, or on an act on something the caller cannot even read
 *       (another kecamatan's task, another role's step): 404, so that existence does not leak; an act on
 *       something the caller may read but not do stays 403;</li>
 *   <li>an unknown id: 404 (Camunda answers 500 on several sub-resources);</li>
 *   <li>two requests changing the same thing at once (optimistic locking), or completing a step that was
 *       completed a moment before: 409 with a message;</li>
 *   <li>a refused input (a rule of the SOP contract, a form validation) that Camunda's resource wrapped as
 *       500: 400 with the engine's message.</li>
 * </ul>
 * Anything else goes to Camunda's own mapping. The body keeps Camunda's shape ({@code type}, {@code message}).
 */
final class EngineRestErrors implements ExceptionMapper<Throwable> {

    private static final Pattern TARGET = Pattern.compile("/(task|process-instance)/([^/]+)(/.*)?$");
    private static final Pattern MISSING = Pattern.compile("(?i)(doesn't exist|does not exist|not found|cannot find|no .* found)");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(ZoneId.of("Asia/Jakarta"));

    private final ProcessEngine engine;
    private final Supplier<Optional<HttpServletRequest>> currentRequest;

    /** @param currentRequest the request being answered (Jersey runs mappers on the request's thread) */
    EngineRestErrors(ProcessEngine engine, Supplier<Optional<HttpServletRequest>> currentRequest) {
        this.engine = engine;
        this.currentRequest = currentRequest;
    }

    @Override
    public Response toResponse(Throwable exception) {
        Optional<HttpServletRequest> request = currentRequest.get();
        String method = request.map(HttpServletRequest::getMethod).orElse("GET");
        String path = request.map(HttpServletRequest::getRequestURI).orElse("");
        boolean read = method.equals("GET") || method.equals("HEAD");

        if (find(exception, AuthorizationException.class) != null) {
            // losing a race: the step was completed between loading it and checking the caller's right on it
            Optional<String> done = read ? Optional.empty() : alreadyCompleted(path);
            if (done.isPresent()) {
                return answer(Response.Status.CONFLICT, "Conflict", done.get());
            }
            if (read || !readable(path)) {
                return answer(Response.Status.NOT_FOUND, "NotFound", "Tidak ditemukan.");
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
        if (find(exception, TaskAlreadyClaimedException.class) != null) {
            return answer(Response.Status.CONFLICT, "Conflict", "Langkah ini sudah diklaim orang lain; muat ulang daftar tugas.");
        }
        if (find(exception, OptimisticLockingException.class) != null || LockWait.is(exception)) {
            return answer(Response.Status.CONFLICT, "Conflict", "Data ini baru saja diubah oleh permintaan lain (misalnya langkah ini "
                    + "sudah diselesaikan orang lain). Muat ulang, lalu coba lagi bila masih perlu.");
        }
        Throwable missing = missing(exception);
        if (missing != null) {
            Optional<String> done = read ? Optional.empty() : alreadyCompleted(path);
            // the same answer as for what the caller may not read, so that the two cannot be told apart
            return done.map(m -> answer(Response.Status.CONFLICT, "Conflict", m))
                    .orElseGet(() -> answer(Response.Status.NOT_FOUND, "NotFound", "Tidak ditemukan."));
        }
        Throwable notReady = find(exception, StepNotReady.class);
        if (notReady != null) {
            return answer(Response.Status.CONFLICT, "Conflict", notReady.getMessage());
        }
        Throwable refused = findRefusedInput(exception);
        if (refused == null) {
            refused = find(exception, BadUserRequestException.class);
        }
        if (refused != null) {
            return answer(Response.Status.BAD_REQUEST, refused.getClass().getSimpleName(), refused.getMessage());
        }
        if (!read) {
            // a race the engine did not name (two completions of one step can also fail inside the engine): if the
            // step is done by now, the loser gets the conflict, not a server error
            Optional<String> done = alreadyCompleted(path);
            if (done.isPresent() && ExceptionHandlerHelper.getInstance().getStatus(exception).getStatusCode() >= 500) {
                return answer(Response.Status.CONFLICT, "Conflict", done.get());
            }
        }
        if (exception instanceof NullPointerException && fromRestResource(exception) && !read) {
            // Camunda's resources read the request body without checking it is there (a body of "null")
            return answer(Response.Status.BAD_REQUEST, "InvalidRequest", "Isi permintaan kosong atau tidak lengkap.");
        }
        if (exception instanceof IllegalArgumentException && fromRestResource(exception)) {
            // a value Camunda's resources cannot convert (e.g. a variable of an unknown type)
            return answer(Response.Status.BAD_REQUEST, "InvalidRequest", "Permintaan tidak valid: " + exception.getMessage());
        }
        if (exception instanceof ParamException param) {
            return answer(Response.Status.BAD_REQUEST, "InvalidRequest", "Parameter '" + param.getParameterName() + "' tidak valid.");
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    private static boolean fromRestResource(Throwable exception) {
        StackTraceElement[] trace = exception.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.camunda.bpm.engine.rest.");
    }

    /** Whether the caller can read the task or instance the path acts on (true when the path names neither). */
    private boolean readable(String path) {
        Matcher m = TARGET.matcher(path);
        if (!m.find()) {
            return true;
        }
        String id = m.group(2);
        return m.group(1).equals("task")
                ? engine.getTaskService().createTaskQuery().taskId(id).count() > 0
                : engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0;
    }

    /** For an act on a task that no longer exists: whether it was completed, in the caller's own kecamatan. */
    private Optional<String> alreadyCompleted(String path) {
        Matcher m = TARGET.matcher(path);
        if (!m.find() || !m.group(1).equals("task")) {
            return Optional.empty();
        }
        IdentityService identity = engine.getIdentityService();
        Optional<Caller> caller = Caller.of(identity);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        HistoricTaskInstance task = Caller.without(identity,
                () -> engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(m.group(2)).singleResult());
        boolean sameKecamatan = task != null && (task.getTenantId() == null || caller.get().tenants().contains(task.getTenantId())
                || caller.get().groups().contains(Organisation.CAMUNDA_ADMIN_GROUP));
        if (!sameKecamatan || task.getEndTime() == null) {
            return Optional.empty();
        }
        return Optional.of("Langkah '" + task.getName() + "' sudah diselesaikan" + (task.getAssignee() == null ? "" : " oleh " + task.getAssignee())
                + " pada " + WHEN.format(task.getEndTime().toInstant()) + " WIB; tidak ada yang diubah.");
    }

    private static Throwable missing(Throwable exception) {
        return find(exception, t -> t instanceof NotFoundException
                || (t instanceof ProcessEngineException && t.getMessage() != null && MISSING.matcher(t.getMessage()).find()));
    }

    private static Throwable findRefusedInput(Throwable exception) {
        return find(exception, RefusedInput::is);
    }

    private static Throwable find(Throwable exception, Class<? extends Throwable> type) {
        return find(exception, type::isInstance);
    }

    /** The first exception in the cause chain that matches. */
    private static Throwable find(Throwable exception, java.util.function.Predicate<Throwable> matches) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (matches.test(t)) {
                return t;
            }
        }
        return null;
    }

    private static Response answer(Response.Status status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
