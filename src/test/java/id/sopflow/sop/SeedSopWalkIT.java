package id.sopflow.sop;

import id.sopflow.organisation.AccessTestBase;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SOP table transcribed from the seeds for issue 13 is deployed for its kecamatan and is walked to its end by that
 * kecamatan's own demo users (config/organisasi.yaml): started through {@code /api/sop/{kode}/mulai}, each step completed
 * through {@code /engine-rest} by the user of its role in that kecamatan, with the documents it requires.
 */
class SeedSopWalkIT extends AccessTestBase {

    private static final SopCatalog CATALOG = SopCatalog.load(Path.of("config/sop"), SopCatalog.STANDARD_ROLES);

    @Autowired
    SopCatalog deployed;
    @Autowired
    org.camunda.bpm.engine.RepositoryService definitions;

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', value = {
            "dpa-varian-1 | ajibarang",
            "renja        | ajibarang",
            "rka          | ajibarang",
            "renja        | baturraden",
            "renja        | kecamatan-004",
            "ekt          | kecamatan-004"})
    void theKecamatansOwnUsersWalkItToItsEnd(String kode, String kecamatan) {
        SopDefinition sop = CATALOG.get(kode, kecamatan);
        assertThat(deployed.get(kode, kecamatan).steps()).hasSameSizeAs(sop.steps());

        ResponseEntity<Map<String, Object>> started = as("camat." + kecamatan).exchange("/api/sop/" + kode + "/mulai",
                org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("businessKey", kode.toUpperCase() + "-2026")),
                new org.springframework.core.ParameterizedTypeReference<>() { });
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = (String) started.getBody().get("id");
        assertThat(started.getBody()).containsEntry("kecamatan", kecamatan);
        assertThat(definitions.getProcessDefinition((String) started.getBody().get("definisiId")).getTenantId())
                .as("its own variant, else the shared SOP").isEqualTo(sop.tenant().orElse(null));

        walk(id, Integer.MAX_VALUE, kecamatan);

        HistoricProcessInstance done = historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(done.getEndTime()).as("ended").isNotNull();
        assertThat(done.getTenantId()).isEqualTo(kecamatan);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id).activityType("userTask").list())
                .extracting(HistoricActivityInstance::getActivityId)
                .containsExactlyInAnyOrderElementsOf(sop.steps().stream().map(SopStep::elementId).toList());
    }
}
