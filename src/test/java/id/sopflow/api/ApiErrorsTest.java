package id.sopflow.api;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The status and detail of each kind of error, without a server (the wiring is tested by {@code ProblemDetailIT}). */
class ApiErrorsTest {

    private final ApiErrors errors = new ApiErrors(new com.fasterxml.jackson.databind.ObjectMapper(),
            new org.springframework.beans.factory.support.StaticListableBeanFactory()
                    .getBeanProvider(org.springframework.boot.autoconfigure.web.servlet.MultipartProperties.class));

    @Test
    void anUnexpectedExceptionIsA500WithAReferenceButWithoutItsMessage() throws Exception {
        ResponseEntity<?> answer = errors.handle(new IllegalStateException("tabel SOPFLOW_X rusak di baris 7"), api("/api/sop"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getTitle()).isEqualTo("Internal Server Error");
        assertThat(problem.getInstance()).hasToString("/api/sop");
        assertThat(problem.getDetail()).startsWith("Terjadi kesalahan di server.").containsPattern("rujukan [0-9a-f]{8} ")
                .doesNotContain("SOPFLOW_X", "IllegalStateException");
    }

    @Test
    void aLockHeldLongerThanTheWaitIsAConflictNotAFault() {
        assertThat(ApiErrors.answer(new org.springframework.dao.CannotAcquireLockException("Timeout trying to lock table")).status())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(ApiErrors.answer(new org.springframework.dao.QueryTimeoutException("select ... for update")).detail())
                .isEqualTo(ApiErrors.CONCURRENT_CHANGE);
    }

    @Test
    void anIllegalArgumentIsNoLongerTakenForTheClientsMistake() throws Exception {
        assertThat(errors.handle(new IllegalArgumentException("bug"), api("/api/sop")).getStatusCode().value()).isEqualTo(500);
        assertThat(errors.handle(new java.util.NoSuchElementException("bug"), api("/api/sop")).getStatusCode().value()).isEqualTo(500);
    }

    @Test
    void typedExceptionsGiveTheirStatusAndTheirMessage() {
        assertThat(ApiErrors.answer(new InvalidInput("isian 'nama' wajib diisi")))
                .isEqualTo(new ApiErrors.Answer(HttpStatus.BAD_REQUEST, "isian 'nama' wajib diisi"));
        assertThat(ApiErrors.answer(new NotFound("SOP 'x' tidak ada"))).isEqualTo(new ApiErrors.Answer(HttpStatus.NOT_FOUND, "SOP 'x' tidak ada"));
        assertThat(ApiErrors.answer(new Conflict("sudah ada"))).isEqualTo(new ApiErrors.Answer(HttpStatus.CONFLICT, "sudah ada"));
    }

    @Test
    void theEnginesRefusalsAreFoundAlongTheCauseChain() {
        assertThat(ApiErrors.answer(new ProcessEngineException("wrapped", new AuthorizationException("user x has no READ"))))
                .isEqualTo(new ApiErrors.Answer(HttpStatus.FORBIDDEN, ApiErrors.FORBIDDEN));
        assertThat(ApiErrors.answer(new NotFoundException("no deployed process definition found")).status()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void requestsOutsideTheApiAreLeftToSpring() {
        IllegalStateException e = new IllegalStateException("page");
        assertThatThrownBy(() -> errors.handle(e, api("/camunda/app/cockpit/"))).isSameAs(e);
        assertThatThrownBy(() -> errors.handle(e, api("/apiary"))).isSameAs(e);
    }

    private static MockHttpServletRequest api(String path) {
        return new MockHttpServletRequest("GET", path);
    }
}
