package id.sopflow.organisation;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Five wrong passwords in a row lock the user id; even the right password is then refused. */
class LockOutIT extends AccessTestBase {

    @Autowired
    LoginAttempts attempts;

    @AfterEach
    void unlock() {
        attempts.clear();
    }

    @Test
    void fiveWrongPasswordsLockTheUserAndNothingChanges() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        Task task = openTask(dpa);
        for (int i = 1; i <= 4; i++) {
            assertThat(rest.withBasicAuth("camat.ajibarang", "tebakan-" + i).getForEntity("/engine-rest/task", String.class)
                    .getStatusCode().value()).isEqualTo(401);
        }
        assertThat(as("camat.ajibarang").getForEntity("/engine-rest/task", String.class).getStatusCode().value())
                .as("sebelum kegagalan kelima: masih bisa masuk, dan hitungan mulai lagi").isEqualTo(200);
        for (int i = 1; i <= 5; i++) {
            assertThat(rest.withBasicAuth("camat.ajibarang", "tebakan-" + i).getForEntity("/engine-rest/task", String.class)
                    .getStatusCode().value()).isEqualTo(401);
        }

        assertThat(postJson(as("camat.ajibarang"), "/engine-rest/task/" + task.getId() + "/complete", approvalJson(true, "terkunci"))
                .getStatusCode().value()).as("kata sandi benar tetap ditolak selama terkunci").isEqualTo(401);
        StringBuilder cookie = new StringBuilder();
        assertThat(formLogin("camat.ajibarang", STAFF_PASSWORD, cookie).getHeaders().getLocation().toString()).endsWith("/login?terkunci");
        assertThat(noRedirects().getForEntity("/login?terkunci", String.class).getBody()).contains("Akun dikunci sementara");
        assertUntouched(task, "disetujui", "catatan");

        assertThat(as("camat.arut-selatan").getForEntity("/engine-rest/task", String.class).getStatusCode().value())
                .as("pengguna lain tidak terkunci").isEqualTo(200);
        attempts.clear();
        assertThat(as("camat.ajibarang").getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(200);
    }
}
