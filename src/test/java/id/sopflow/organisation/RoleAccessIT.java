package id.sopflow.organisation;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Within a kecamatan, a user works only on the steps of their own role; Sekcam and Camat see everything. */
class RoleAccessIT extends AccessTestBase {

    @Test
    void aPelaksanaCanNeitherSeeNorClaimNorCompleteTheCamatsStep() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        Task camatStep = openTask(dpa);
        assertThat(taskService.getIdentityLinksForTask(camatStep.getId())).extracting(IdentityLink::getGroupId).containsExactly("camat");

        assertThat(getList(as("pelaksana.ajibarang"), "/engine-rest/task?processInstanceId=" + dpa.getId()).getBody()).isEmpty();
        assertThat(getMap(as("pelaksana.ajibarang"), "/engine-rest/task/" + camatStep.getId()).getStatusCode().value()).isEqualTo(404);
        // a step the pelaksana may not even see: acting on it answers 404 like reading it, so its existence does not leak
        assertThat(postJson(as("pelaksana.ajibarang"), "/engine-rest/task/" + camatStep.getId() + "/claim", "{\"userId\": \"pelaksana.ajibarang\"}")
                .getStatusCode().value()).isEqualTo(404);
        assertThat(postJson(as("pelaksana.ajibarang"), "/engine-rest/task/" + camatStep.getId() + "/complete", approvalJson(true, "ok"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(postJson(as("pelaksana.ajibarang"), "/engine-rest/task/" + camatStep.getId() + "/submit-form", approvalJson(true, "ok"))
                .getStatusCode().value()).isEqualTo(404);

        assertUntouched(camatStep, "disetujui", "catatan");
    }

    @Test
    void theSekcamSeesTheCamatsStepButCannotDoIt() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        Task camatStep = openTask(dpa);

        assertThat(getList(as("sekcam.ajibarang"), "/engine-rest/task?processInstanceId=" + dpa.getId()).getBody())
                .extracting(t -> t.get("id")).containsExactly(camatStep.getId());
        assertThat(getMap(as("sekcam.ajibarang"), "/engine-rest/process-instance/" + dpa.getId()).getStatusCode().value()).isEqualTo(200);
        assertThat(postJson(as("sekcam.ajibarang"), "/engine-rest/task/" + camatStep.getId() + "/complete", "{}").getStatusCode().value())
                .isEqualTo(403);

        assertUntouched(camatStep);
    }

    @Test
    void aPelaksanaOfArutSelatanSeesOnlyArutSelatanPelaksanaTasks() {
        ProcessInstance own = startAs("pelaksana.arut-selatan", "lakip");
        ProcessInstance other = startAs("pelaksana.ajibarang", "lakip");
        ProcessInstance camat = startAs("camat.arut-selatan", "dpa");

        List<Map<String, Object>> tasks = getList(as("pelaksana.arut-selatan"), "/engine-rest/task").getBody();

        assertThat(tasks).extracting(t -> t.get("processInstanceId")).contains(own.getId())
                .doesNotContain(other.getId(), camat.getId());
        assertThat(tasks).extracting(t -> t.get("tenantId")).containsOnly("arut-selatan");
        for (Map<String, Object> task : tasks) {
            assertThat(taskService.getIdentityLinksForTask((String) task.get("id"))).extracting(IdentityLink::getGroupId).contains("pelaksana");
        }
        // the candidate group's automatic task authorization is what lets them work it
        Task step = openTask(own);
        assertThat(postJson(as("pelaksana.arut-selatan"), "/engine-rest/task/" + step.getId() + "/complete", "{}").getStatusCode().value())
                .isEqualTo(204);
    }

    @Test
    void bappedaReadsNoKecamatanInstanceAndWorksNoKecamatanStep() {
        ProcessInstance ajibarang = startAs("camat.ajibarang", "dpa");
        ProcessInstance arutSelatan = startAs("pelaksana.arut-selatan", "lakip");
        Task step = openTask(ajibarang);

        // Bappeda belongs to its own tenant only: what a kecamatan has not sent it, it does not see (issue 11)
        for (String user : List.of("staf.bappeda", "kepala.bappeda")) {
            assertThat(getMap(as(user), "/engine-rest/process-instance/" + ajibarang.getId()).getStatusCode().value()).isEqualTo(404);
            assertThat(getMap(as(user), "/engine-rest/process-instance/" + arutSelatan.getId()).getStatusCode().value()).isEqualTo(404);
            assertThat(getList(as(user), "/engine-rest/history/process-instance?processInstanceId=" + arutSelatan.getId()).getBody())
                    .isEmpty();
            assertThat(getList(as(user), "/engine-rest/history/activity-instance?processInstanceId=" + arutSelatan.getId()).getBody())
                    .isEmpty();
            assertThat(getList(as(user), "/engine-rest/variable-instance?processInstanceIdIn=" + arutSelatan.getId()).getBody()).isEmpty();
            assertThat(getList(as(user), "/engine-rest/task?processInstanceId=" + ajibarang.getId()).getBody()).isEmpty();
            assertThat(postJson(as(user), "/engine-rest/task/" + step.getId() + "/complete", "{}").getStatusCode().value())
                    .as("Bappeda cannot see the kecamatan's task").isEqualTo(404);
        }
        assertUntouched(step);
    }

    @Test
    void theAdminSeesTasksOfEveryKecamatan() {
        ProcessInstance ajibarang = startAs("camat.ajibarang", "dpa");
        ProcessInstance arutSelatan = startAs("camat.arut-selatan", "dpa");

        assertThat(getList(as("admin"), "/engine-rest/task?processDefinitionKey=dpa").getBody()).extracting(t -> t.get("processInstanceId"))
                .contains(ajibarang.getId(), arutSelatan.getId());
    }
}
