package id.sopflow.organisation;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Wrong passwords slow down whoever sends them, but nobody can lock an account: after many wrong passwords
 * for an account its real user, from another address, waits at most the short per-account delay (30 s),
 * while the guessing address waits much longer. Time moves by the engine's clock ({@code ClockUtil}), which
 * is SOPflow's one clock.
 * Requests from other client addresses go through MockMvc with the real security filter chain (over HTTP
 * every request of a test comes from 127.0.0.1).
 */
class LoginThrottleIT extends AccessTestBase {

    private static final String ATTACKER = "203.0.113.7";
    private static final String OFFICE = "198.51.100.20";

    @Autowired
    LoginAttempts attempts;
    @Autowired
    WebApplicationContext context;
    @Autowired
    VerifiedCredentials credentials;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private MockMvc mvc;

    @BeforeEach
    void mockMvcAndAStoppedClock() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        ClockUtil.setCurrentTime(ClockUtil.getCurrentTime());
    }

    @AfterEach
    void forget() {
        attempts.clear();
        ClockUtil.reset();
    }

    /** Moves SOPflow's clock (the engine's, which {@link LoginAttempts} reads) forward. */
    private static void advance(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }

    /** {@code GET /api/saya} with HTTP Basic from a client address; the HTTP status. */
    private int basicFrom(String address, String userId, String password) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/saya").with(httpBasic(userId, password)).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn().getResponse().getStatus();
    }

    @Test
    void manyWrongPasswordsFromOneAddressKeepTheRealUserOutForThirtySecondsAtMost() throws Exception {
        for (int i = 1; i <= 12; i++) {
            assertThat(basicFrom(ATTACKER, "camat.ajibarang", "tebakan-" + i)).as("tebakan ke-" + i).isEqualTo(401);
            advance(attempts.waitFor(ATTACKER)); // the next guess as soon as it will be checked
        }
        assertThat(attempts.waitFor(ATTACKER)).isZero();
        assertThat(basicFrom(ATTACKER, "camat.ajibarang", "tebakan-13")).isEqualTo(401);

        assertThat(basicFrom(OFFICE, "camat.ajibarang", STAFF_PASSWORD)).as("pengguna sebenarnya menunggu jeda akun").isEqualTo(401);
        assertThat(basicFrom(OFFICE, "camat.arut-selatan", STAFF_PASSWORD)).as("pengguna lain tidak terpengaruh").isEqualTo(200);
        advance(Duration.ofSeconds(30));
        assertThat(basicFrom(OFFICE, "camat.ajibarang", STAFF_PASSWORD)).as("setelah 30 detik: masuk").isEqualTo(200);
        assertThat(basicFrom(ATTACKER, "camat.ajibarang", STAFF_PASSWORD))
                .as("alamat penebak masih menunggu, meski dengan kata sandi yang benar").isEqualTo(401);
        assertThat(attempts.waitFor(ATTACKER)).isGreaterThan(Duration.ofMinutes(5));
    }

    @Test
    void whileThrottledTheRightPasswordIsRefusedAndTheLoginPageSaysHowLongToWait() {
        ProcessInstance dpa = startAs("camat.ajibarang", "dpa");
        Task task = openTask(dpa);
        for (int i = 1; i <= 5; i++) {
            assertThat(rest.withBasicAuth("camat.ajibarang", "tebakan-" + i).getForEntity("/engine-rest/task", String.class)
                    .getStatusCode().value()).isEqualTo(401);
        }

        assertThat(postJson(as("camat.ajibarang"), "/engine-rest/task/" + task.getId() + "/complete", approvalJson(true, "ditunda"))
                .getStatusCode().value()).as("kata sandi benar ditolak selama jeda").isEqualTo(401);
        StringBuilder cookie = new StringBuilder();
        assertThat(formLogin("camat.ajibarang", STAFF_PASSWORD, cookie).getHeaders().getLocation().toString()).endsWith("/login?terkunci");
        assertThat(noRedirects().getForEntity("/login?terkunci", String.class).getBody())
                .contains("Terlalu banyak percobaan masuk yang gagal; coba lagi dalam 5 detik.");
        assertUntouched(task, "disetujui", "catatan");

        advance(Duration.ofSeconds(5));
        login("camat.ajibarang");
        assertThat(as("camat.ajibarang").getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void fourWrongPasswordsCostNothingAndASuccessStartsTheCountAgain() {
        for (int round = 1; round <= 2; round++) {
            for (int i = 1; i <= 4; i++) {
                assertThat(rest.withBasicAuth("sekcam.ajibarang", "tebakan-" + i).getForEntity("/engine-rest/task", String.class)
                        .getStatusCode().value()).isEqualTo(401);
            }
            assertThat(as("sekcam.ajibarang").getForEntity("/engine-rest/task", String.class).getStatusCode().value())
                    .as("putaran " + round).isEqualTo(200);
        }
    }

    /**
     * An office behind one address: thirty users' first HTTP Basic requests (no verified password kept yet) arrive at
     * the same moment, three each. None of them is refused: an attempt being checked is not a failed one, so a burst
     * of right passwords never adds up to the free failures of the address (seen as an intermittent 401 under load).
     */
    @Test
    void manyUsersFirstRequestsFromOneAddressAtOnceAreAllLetIn() throws Exception {
        List<String> users = identityService.createUserQuery().list().stream().map(org.camunda.bpm.engine.identity.User::getId)
                .filter(id -> !id.equals("admin")).sorted().limit(30).toList();
        assertThat(users).hasSizeGreaterThanOrEqualTo(30);
        credentials.forgetAll();
        attempts.clear();
        Integer sessionsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class);
        ExecutorService clients = Executors.newFixedThreadPool(users.size() * 3);
        try {
            CyclicBarrier together = new CyclicBarrier(users.size() * 3);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String user : users) {
                for (int i = 0; i < 3; i++) {
                    String path = i == 0 ? "/engine-rest/task?maxResults=1" : "/api/saya";
                    answers.add(clients.submit(() -> {
                        together.await();
                        return as(user).getForEntity(path, String.class).getStatusCode().value();
                    }));
                }
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(2, TimeUnit.MINUTES));
            }
            assertThat(statuses).as("jawaban untuk " + users.size() + " pengguna x 3 permintaan pertama serentak").containsOnly(200);
        } finally {
            clients.shutdownNow();
        }
        assertThat(attempts.waitFor("127.0.0.1")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class))
                .as("permintaan HTTP Basic tanpa cookie tidak membuat sesi").isEqualTo(sessionsBefore);
    }
}
