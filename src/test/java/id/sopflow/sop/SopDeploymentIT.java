package id.sopflow.sop;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The application starts, deploys the six processes from bpmn/ and serves them on /engine-rest. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SopDeploymentIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    SopDeployment deployment;

    @Test
    void sixProcessDefinitionsAreListedByTheRestApi() {
        // /engine-rest requires a login (id.sopflow.organisation); the admin of config/organisasi.yaml, test password.
        ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth("admin", "Uji-Admin-Rahasia-2026")
                .exchange("/engine-rest/process-definition?latestVersion=true",
                org.springframework.http.HttpMethod.GET, null,
                new org.springframework.core.ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).extracting(d -> d.get("key"))
                .contains("renja", "renstra", "dpa", "lakip", "rfk-teppa", "rup", "pengumpulan-data-kinerja", "perencanaan-kinerja",
                        "dpa-varian-1", "rka", "ekt");
    }

    @Test
    void wangonsFiveTablesAreDeployed() {
        // DPA, Renja and Renstra as Wangon's own variants (tenant wangon), beside the shared ones; its two other SOPs shared
        for (String key : List.of("dpa", "renja", "renstra")) {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().list())
                    .as(key).extracting(ProcessDefinition::getTenantId).contains((String) null, "wangon");
        }
        for (String key : List.of("pengumpulan-data-kinerja", "perencanaan-kinerja")) {
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().list())
                    .as(key).extracting(ProcessDefinition::getTenantId).containsExactly((String) null);
        }
        assertThat(repositoryService.createProcessDefinitionQuery().tenantIdIn("wangon").count()).isEqualTo(3);
    }

    @Test
    void redeployingUnchangedFilesCreatesNoNewVersion() {
        long before = repositoryService.createProcessDefinitionQuery().count();
        deployment.deploy(repositoryService);
        assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(before);
        // the shared Renja and the Renja of Ajibarang, Baturraden and seed 004's kecamatan (their own variants)
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("renja").list())
                .extracting(ProcessDefinition::getTenantId).contains(null, "ajibarang", "wangon", "baturraden", "kecamatan-004")
                .doesNotHaveDuplicates();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("renja").list())
                .extracting(ProcessDefinition::getVersion).containsOnly(1);
    }
}
