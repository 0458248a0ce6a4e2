package id.sopflow.sop;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kecamatan's own SOP ({@code berlaku: kecamatan}) is deployed for its tenant only and replaces the
 * shared SOP of the same kode there: Ajibarang runs its 7-step Renstra, Arut Selatan the shared 16-step one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SopVariantIT {

    private static final String STAFF = "Uji-Staf-Rahasia-2026";
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @AfterEach
    void clean() {
        runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
    }

    @Test
    void theVariantIsDeployedForItsKecamatanOnly() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("renstra").latestVersion().list())
                .extracting(ProcessDefinition::getTenantId).containsExactlyInAnyOrder(null, "ajibarang", "wangon");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("dpa").list())
                .extracting(ProcessDefinition::getTenantId).containsExactlyInAnyOrder(null, "wangon");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("lakip").list())
                .extracting(ProcessDefinition::getTenantId).containsExactly((String) null);
    }

    @Test
    void eachKecamatanStartsTheRenstraThatAppliesToIt() {
        Map<String, Object> ajibarang = start("camat.ajibarang", "renstra", "RENSTRA-AJB");
        Map<String, Object> arutSelatan = start("pelaksana.arut-selatan", "renstra", "RENSTRA-ARS");

        assertThat(ajibarang).containsEntry("kecamatan", "ajibarang");
        assertThat(repository.getProcessDefinition((String) ajibarang.get("definisiId")).getTenantId()).isEqualTo("ajibarang");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId((String) ajibarang.get("id")).singleResult().getTenantId())
                .isEqualTo("ajibarang");
        assertThat(tasks.createTaskQuery().processInstanceId((String) ajibarang.get("id")).singleResult().getTaskDefinitionKey())
                .isEqualTo("langkah_01");
        assertThat(tasks.createTaskQuery().processInstanceId((String) ajibarang.get("id")).taskCandidateGroup("camat").count()).isOne();

        assertThat(repository.getProcessDefinition((String) arutSelatan.get("definisiId")).getTenantId()).isNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId((String) arutSelatan.get("id")).singleResult().getTenantId())
                .isEqualTo("arut-selatan");
        assertThat(tasks.createTaskQuery().processInstanceId((String) arutSelatan.get("id")).taskCandidateGroup("pelaksana").count()).isOne();
    }

    @Test
    void theSopListShowsTheCallersVariant() {
        List<Map<String, Object>> forAjibarang = rest.withBasicAuth("sekcam.ajibarang", STAFF)
                .exchange("/api/sop", HttpMethod.GET, null, LIST).getBody();
        assertThat(forAjibarang).filteredOn(s -> "renstra".equals(s.get("kode"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("jumlahLangkah", 7).containsEntry("varianKecamatan", true));
        List<Map<String, Object>> forArutSelatan = rest.withBasicAuth("sekcam.arut-selatan", STAFF)
                .exchange("/api/sop", HttpMethod.GET, null, LIST).getBody();
        assertThat(forArutSelatan).filteredOn(s -> "renstra".equals(s.get("kode"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("jumlahLangkah", 16).containsEntry("varianKecamatan", false));
        assertThat(forArutSelatan).extracting(s -> s.get("kode"))
                .containsExactlyInAnyOrder("dpa", "renstra", "lakip", "renja", "rfk-teppa", "rup", "pengumpulan-data-kinerja",
                        "perencanaan-kinerja", "dpa-varian-1", "rka", "ekt");
    }

    @Test
    void aUserCannotStartAnSopForAnotherKecamatan() {
        ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("pelaksana.arut-selatan", STAFF)
                .exchange("/api/sop/renstra/mulai", HttpMethod.POST, new HttpEntity<>(Map.of("kecamatan", "ajibarang")), OBJECT);
        assertThat(response.getStatusCode().is4xxClientError()).as(String.valueOf(response.getStatusCode())).isTrue();
        assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void unknownSopIs404() {
        ResponseEntity<Map<String, Object>> response = rest.withBasicAuth("pelaksana.arut-selatan", STAFF)
                .exchange("/api/sop/tidak-ada/mulai", HttpMethod.POST, new HttpEntity<>(Map.of()), OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Map<String, Object> start(String user, String kode, String businessKey) {
        ResponseEntity<Map<String, Object>> response = rest.withBasicAuth(user, STAFF)
                .exchange("/api/sop/" + kode + "/mulai", HttpMethod.POST, new HttpEntity<>(Map.of("businessKey", businessKey)), OBJECT);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }
}
