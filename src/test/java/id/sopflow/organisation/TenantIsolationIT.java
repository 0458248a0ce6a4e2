package id.sopflow.organisation;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A user of kecamatan A can neither list, read, claim nor complete a task of kecamatan B. */
class TenantIsolationIT extends AccessTestBase {

    @Test
    void instancesBelongToTheKecamatanOfTheUserWhoStartedThem() {
        ProcessInstance ajibarang = startAs("camat.ajibarang", "dpa");
        ProcessInstance arutSelatan = startAs("camat.arut-selatan", "dpa");

        assertThat(ajibarang.getTenantId()).isEqualTo("ajibarang");
        assertThat(arutSelatan.getTenantId()).isEqualTo("arut-selatan");
        assertThat(openTask(ajibarang).getTenantId()).isEqualTo("ajibarang");
    }

    @Test
    void theOwnCamatListsReadsAndCompletesTheStepButTheOtherKecamatansCamatDoesNot() {
        ProcessInstance ajibarang = startAs("camat.ajibarang", "dpa");
        ProcessInstance own = startAs("camat.arut-selatan", "dpa");
        Task task = openTask(ajibarang);

        ResponseEntity<List<Map<String, Object>>> otherList = getList(as("camat.arut-selatan"), "/engine-rest/task?processInstanceId=" + ajibarang.getId());
        assertThat(otherList.getStatusCode().value()).isEqualTo(200);
        assertThat(otherList.getBody()).isEmpty();
        List<Map<String, Object>> visible = getList(as("camat.arut-selatan"), "/engine-rest/task").getBody();
        assertThat(visible).extracting(t -> t.get("processInstanceId")).contains(own.getId()).doesNotContain(ajibarang.getId());
        assertThat(visible).extracting(t -> t.get("tenantId")).containsOnly("arut-selatan");
        assertThat(getMap(as("camat.arut-selatan"), "/engine-rest/task/" + task.getId()).getStatusCode().value()).isEqualTo(404);
        assertThat(getMap(as("camat.arut-selatan"), "/engine-rest/process-instance/" + ajibarang.getId()).getStatusCode().value()).isEqualTo(404);
        assertThat(getMap(as("camat.arut-selatan"), "/engine-rest/task/" + task.getId() + "/variables").getStatusCode().value()).isEqualTo(404);

        ResponseEntity<String> claim = postJson(as("camat.arut-selatan"), "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"camat.arut-selatan\"}");
        ResponseEntity<String> complete = postJson(as("camat.arut-selatan"), "/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\": {\"catatan\": {\"value\": \"dari kecamatan lain\", \"type\": \"String\"}}}");
        ResponseEntity<String> variable = as("camat.arut-selatan").exchange("/engine-rest/task/" + task.getId() + "/variables/catatan",
                org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>("{\"value\": \"x\", \"type\": \"String\"}",
                        jsonHeaders()), String.class);

        // another kecamatan's task cannot be seen, so acting on it answers as for an unknown id
        assertThat(claim.getStatusCode().value()).isEqualTo(404);
        assertThat(complete.getStatusCode().value()).isEqualTo(404);
        assertThat(complete.getBody()).doesNotContain("ajibarang");
        assertThat(variable.getStatusCode().value()).isEqualTo(404);
        assertUntouched(task, "catatan");

        // control: the Camat of Ajibarang does all of it
        assertThat(getList(as("camat.ajibarang"), "/engine-rest/task?processInstanceId=" + ajibarang.getId()).getBody())
                .extracting(t -> t.get("id")).containsExactly(task.getId());
        assertThat(postJson(as("camat.ajibarang"), "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"camat.ajibarang\"}")
                .getStatusCode().value()).isEqualTo(204);
        assertThat(postJson(as("camat.ajibarang"), "/engine-rest/task/" + task.getId() + "/complete", "{}").getStatusCode().value()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    @Test
    void theSekcamOfAnotherKecamatanDoesNotSeeItsInstancesOrHistory() {
        ProcessInstance ajibarang = startAs("pelaksana.ajibarang", "lakip");

        assertThat(getList(as("sekcam.arut-selatan"), "/engine-rest/process-instance?processDefinitionKey=lakip").getBody())
                .extracting(p -> p.get("id")).doesNotContain(ajibarang.getId());
        assertThat(getList(as("sekcam.arut-selatan"), "/engine-rest/history/process-instance?processInstanceId=" + ajibarang.getId()).getBody())
                .isEmpty();
        assertThat(getList(as("sekcam.ajibarang"), "/engine-rest/history/process-instance?processInstanceId=" + ajibarang.getId()).getBody())
                .extracting(p -> p.get("tenantId")).containsExactly("ajibarang");
    }

    @Test
    void theOwnApiAnswersLikeTheEngine() {
        ProcessInstance ajibarang = startAs("camat.ajibarang", "dpa");

        assertThat(getMap(as("camat.arut-selatan"), "/api/instances/" + ajibarang.getId() + "/audit").getStatusCode().value()).isEqualTo(404);
        assertThat(getList(as("camat.ajibarang"), "/api/instances/" + ajibarang.getId() + "/audit").getStatusCode().value()).isEqualTo(200);
    }

    private static org.springframework.http.HttpHeaders jsonHeaders() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return headers;
    }
}
