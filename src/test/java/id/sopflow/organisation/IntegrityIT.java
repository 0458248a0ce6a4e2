package id.sopflow.organisation;

import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The record is trustworthy: an approval is given at its own step and never inherited, no step is skipped,
 * no code comes in through a browser, and what a client does wrong is a clear 4xx with nothing stored.
 * Everything through {@code /engine-rest} as the demo users would, over HTTP Basic.
 */
class IntegrityIT extends AccessTestBase {

    private static final String PELAKSANA = "pelaksana.arut-selatan";

    @Autowired
    RepositoryService repositories;

    // --- 1. approvals are given, never inherited -----------------------------------------------------------

    @Test
    void eachReviewStepNeedsItsOwnDecisionAndTheAuditShowsWhoDecidedWhat() {
        ProcessInstance renja = startAs(PELAKSANA, "renja");
        walkTo(renja, "langkah_09");
        Task kasubbag = openTask(renja);
        assertThat(complete("kasubbag.arut-selatan", kasubbag, approvalJson(true, "Sudah sesuai")).getStatusCode().value()).isEqualTo(204);

        Task sekcam = openTask(renja);
        assertThat(sekcam.getTaskDefinitionKey()).isEqualTo("langkah_10");
        // the Kasubbag's approval is not the Sekcam's: completing without a decision is refused
        ResponseEntity<String> none = complete("sekcam.arut-selatan", sekcam, "{}");
        assertThat(none.getStatusCode().value()).isEqualTo(400);
        assertThat(none.getBody()).contains("langkah 10 adalah langkah pemeriksaan", "disetujui");
        ResponseEntity<String> noVariables = complete("sekcam.arut-selatan", sekcam, "{\"variables\": {}}");
        assertThat(noVariables.getStatusCode().value()).isEqualTo(400);
        assertThat(submitForm("sekcam.arut-selatan", sekcam, "{}").getStatusCode().value()).isEqualTo(400);
        assertThat(runtimeService.getVariables(renja.getId())).doesNotContainKeys(ProcessContract.APPROVED, ProcessContract.NOTE)
                .containsEntry(ProcessContract.decisionVariable(9), true);
        assertThat(openTask(renja).getId()).as("still waiting for the Sekcam").isEqualTo(sekcam.getId());

        assertThat(complete("sekcam.arut-selatan", sekcam, approvalJson(true, "Lanjut ke Camat")).getStatusCode().value()).isEqualTo(204);
        Task camat = openTask(renja);
        assertThat(camat.getTaskDefinitionKey()).isEqualTo("langkah_11");
        assertThat(complete("camat.arut-selatan", camat, "{}").getStatusCode().value()).isEqualTo(400);
        assertThat(complete("camat.arut-selatan", camat, approvalJson(false, "Perbaiki target kinerja")).getStatusCode().value())
                .isEqualTo(204);
        assertThat(openTask(renja).getTaskDefinitionKey()).as("sent back to the drafting step").isEqualTo("langkah_07");

        List<Map<String, Object>> audit = getList(as("sekcam.arut-selatan"), "/api/instances/" + renja.getId() + "/audit").getBody();
        assertThat(audit).filteredOn(e -> e.get("apa").toString().matches("menyetujui|mengembalikan.*"))
                .extracting(e -> e.get("siapa"), e -> e.get("apa"), e -> e.get("langkah"), e -> e.get("catatan"))
                .containsExactly(
                        tuple("kasubbag.arut-selatan", "menyetujui", 9, "Sudah sesuai"),
                        tuple("sekcam.arut-selatan", "menyetujui", 10, "Lanjut ke Camat"),
                        tuple("camat.arut-selatan", "mengembalikan (tidak disetujui)", 11, "Perbaiki target kinerja"));
    }

    @Test
    void aDecisionThatIsNoBooleanOrARejectionWithoutANoteIsRefusedAndNothingIsStored() {
        ProcessInstance renja = startAs(PELAKSANA, "renja");
        walkTo(renja, "langkah_09");
        Task review = openTask(renja);
        String reviewer = "kasubbag.arut-selatan";

        assertRefused(complete(reviewer, review, variables("\"disetujui\": {\"value\": \"ya\"}")), "'disetujui' harus boolean");
        assertRefused(complete(reviewer, review, variables("\"disetujui\": {\"value\": 1, \"type\": \"Integer\"}")), "'disetujui' harus boolean");
        assertRefused(complete(reviewer, review, variables("\"disetujui\": {\"value\": false, \"type\": \"Boolean\"}")),
                "memerlukan 'catatan'");
        assertRefused(complete(reviewer, review, approvalJson(false, "x".repeat(ProcessContract.NOTE_MAX_LENGTH + 1))),
                "'catatan' terlalu panjang");
        assertRefused(complete(reviewer, review, variables("\"disetujui\": {\"value\": true, \"type\": \"Boolean\"}, "
                + "\"rencanaSelesai\": {\"value\": \"2030-01-01T00:00:00.000+0700\", \"type\": \"Date\"}")), "rencanaSelesai");
        assertRefused(complete(reviewer, review, variables("\"disetujui\": {\"value\": \"rO0ABXQAA2FiYw==\", \"type\": \"Object\", "
                + "\"valueInfo\": {\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}")),
                "objek terserialisasi");

        assertThat(openTask(renja).getId()).isEqualTo(review.getId());
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(renja.getId())
                .variableName(ProcessContract.NOTE).list()).extracting(v -> v.getValue()).containsOnlyNulls();
    }

    @Test
    void aStepThatIsNoReviewTakesNoVariables() {
        ProcessInstance renja = startAs(PELAKSANA, "renja");
        Task first = openTask(renja);
        assertRefused(complete(PELAKSANA, first, variables("\"disetujui\": {\"value\": true, \"type\": \"Boolean\"}")),
                "bukan langkah pemeriksaan");
        assertRefused(complete(PELAKSANA, first, variables("\"rencanaSelesai\": {\"value\": \"2030-01-01T00:00:00.000+0700\", \"type\": \"Date\"}")),
                "bukan langkah pemeriksaan");
        assertThat(runtimeService.getVariables(renja.getId())).doesNotContainKey(ProcessContract.APPROVED);
    }

    @Test
    void aStepIsNotEndedByABpmnErrorOrEscalation() {
        ProcessInstance renja = startAs(PELAKSANA, "renja");
        Task first = openTask(renja);
        String deadline = "\"variables\": {\"tenggatLaporan\": {\"value\": \"2099-12-31T00:00:00.000+0700\", \"type\": \"Date\"}}";
        for (String user : List.of(PELAKSANA, "admin")) {
            ResponseEntity<String> error = postJson(as(user), "/engine-rest/task/" + first.getId() + "/bpmnError",
                    "{\"errorCode\": \"x\", " + deadline + "}");
            assertThat(error.getStatusCode().value()).as(user + " " + error.getBody()).isEqualTo(403);
            ResponseEntity<String> escalation = postJson(as(user), "/engine-rest/task/" + first.getId() + "/bpmnEscalation",
                    "{\"escalationCode\": \"x\", " + deadline + "}");
            assertThat(escalation.getStatusCode().value()).as(user + " " + escalation.getBody()).isEqualTo(403);
        }
        assertUntouched(first, "tenggatLaporan");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(renja.getId()).count()).isOne();
    }

    // --- 2. no skipping the SOP ----------------------------------------------------------------------------

    @Test
    void onlyTheAdminStartsAnywhereButTheStartEventOrMovesAnInstanceAndTheAuditShowsIt() {
        long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("renja").count();
        String atTheEnd = "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"selesai\"}]}";
        String skipping = "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"langkah_05\"}],"
                + " \"skipCustomListeners\": true, \"skipIoMappings\": true}";
        assertThat(postJson(as(PELAKSANA), "/engine-rest/process-definition/key/renja/start", atTheEnd).getStatusCode().value())
                .isEqualTo(403);
        assertThat(postJson(as(PELAKSANA), "/engine-rest/process-definition/key/renja/start", skipping).getStatusCode().value())
                .isEqualTo(403);
        assertThat(postJson(as("sekcam.arut-selatan"), "/engine-rest/process-definition/key/renja/start", atTheEnd).getStatusCode().value())
                .isEqualTo(403);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("renja").count()).isEqualTo(before);

        ProcessInstance renja = startAs(PELAKSANA, "renja");
        String move = "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"langkah_12\"},"
                + " {\"type\": \"cancel\", \"activityId\": \"langkah_01\"}], \"skipCustomListeners\": true}";
        assertThat(postJson(as("sekcam.arut-selatan"), "/engine-rest/process-instance/" + renja.getId() + "/modification", move)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(openTask(renja).getTaskDefinitionKey()).isEqualTo("langkah_01");

        // the admin may, and it is on the record
        assertThat(postJson(as("admin"), "/engine-rest/process-instance/" + renja.getId() + "/modification", move)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(openTask(renja).getTaskDefinitionKey()).isEqualTo("langkah_12");
        assertThat(getList(as("sekcam.arut-selatan"), "/api/instances/" + renja.getId() + "/audit").getBody())
                .extracting(e -> e.get("siapa"), e -> e.get("apa"))
                .contains(tuple("admin", "memindahkan posisi langkah (modifikasi instance, admin)"));

        // not even the admin starts at a step whose kelengkapan is not in the (new, empty) dossier: Renja step 5 needs the draft
        String startAt = "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"%s\"}],"
                + " \"variables\": {\"kecamatan\": {\"value\": \"arut-selatan\", \"type\": \"String\"}}}";
        ResponseEntity<String> withoutDraft = postJson(as("admin"), "/engine-rest/process-definition/key/renja/start", startAt.formatted("langkah_05"));
        assertThat(withoutDraft.getStatusCode().value()).isEqualTo(409);
        assertThat(withoutDraft.getBody()).contains("Langkah 5").contains("belum dapat dimulai");
        ResponseEntity<Map<String, Object>> adminStart = exchangeMap(as("admin"), "/engine-rest/process-definition/key/renja/start",
                startAt.formatted("langkah_02"));
        assertThat(adminStart.getStatusCode().value()).isEqualTo(200);
        assertThat(getList(as("sekcam.arut-selatan"), "/api/instances/" + adminStart.getBody().get("id") + "/audit").getBody())
                .extracting(e -> e.get("siapa"), e -> e.get("apa"), e -> e.get("catatan"))
                .contains(tuple("admin", "memulai SOP", "dimulai di tengah alur, pada langkah_02"));
    }

    // --- 3. no code through the browser --------------------------------------------------------------------

    @Test
    void nobodyDeploysThroughTheRestApiNotEvenTheAdmin() {
        long before = repositories.createDeploymentQuery().count();
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "jahat");
        form.add("data", new ByteArrayResource("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
                  <process id="jahat" isExecutable="true"><startEvent id="s"/></process>
                </definitions>
                """.getBytes()) {
            @Override
            public String getFilename() {
                return "jahat.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> deploy = as("admin").exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);

        assertThat(deploy.getStatusCode().value()).isEqualTo(403);
        assertThat(deploy.getBody()).contains("config/sop");
        assertThat(repositories.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void aBrowsersRequestNeedsTheCsrfTokenEvenWithBasicCredentials() {
        HttpHeaders crossSite = new HttpHeaders();
        crossSite.setContentType(MediaType.APPLICATION_JSON);
        crossSite.add(HttpHeaders.ORIGIN, "https://situs-jahat.example");
        ResponseEntity<String> fromPage = as("admin").exchange("/engine-rest/process-definition/key/dpa/start", HttpMethod.POST,
                new HttpEntity<>("{\"variables\": {\"kecamatan\": {\"value\": \"ajibarang\"}}}", crossSite), String.class);
        assertThat(fromPage.getStatusCode().value()).isEqualTo(403);

        Session session = login("camat.ajibarang");
        HttpHeaders withCookie = session.headers();
        withCookie.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> basicAndCookie = as("camat.ajibarang").exchange("/engine-rest/process-definition/key/dpa/start",
                HttpMethod.POST, new HttpEntity<>("{}", withCookie), String.class);
        assertThat(basicAndCookie.getStatusCode().value()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("dpa").count()).isZero();

        // a plain REST client (no cookie, no browser header) still works with HTTP Basic alone
        assertThat(postJson(as("camat.ajibarang"), "/engine-rest/process-definition/key/dpa/start", "{}").getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void thereIsNoSpringBootDefaultUserBesideCamundasUsers(@Autowired org.springframework.context.ApplicationContext context) {
        assertThat(context.getBeanNamesForType(org.springframework.security.core.userdetails.UserDetailsService.class))
                .as("no in-memory 'user' with a password printed in the log").isEmpty();
        assertThat(rest.withBasicAuth("user", "user").getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theSessionCookieIsSameSiteAndHttpOnly() {
        ResponseEntity<String> page = noRedirects().getForEntity("/login", String.class);
        String cookie = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax");
    }

    // --- 5. 4xx, never 500 ---------------------------------------------------------------------------------

    @Test
    void startsWithoutABodyOrWithBadVariablesAreAnsweredWithoutA500() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        for (String url : List.of("/engine-rest/process-definition/key/lakip/start", "/engine-rest/process-definition/key/lakip/submit-form",
                "/api/sop/lakip/mulai")) {
            ResponseEntity<String> empty = as(PELAKSANA).exchange(url, HttpMethod.POST, new HttpEntity<>(json), String.class);
            assertThat(empty.getStatusCode().value()).as(url).isBetween(200, 499);
            ResponseEntity<String> jsonNull = as(PELAKSANA).exchange(url, HttpMethod.POST, new HttpEntity<>("null", json), String.class);
            assertThat(jsonNull.getStatusCode().value()).as(url + " null").isBetween(200, 499);
        }
        long before = runtimeService.createProcessInstanceQuery().count();
        String start = "/engine-rest/process-definition/key/lakip/start";
        assertRefused(postJson(as(PELAKSANA), start, "{\"businessKey\": \"" + "B".repeat(300) + "\"}"), "business key terlalu panjang");
        assertRefused(postJson(as(PELAKSANA), start, variables("\"periode\": {\"value\": \"" + "x".repeat(5000) + "\"}")), "terlalu panjang");
        assertRefused(postJson(as(PELAKSANA), start, variables("\"x\": {\"value\": \"rO0ABXQAA2FiYw==\", \"type\": \"Object\", \"valueInfo\": "
                + "{\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\": \"application/x-java-serialized-object\"}}")),
                "objek terserialisasi");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            many.append(i == 0 ? "" : ", ").append("\"v").append(i).append("\": {\"value\": ").append(i).append("}");
        }
        assertRefused(postJson(as(PELAKSANA), start, variables(many.toString())), "terlalu banyak variabel");
        assertRefused(postJson(as(PELAKSANA), "/api/sop/lakip/mulai", "{\"businessKey\": \"" + "B".repeat(300) + "\"}"), "business key");
        assertThat(runtimeService.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);
    }

    @Test
    void startersCannotMoveDeadlines() {
        String start = "/engine-rest/process-definition/key/rfk-teppa/start";
        assertRefused(postJson(as(PELAKSANA), start, variables("\"tenggatLaporan\": {\"value\": \"2099-01-04T00:00:00.000+0700\", \"type\": \"Date\"}")),
                "tenggatLaporan");
        assertRefused(postJson(as(PELAKSANA), start, variables("\"rencanaSelesai\": {\"value\": \"2099-01-04T00:00:00.000+0700\", \"type\": \"Date\"}")),
                "rencanaSelesai");
        assertRefused(postJson(as(PELAKSANA), start, variables("\"mutuBakuLangkah\": {\"value\": \"mulai=2099-01-01T00:00:00Z\"}")),
                "mutuBakuLangkah");
        assertRefused(postJson(as(PELAKSANA), start, variables("\"langkah_06_disetujui\": {\"value\": true, \"type\": \"Boolean\"}")),
                "langkah_06_disetujui");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("rfk-teppa").count()).isZero();
        // the period a user names is fine
        assertThat(postJson(as(PELAKSANA), start, variables("\"periode\": {\"value\": \"2026-11\"}")).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theSameTaskCompletedTwiceAtOnceIsOne204AndOne409() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                Task task = openTask(startAs(PELAKSANA, "lakip"));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return postJson(as(PELAKSANA), "/engine-rest/task/" + task.getId() + "/complete", "{}");
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<ResponseEntity<String>> answer : answers) {
                    ResponseEntity<String> response = answer.get();
                    statuses.add(response.getStatusCode().value());
                    if (response.getStatusCode().value() == 409) {
                        assertThat(response.getBody()).containsAnyOf("sudah diselesaikan", "baru saja diubah");
                    }
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(204, 409);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void calendarRequestsOutOfRangeOrForAnUnknownKecamatanAre400AndStoreNothing() {
        assertRefused(as("admin").getForEntity("/api/kalender/tenggat?mulai=9999-12-31T10:00&waktu=1 hari", String.class), "di luar rentang");
        assertRefused(as("admin").getForEntity("/api/kalender/tenggat?mulai=2026-11-23T10:00&waktu=1 hari&kecamatan=entah", String.class),
                "tidak dikenal");
        assertRefused(postJson(as("admin"), "/api/kalender/libur", "{\"tanggal\": \"2027-03-03\", \"nama\": \"Hari jadi\", \"kecamatan\": \"entah\"}"),
                "kecamatan 'entah' tidak dikenal");
        assertRefused(postJson(as("admin"), "/api/kalender/libur", "{\"tanggal\": \"2027-03-04\", \"nama\": \"" + "n".repeat(300) + "\"}"),
                "'nama' terlalu panjang");
        assertThat(getList(as("admin"), "/api/kalender/libur?tahun=2027").getBody()).extracting(d -> d.get("tanggal"))
                .doesNotContain("2027-03-03", "2027-03-04");
    }

    // --- 7. reading what one may not read: 404 ----------------------------------------------------------------

    @Test
    void subResourcesOfAnotherKecamatanOrOfAnUnknownIdAre404() {
        ProcessInstance ajibarang = startAs("pelaksana.ajibarang", "lakip");
        for (String url : List.of("/engine-rest/process-instance/" + ajibarang.getId() + "/variables",
                "/engine-rest/process-instance/" + ajibarang.getId() + "/activity-instances",
                "/engine-rest/process-instance/tidak-ada/variables", "/engine-rest/task/tidak-ada/variables",
                "/engine-rest/execution/tidak-ada/localVariables")) {
            ResponseEntity<String> answer = as("sekcam.arut-selatan").getForEntity(url, String.class);
            assertThat(answer.getStatusCode().value()).as(url).isEqualTo(404);
            assertThat(answer.getBody()).as(url).doesNotContain("ajibarang");
        }
    }

    @Test
    void operationLogEntriesThatBelongToNoInstanceAreTheAdminsOnly() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> change = as("sekcam.arut-selatan").exchange("/engine-rest/user/sekcam.arut-selatan/credentials", HttpMethod.PUT,
                new HttpEntity<>("{\"password\": \"" + STAFF_PASSWORD + "\", \"authenticatedUserPassword\": \"" + STAFF_PASSWORD + "\"}", json),
                String.class);
        assertThat(change.getStatusCode().value()).isEqualTo(204);
        startAs("sekcam.arut-selatan", "lakip");

        for (String user : List.of("sekcam.arut-selatan", "camat.arut-selatan", "staf.bappeda", PELAKSANA)) {
            assertThat(getList(as(user), "/engine-rest/history/user-operation?entityType=User").getBody()).as(user).isEmpty();
        }
        assertThat(getList(as("admin"), "/engine-rest/history/user-operation?entityType=User").getBody()).isNotEmpty();
        // their own kecamatan's process history stays readable for the Sekcam
        assertThat(getList(as("sekcam.arut-selatan"), "/engine-rest/history/process-instance?processDefinitionKey=lakip").getBody())
                .isNotEmpty();
    }

    // --- found by an attack review ----------------------------------------------------------------------------

    @Test
    void nobodyDeletesADeploymentOrADefinitionWithTheInstancesAndTheirHistory() {
        ProcessInstance lakip = startAs(PELAKSANA, "lakip");
        String deployment = repositories.createProcessDefinitionQuery().processDefinitionKey("lakip").withoutTenantId().latestVersion()
                .singleResult().getDeploymentId();
        ResponseEntity<String> delete = as("admin").exchange("/engine-rest/deployment/" + deployment + "?cascade=true", HttpMethod.DELETE,
                null, String.class);
        assertThat(delete.getStatusCode().value()).isEqualTo(403);
        assertThat(as("admin").exchange("/engine-rest/process-definition/key/lakip?cascade=true", HttpMethod.DELETE, null, String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(lakip.getId()).count()).isOne();
    }

    @Test
    void aStepIsClaimedForOneselfOnlySoNoReviewerHandsTheirReviewToTheDrafter() {
        ProcessInstance renja = startAs(PELAKSANA, "renja");
        walkTo(renja, "langkah_09");
        Task review = openTask(renja);
        assertThat(postJson(as("kasubbag.arut-selatan"), "/engine-rest/task/" + review.getId() + "/claim", "{\"userId\": \"" + PELAKSANA + "\"}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(postJson(as(PELAKSANA), "/engine-rest/task/" + review.getId() + "/claim", "{\"userId\": \"camat.ajibarang\"}")
                .getStatusCode().value()).isEqualTo(404);
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
        assertThat(postJson(as("kasubbag.arut-selatan"), "/engine-rest/task/" + review.getId() + "/claim",
                "{\"userId\": \"kasubbag.arut-selatan\"}").getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> twice = postJson(as("kasubbag.arut-selatan"), "/engine-rest/task/" + review.getId() + "/claim",
                "{\"userId\": \"kasubbag.arut-selatan\"}");
        assertThat(postJson(as("admin"), "/engine-rest/task/" + review.getId() + "/claim", "{\"userId\": \"admin\"}").getStatusCode().value())
                .as("already claimed").isEqualTo(409);
        assertThat(twice.getStatusCode().value()).isIn(204, 409);
        assertRefused(postJson(as("kasubbag.arut-selatan"), "/engine-rest/task/" + review.getId() + "/resolve", approvalJson(true, "ok")),
                "tidak didelegasikan");
        assertRefused(complete("kasubbag.arut-selatan", review, variables("\"disetujui\": {\"value\": true, \"type\": \"Boolean\", "
                + "\"valueInfo\": {\"transient\": true}}")), "transient");
    }

    @Test
    void anotherKecamatansIdsAnswerExactlyLikeUnknownOnesAndItsCountsAreNotShown() {
        ProcessInstance arutSelatan = startAs(PELAKSANA, "lakip");
        Task task = openTask(arutSelatan);
        for (String[] pair : List.of(
                new String[] {"/engine-rest/process-instance/" + arutSelatan.getId() + "/variables", "/engine-rest/process-instance/" + unknownId() + "/variables"},
                new String[] {"/engine-rest/task/" + task.getId() + "/form-variables", "/engine-rest/task/" + unknownId() + "/form-variables"})) {
            ResponseEntity<String> other = as("sekcam.ajibarang").getForEntity(pair[0], String.class);
            ResponseEntity<String> unknown = as("sekcam.ajibarang").getForEntity(pair[1], String.class);
            assertThat(other.getStatusCode().value()).as(pair[0]).isEqualTo(404);
            assertThat(unknown.getStatusCode().value()).as(pair[1]).isEqualTo(404);
            assertThat(other.getBody()).isEqualTo(unknown.getBody());
        }
        String definition = arutSelatan.getProcessDefinitionId();
        assertThat(as("sekcam.ajibarang").getForEntity("/engine-rest/history/process-definition/" + definition + "/statistics", String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(as("admin").getForEntity("/engine-rest/history/process-definition/" + definition + "/statistics", String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(as(PELAKSANA).getForEntity("/engine-rest/task?maxResults=abc", String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(postJson(as(PELAKSANA), "/engine-rest/process-definition/key/rfk-teppa-bulanan/start", "{}").getStatusCode().value())
                .as("a schedule runs by its timer only").isEqualTo(403);
    }

    @Test
    void evenTheAdminCannotPatchOrRemoveWhatSopflowComputes() {
        ProcessInstance renja = startAs(PELAKSANA, "renja");
        assertRefused(postJson(as("admin"), "/engine-rest/process-instance/" + renja.getId() + "/variables",
                "{\"modifications\": {\"langkah_10_disetujui\": {\"value\": true, \"type\": \"Boolean\"}}}"), "langkah_10_disetujui");
        assertRefused(postJson(as("admin"), "/engine-rest/process-instance/" + renja.getId() + "/variables",
                "{\"deletions\": [\"rencanaSelesai\"]}"), "rencanaSelesai");
        assertRefused(as("admin").exchange("/engine-rest/process-instance/" + renja.getId() + "/variables/rencanaSelesai", HttpMethod.DELETE,
                null, String.class), "rencanaSelesai");
        assertThat(runtimeService.getVariables(renja.getId())).containsKey("rencanaSelesai").doesNotContainKey("langkah_10_disetujui");
    }

    private static String unknownId() {
        return java.util.UUID.randomUUID().toString();
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** Completes the steps of a Renja of Arut Selatan, as the user of each step's role, until the given step waits. */
    private void walkTo(ProcessInstance instance, String stepId) {
        for (int guard = 0; guard < 20; guard++) {
            Task task = openTask(instance);
            if (task.getTaskDefinitionKey().equals(stepId)) {
                return;
            }
            String role = taskService.getIdentityLinksForTask(task.getId()).get(0).getGroupId();
            String user = (role.equals("pengadministrasi") ? "umum" : role) + ".arut-selatan";
            provideDocuments(task);
            assertThat(complete(user, task, "{}").getStatusCode().value()).as(task.getTaskDefinitionKey()).isEqualTo(204);
        }
        throw new AssertionError(stepId + " tidak tercapai");
    }

    private ResponseEntity<String> complete(String user, Task task, String body) {
        return postJson(as(user), "/engine-rest/task/" + task.getId() + "/complete", body);
    }

    private ResponseEntity<String> submitForm(String user, Task task, String body) {
        return postJson(as(user), "/engine-rest/task/" + task.getId() + "/submit-form", body);
    }

    private ResponseEntity<Map<String, Object>> exchangeMap(org.springframework.boot.test.web.client.TestRestTemplate client, String url,
                                                            String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange(url, HttpMethod.POST, new HttpEntity<>(json, headers),
                new org.springframework.core.ParameterizedTypeReference<>() { });
    }

    private static String variables(String inner) {
        return "{\"variables\": {" + inner + "}}";
    }

    private static void assertRefused(ResponseEntity<String> response, String message) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains(message);
    }
}
