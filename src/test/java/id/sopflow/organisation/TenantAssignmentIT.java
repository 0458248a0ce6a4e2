package id.sopflow.organisation;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who decides the kecamatan of a new instance, and that a refused start leaves nothing behind. */
class TenantAssignmentIT extends AccessTestBase {

    private long instances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("rup").count();
    }

    @Test
    void aStartOverRestBelongsToTheUsersOwnKecamatan() {
        ResponseEntity<Map<String, Object>> started = as("pelaksana.ajibarang").exchange("/engine-rest/process-definition/key/rup/start",
                org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>("{}", json()),
                new org.springframework.core.ParameterizedTypeReference<>() { });

        assertThat(started.getStatusCode().value()).isEqualTo(200);
        assertThat(started.getBody()).containsEntry("tenantId", "ajibarang");
    }

    @Test
    void aUserCannotStartForAnotherKecamatan() {
        long before = instances();

        ResponseEntity<String> refused = postJson(as("pelaksana.ajibarang"), "/engine-rest/process-definition/key/rup/start",
                "{\"variables\": {\"kecamatan\": {\"value\": \"arut-selatan\", \"type\": \"String\"}}}");

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(instances()).isEqualTo(before);
    }

    @Test
    void bappedaBelongsToNoSingleKecamatanAndCannotStartAnSop() {
        long before = instances();

        ResponseEntity<String> refused = postJson(as("staf.bappeda"), "/engine-rest/process-definition/key/rup/start", "{}");

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(instances()).isEqualTo(before);
    }

    @Test
    void theAdminNamesTheKecamatan() {
        long before = instances();
        assertThat(postJson(as("admin"), "/engine-rest/process-definition/key/rup/start", "{}").getStatusCode().value()).isEqualTo(403);
        assertThat(postJson(as("admin"), "/engine-rest/process-definition/key/rup/start",
                "{\"variables\": {\"kecamatan\": {\"value\": \"tidak-ada\", \"type\": \"String\"}}}").getStatusCode().value()).isEqualTo(403);
        assertThat(instances()).isEqualTo(before);

        ResponseEntity<String> started = postJson(as("admin"), "/engine-rest/process-definition/key/rup/start",
                "{\"variables\": {\"kecamatan\": {\"value\": \"arut-selatan\", \"type\": \"String\"}}}");
        assertThat(started.getStatusCode().value()).isEqualTo(200);
        assertThat(started.getBody()).contains("\"tenantId\":\"arut-selatan\"");
    }

    @Test
    void aSystemStartMustNameTheKecamatan() {
        long before = instances();
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("rup"))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("variabel 'kecamatan'");
        assertThat(instances()).isEqualTo(before);

        ProcessInstance started = runtimeService.startProcessInstanceByKey("rup", Map.of(Organisation.TENANT_VARIABLE, "ajibarang"));
        assertThat(started.getTenantId()).isEqualTo("ajibarang");
    }

    @Test
    void theEngineApiAppliesTheSameRuleToUsers() {
        assertThatThrownBy(() -> startAs("camat.ajibarang", "rup", Map.of(Organisation.TENANT_VARIABLE, "arut-selatan")))
                .isInstanceOf(AuthorizationException.class);
        assertThat(startAs("camat.ajibarang", "rup", Map.of(Organisation.TENANT_VARIABLE, "ajibarang")).getTenantId()).isEqualTo("ajibarang");
    }

    private static org.springframework.http.HttpHeaders json() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return headers;
    }
}
