package id.sopflow.sop;

import id.sopflow.organisation.AccessTestBase;
import id.sopflow.organisation.Organisation;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SOP transcribed from a kecamatan's own table (the files of its folder in {@code config/sop}) is deployed for
 * that kecamatan and walked to its end by that kecamatan's demo users (config/organisasi.yaml): started through
 * {@code /api/sop/{kode}/mulai} by the first step's role, each step completed through {@code /engine-rest} by a user of
 * the step's role, with its documents, every review approved. SOPs that send to Bappeda are walked by the process and
 * Bappeda tests (they wait for Bappeda's answer).
 */
class KecamatanSopWalkIT extends AccessTestBase {

    private static final SopCatalog CATALOG = SopCatalog.load(Path.of("config/sop"), SopCatalog.STANDARD_ROLES);

    @Autowired
    RepositoryService repository;

    static List<String> ownSops() {
        Set<String> kecamatan = Organisation.read(Path.of("config/organisasi.yaml")).kecamatan().stream()
                .map(Organisation.Kecamatan::id).collect(Collectors.toSet());
        return CATALOG.definitions().stream().filter(sop -> kecamatan.contains(sop.folder()))
                .filter(sop -> sop.steps().stream().noneMatch(s -> s.sendsToBappeda() || s.isBappedaWork()))
                .map(sop -> sop.folder() + "/" + sop.kode()).toList();
    }

    @org.junit.jupiter.api.Test
    void wangonsFiveTablesAreAmongThem() {
        assertThat(ownSops()).contains("wangon/dpa", "wangon/renja", "wangon/renstra", "wangon/pengumpulan-data-kinerja",
                "wangon/perencanaan-kinerja");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownSops")
    void isWalkedToItsEndByItsKecamatansDemoUsers(String name) {
        String kecamatan = name.split("/")[0];
        SopDefinition sop = CATALOG.get(name.split("/")[1], kecamatan);
        assertThat(sop.folder()).as("the SOP that applies to " + kecamatan).isEqualTo(kecamatan);
        String starter = (sop.steps().get(0).roleId() + "." + kecamatan).replace("pengadministrasi.", "umum.");

        ResponseEntity<Map<String, Object>> started = as(starter).exchange("/api/sop/" + sop.kode() + "/mulai",
                org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(Map.of("businessKey",
                        sop.kode().toUpperCase() + "-" + kecamatan + "-UJI")), new org.springframework.core.ParameterizedTypeReference<>() { });
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
        String instanceId = (String) started.getBody().get("id");
        assertThat(started.getBody()).containsEntry("kecamatan", kecamatan);
        assertThat(repository.getProcessDefinition((String) started.getBody().get("definisiId")).getTenantId())
                .as("a variant is its kecamatan's, a shared SOP everyone's").isEqualTo(sop.tenant().orElse(null));

        walk(instanceId, sop.steps().size(), kecamatan);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).as("ended").isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityType("userTask")
                .finished().list()).extracting(a -> a.getActivityId())
                .containsExactlyElementsOf(sop.steps().stream().map(SopStep::elementId).toList());
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getTenantId())
                .isEqualTo(kecamatan);
    }
}
