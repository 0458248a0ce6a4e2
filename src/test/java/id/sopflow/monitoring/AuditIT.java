package id.sopflow.organisation;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Who claimed, completed and rejected which step, and when; readable only by those who may read the instance. */
class AuditIT extends AccessTestBase {

    private void claimAndComplete(String user, Task task, String body) {
        claim(user, task);
        complete(user, task, body);
    }

    private void claim(String user, Task task) {
        assertThat(postJson(as(user), "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"" + user + "\"}")
                .getStatusCode().value()).isEqualTo(204);
    }

    private void complete(String user, Task task, String body) {
        assertThat(postJson(as(user), "/engine-rest/task/" + task.getId() + "/complete", body).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void claimsCompletionsAndARejectionWithItsNoteAreRecorded() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        claimAndComplete("camat.ajibarang", openTask(dpa), "{}");
        claimAndComplete("sekcam.ajibarang", openTask(dpa), "{}");
        Task draft = openTask(dpa);
        claim("kasubbag.ajibarang", draft);
        assertThat(upload(as("kasubbag.ajibarang"), dpa.getId(), "draf dokumen pelaksanaan anggaran", "draf-dpa.pdf",
                id.sopflow.demo.DemoPdf.of("Draf DPA 2027")).getStatusCode().value()).isEqualTo(201);
        complete("kasubbag.ajibarang", draft, "{}");
        Task review = openTask(dpa);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("langkah_04");
        claimAndComplete("sekcam.ajibarang", review, approvalJson(false, "Angka pagu belum sesuai"));
        assertThat(openTask(dpa).getTaskDefinitionKey()).as("dikembalikan ke langkah 3").isEqualTo("langkah_03");

        List<Map<String, Object>> audit = getList(as("sekcam.ajibarang"), "/api/instances/" + dpa.getId() + "/audit").getBody();

        assertThat(audit).extracting(e -> e.get("siapa"), e -> e.get("apa"), e -> e.get("langkah"), e -> e.get("catatan")).containsExactly(
                tuple("camat.ajibarang", "memulai SOP", null, null),
                tuple("camat.ajibarang", "mengklaim", 1, null),
                tuple("camat.ajibarang", "menyelesaikan", 1, null),
                tuple("sekcam.ajibarang", "mengklaim", 2, null),
                tuple("sekcam.ajibarang", "menyelesaikan", 2, null),
                tuple("kasubbag.ajibarang", "mengklaim", 3, null),
                tuple("kasubbag.ajibarang", "mengunggah dokumen", 3, "'draf dokumen pelaksanaan anggaran' versi 1: draf-dpa.pdf"),
                tuple("kasubbag.ajibarang", "menyelesaikan", 3, null),
                tuple("sekcam.ajibarang", "mengklaim", 4, null),
                tuple("sekcam.ajibarang", "mengembalikan (tidak disetujui)", 4, "Angka pagu belum sesuai"));
        assertThat(audit).allSatisfy(e -> assertThat((String) e.get("kapan")).endsWith("+07:00"));
        assertThat(audit.get(9).get("namaLangkah")).isEqualTo(review.getName());
        assertThat(audit.get(6).get("namaLangkah")).isEqualTo(draft.getName());
    }

    @Test
    void onlyThoseWhoMayReadTheInstanceSeeItsAudit() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        String url = "/api/instances/" + dpa.getId() + "/audit";

        assertThat(rest.getForEntity(url, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(getMap(as("camat.arut-selatan"), url).getStatusCode().value()).isEqualTo(404);
        assertThat(getMap(as("pelaksana.ajibarang"), url).getStatusCode().value()).isEqualTo(404);
        assertThat(getMap(as("camat.ajibarang"), "/api/instances/tidak-ada/audit").getStatusCode().value()).isEqualTo(404);
        assertThat(getList(as("camat.ajibarang"), url).getStatusCode().value()).isEqualTo(200);
        assertThat(getMap(as("staf.bappeda"), url).getStatusCode().value()).as("Bappeda reads no kecamatan instance").isEqualTo(404);
        assertThat(getList(as("admin"), url).getStatusCode().value()).isEqualTo(200);
    }
}
