package id.sopflow.bappeda;

import id.sopflow.metrics.MetricNames;
import id.sopflow.organisation.AccessTestBase;
import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 end to end over HTTP: a kecamatan's sending step reaches Bappeda's inbox with its signed document and letter;
 * Bappeda receives it with a tanda terima (which ends the kecamatan's process) or returns it with a note (which sends the
 * kecamatan back to its revision step, and the corrected document comes back as the next version); a second answer is
 * refused; Bappeda sees what was sent and nothing else of a kecamatan, through SOPflow's API and the engine's alike.
 */
class BappedaIT extends AccessTestBase {

    private static final String BAPPEDA = "staf.bappeda";
    private static final String PELAKSANA = "pelaksana.arut-selatan";

    @Autowired
    TaskService tasks;
    @Autowired
    RepositoryService repository;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /** The alerts of the timers fired here would be the next tests' (they share the application context). */
    @org.junit.jupiter.api.AfterEach
    void forgetAlerts() {
        jdbc.update("delete from SOPFLOW_PERINGATAN");
        jdbc.update("delete from SOPFLOW_PEMBERITAHUAN");
    }

    @Test
    void aRupReachesBappedaAndIsReceivedWithATandaTerimaThatEndsTheKecamatansProcess() {
        ProcessInstance rup = startAs(PELAKSANA, "rup");
        walk(rup.getId(), 3);
        // before anything is sent, Bappeda sees nothing of the instance: not its dossier, history, tasks or the instance
        assertThat(getMap(as(BAPPEDA), "/api/instances/" + rup.getId() + "/dokumen").getStatusCode().value()).isEqualTo(404);
        assertThat(getMap(as(BAPPEDA), "/engine-rest/process-instance/" + rup.getId()).getStatusCode().value()).isEqualTo(404);
        assertThat(getMap(as(BAPPEDA), "/engine-rest/history/process-instance/" + rup.getId()).getStatusCode().value()).isEqualTo(404);
        assertThat(getList(as(BAPPEDA), "/engine-rest/task?processInstanceId=" + rup.getId()).getBody()).isEmpty();
        assertThat(getMap(as(BAPPEDA), "/api/instances/" + rup.getId() + "/audit").getStatusCode().value()).isEqualTo(404);
        assertThat(getList(as(BAPPEDA), "/api/kiriman").getBody()).noneMatch(s -> rup.getId().equals(s.get("prosesInstanceId")));

        walk(rup.getId(), 99);
        assertThat(waitingAt(rup.getId())).containsExactly("langkah_11_menunggu");
        List<Map<String, Object>> inbox = getList(as(BAPPEDA), "/api/kiriman?status=terkirim&sop=rup&kecamatan=arut-selatan").getBody()
                .stream().filter(s -> rup.getId().equals(s.get("prosesInstanceId"))).toList();
        assertThat(inbox).hasSize(1);
        Map<String, Object> sent = inbox.get(0);
        assertThat(sent).containsEntry("status", "terkirim").containsEntry("versi", 1).containsEntry("langkah", 11)
                .containsEntry("dikirimOleh", PELAKSANA).containsEntry("kecamatan", "arut-selatan").containsEntry("dokumen", "RUP");
        String id = (String) sent.get("id");
        Map<String, Object> detail = getMap(as(BAPPEDA), "/api/kiriman/" + id).getBody();
        List<Map<String, Object>> documents = versions(detail).get("1");
        assertThat(documents).extracting(d -> d.get("jenis"))
                .containsExactlyInAnyOrder("RUP yang ditandatangani", "surat pengantar yang ditandatangani");
        assertThat(detail).containsEntry("bolehMenjawab", true);
        // the sent document downloads; a draft of the same instance does not, nor does the dossier
        ResponseEntity<byte[]> file = as(BAPPEDA).exchange((String) documents.get(0).get("unduh"), HttpMethod.GET, null, byte[].class);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getBody()).startsWith("%PDF-".getBytes());
        String draft = dossier.newestOf(rup.getId(), List.of("berkas draf RUP")).get(0).id();
        assertThat(as(BAPPEDA).exchange("/api/kiriman/" + id + "/dokumen/" + draft + "/isi", HttpMethod.GET, null, byte[].class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(getMap(as(BAPPEDA), "/api/instances/" + rup.getId() + "/dokumen").getStatusCode().value()).isEqualTo(404);
        // the kecamatan reads its submission but does not answer it; another kecamatan does not even see it
        assertThat(getMap(as(PELAKSANA), "/api/kiriman/" + id).getBody()).containsEntry("bolehMenjawab", false);
        assertThat(postJson(as(PELAKSANA), "/api/kiriman/" + id + "/terima", "").getStatusCode().value()).isEqualTo(403);
        assertThat(getMap(as("camat.ajibarang"), "/api/kiriman/" + id).getStatusCode().value()).isEqualTo(404);
        assertThat(postJson(as("camat.ajibarang"), "/api/kiriman/" + id + "/terima", "").getStatusCode().value()).isEqualTo(404);

        ResponseEntity<Map<String, Object>> received = postMap(BAPPEDA, "/api/kiriman/" + id + "/terima", "");
        assertThat(received.getStatusCode().value()).isEqualTo(200);
        assertThat(received.getBody()).containsEntry("status", "diterima").containsEntry("dijawabOleh", BAPPEDA);
        assertThat((String) received.getBody().get("tandaTerima")).matches("TT/\\d{4}/\\d{4}");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(rup.getId()).count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(rup.getId()).activityId("selesai").count()).isEqualTo(1);
        // the kecamatan sees the tanda terima, and is told
        assertThat(getMap(as("sekcam.arut-selatan"), "/api/kiriman/" + id).getBody().get("kiriman").toString())
                .contains((String) received.getBody().get("tandaTerima"));
        assertThat(getList(as("sekcam.arut-selatan"), "/api/pemberitahuan").getBody()).extracting(n -> (String) n.get("pesan"))
                .anyMatch(p -> p.contains("diterima Bappeda dengan tanda terima " + received.getBody().get("tandaTerima")));

        // a second answer is refused cleanly, and changes nothing
        ResponseEntity<Map<String, Object>> again = postMap(BAPPEDA, "/api/kiriman/" + id + "/terima", "");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("detail").toString()).contains("sudah diterima").contains((String) received.getBody().get("tandaTerima"));
        assertThat(postMap(BAPPEDA, "/api/kiriman/" + id + "/kembalikan", "{\"catatan\": \"salah\"}").getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aReturnedRupGoesBackToItsRevisionStepAndComesBackAsTheNextVersion() {
        double sentBefore = submissions(MetricNames.SUBMISSIONS_SENT);
        double receivedBefore = submissions(MetricNames.SUBMISSIONS_RECEIVED);
        ProcessInstance rup = startAs(PELAKSANA, "rup");
        walk(rup.getId(), 99);
        String id = submissionOf(rup.getId());

        ResponseEntity<Map<String, Object>> noNote = postMap(BAPPEDA, "/api/kiriman/" + id + "/kembalikan", "{}");
        assertThat(noNote.getStatusCode().value()).isEqualTo(400);
        assertThat(noNote.getBody().get("detail").toString()).contains("catatan");
        ResponseEntity<Map<String, Object>> returned = postMap(BAPPEDA, "/api/kiriman/" + id + "/kembalikan",
                "{\"catatan\": \"Lampiran paket pekerjaan belum ada\"}");
        assertThat(returned.getStatusCode().value()).isEqualTo(200);
        assertThat(returned.getBody()).containsEntry("status", "dikembalikan").containsEntry("catatan", "Lampiran paket pekerjaan belum ada");
        Task revision = tasks.createTaskQuery().processInstanceId(rup.getId()).singleResult();
        assertThat(revision.getTaskDefinitionKey()).isEqualTo("langkah_06");
        assertThat(postMap(BAPPEDA, "/api/kiriman/" + id + "/terima", "").getStatusCode().value()).isEqualTo(409);

        walk(rup.getId(), 99);
        Map<String, Object> detail = getMap(as(BAPPEDA), "/api/kiriman/" + id).getBody();
        assertThat(detail.get("kiriman").toString()).contains("versi=2").contains("status=terkirim");
        assertThat(versions(detail)).containsOnlyKeys("2", "1");
        assertThat((List<?>) detail.get("riwayat")).hasSize(3);
        assertThat(postMap(BAPPEDA, "/api/kiriman/" + id + "/terima", "").getBody()).containsEntry("status", "diterima").containsEntry("versi", 2);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(rup.getId()).count()).isZero();
        // the metrics: both versions were sent, one was received (a return is no receipt)
        assertThat(submissions(MetricNames.SUBMISSIONS_SENT) - sentBefore).isEqualTo(2.0);
        assertThat(submissions(MetricNames.SUBMISSIONS_RECEIVED) - receivedBefore).isEqualTo(1.0);
    }

    /** A submission counter of Arut Selatan's RUP (0 before the first). */
    private double submissions(String name) {
        io.micrometer.core.instrument.Counter counter = meters.find(name).tag(MetricNames.SOP, "rup")
                .tag(MetricNames.KECAMATAN, "arut-selatan").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void noClientFakesASubmissionOrAnAnswer() {
        ProcessInstance rup = startAs(PELAKSANA, "rup");
        walk(rup.getId(), 99);
        String correlate = """
                {"messageName": "%s", "processInstanceId": "%s",
                 "processVariables": {"langkah_11_diterima": {"value": true, "type": "Boolean"}}}
                """.formatted(ProcessContract.ANSWER_MESSAGE, rup.getId());
        for (String user : List.of(PELAKSANA, "sekcam.arut-selatan", BAPPEDA, "admin")) {
            assertThat(postJson(as(user), "/engine-rest/message", correlate).getStatusCode().value()).as(user).isEqualTo(403);
        }
        String start = "{\"messageName\": \"" + ProcessContract.SUBMISSION_MESSAGE + "\"}";
        assertThat(postJson(as(PELAKSANA), "/engine-rest/message", start).getStatusCode().value()).isEqualTo(403);
        assertThat(postJson(as(PELAKSANA), "/engine-rest/process-definition/key/" + ProcessContract.BAPPEDA_INBOX + "/start", "{}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(rup.getId()).count()).isEqualTo(1);
        assertThat(waitingAt(rup.getId())).containsExactly("langkah_11_menunggu");
        // Bappeda's task through the standard API: its answer needs the decision, like a review
        Task answer = tasks.createTaskQuery().processDefinitionKey(ProcessContract.BAPPEDA_INBOX).singleResult();
        assertThat(postJson(as(BAPPEDA), "/engine-rest/task/" + answer.getId() + "/complete", "{}").getStatusCode().value()).isEqualTo(400);
        assertThat(postJson(as(PELAKSANA), "/engine-rest/task/" + answer.getId() + "/complete", approvalJson(true, ""))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(postJson(as(BAPPEDA), "/engine-rest/task/" + answer.getId() + "/complete", approvalJson(true, ""))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(getMap(as(BAPPEDA), "/api/kiriman/" + submissionOf(rup.getId())).getBody().get("kiriman").toString())
                .contains("status=diterima");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(rup.getId()).count()).isZero();
    }

    @Test
    void renstraGoesThroughBappedasOwnStep13() {
        ProcessInstance renstra = startAs(PELAKSANA, "renstra");
        walk(renstra.getId(), 99);
        String id = submissionOf(renstra.getId());
        assertThat(postMap(BAPPEDA, "/api/kiriman/" + id + "/terima", "").getStatusCode().value()).isEqualTo(200);
        assertThat(waitingAt(renstra.getId())).containsExactly("langkah_13_menunggu");
        // step 13 is Bappeda's: in its own process and tenant, visible to Bappeda, not to the kecamatan
        Task step13 = tasks.createTaskQuery().processDefinitionKey("renstra-bappeda").singleResult();
        assertThat(step13).isNotNull();
        assertThat(step13.getTenantId()).isEqualTo("bappeda");
        assertThat(step13.getTaskDefinitionKey()).isEqualTo("langkah_13");
        List<Map<String, Object>> bappedaTasks = getList(as(BAPPEDA), "/engine-rest/task?taskDefinitionKey=langkah_13").getBody();
        assertThat(bappedaTasks).hasSize(1);
        assertThat(bappedaTasks.get(0)).containsEntry("tenantId", "bappeda");
        assertThat(bappedaTasks.get(0).get("due")).isNotNull();
        assertThat(getList(as("sekcam.arut-selatan"), "/engine-rest/task?taskDefinitionKey=langkah_13").getBody()).isEmpty();
        assertThat(postJson(as(BAPPEDA), "/engine-rest/task/" + bappedaTasks.get(0).get("id") + "/complete", "{}")
                .getStatusCode().value()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().processInstanceId(renstra.getId()).singleResult().getTaskDefinitionKey()).isEqualTo("langkah_14");
        // the record of movement shows Bappeda's visit between steps 12 and 14, and the report counts step 13
        Session sekcam = login("sekcam.arut-selatan");
        String movement = get(sekcam, "/proses/" + renstra.getId() + "/riwayat.csv").getBody();
        List<String> rows = List.of(movement.substring(1).split("\r\n"));
        String visit13 = rows.stream().filter(r -> r.split(";")[1].equals("13")).findFirst().orElseThrow();
        assertThat(visit13.split(";")[5]).as("done by").isEqualTo(BAPPEDA);
        String step12 = rows.stream().filter(r -> r.split(";")[1].equals("12")).reduce((a, b) -> b).orElseThrow();
        assertThat(step12.split(";")[6]).as("handed to").isEqualTo(BAPPEDA);
        String step14 = rows.stream().filter(r -> r.split(";")[1].equals("14")).findFirst().orElseThrow();
        assertThat(step14.split(";")[4]).as("received from").isEqualTo(BAPPEDA);
        String report = get(sekcam, "/kepatuhan/renstra.csv").getBody();
        String row13 = List.of(report.substring(1).split("\r\n")).stream().filter(r -> r.startsWith("13;")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(row13.split(";")[4])).as("step 13 ran in Bappeda's process: " + row13).isPositive();
        walk(renstra.getId(), 99);
        assertThat(waitingAt(renstra.getId())).containsExactly("langkah_16_menunggu");
        List<Map<String, Object>> both = getList(as(BAPPEDA), "/api/kiriman?sop=renstra").getBody().stream()
                .filter(s -> renstra.getId().equals(s.get("prosesInstanceId"))).toList();
        assertThat(both).extracting(s -> s.get("langkah")).containsExactlyInAnyOrder(12, 16);
    }

    @Test
    void bappedaLateToAnswerAlertsItsOwnHeadNotTheKecamatan() {
        ProcessInstance rup = startAs(PELAKSANA, "rup");
        walk(rup.getId(), 99);
        String id = submissionOf(rup.getId());
        String inbox = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessContract.BAPPEDA_INBOX)
                .variableValueEquals(ProcessContract.SUBMISSION_ID, id).singleResult().getId();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(inbox).singleResult().getTenantId()).isEqualTo("bappeda");
        int headBefore = getList(as("kepala.bappeda"), "/api/pemberitahuan").getBody().size();
        int sekcamBefore = getList(as("sekcam.arut-selatan"), "/api/pemberitahuan").getBody().size();

        // its mutu baku (3 hari kerja) passes: the timer on Bappeda's task fires
        org.camunda.bpm.engine.runtime.Job late = managementService.createJobQuery().processInstanceId(inbox).timers().list().stream()
                .min(java.util.Comparator.comparing(org.camunda.bpm.engine.runtime.Job::getDuedate)).orElseThrow();
        managementService.executeJob(late.getId());

        List<Map<String, Object>> told = getList(as("kepala.bappeda"), "/api/pemberitahuan").getBody();
        assertThat(told).hasSize(headBefore + 1);
        assertThat(getList(as("sekcam.arut-selatan"), "/api/pemberitahuan").getBody()).as("the kecamatan is not blamed").hasSize(sekcamBefore);
        assertThat(getList(as("staf.bappeda"), "/api/kiriman?status=terkirim").getBody()).anyMatch(k -> id.equals(k.get("id")));
    }

    @Test
    void theOverviewShowsEachKecamatansStateForTheYear() {
        // a year of its own, so that the other tests' instances do not count
        ProcessInstance rupArut = start(PELAKSANA, "rup", "RUP-2031");
        walk(rupArut.getId(), 99);
        assertThat(postMap(BAPPEDA, "/api/kiriman/" + submissionOf(rupArut.getId()) + "/terima", "").getStatusCode().value()).isEqualTo(200);
        ProcessInstance lakipArut = start(PELAKSANA, "lakip", "LAKIP-2031");
        walk(lakipArut.getId(), 99);
        start(PELAKSANA, "renja", "RENJA-2031");
        ProcessInstance rfkMarch = start(PELAKSANA, "rfk-teppa", "RFK-TEPPA-arut-selatan-2031-03");
        walk(rfkMarch.getId(), 99);
        ProcessInstance rupAjibarang = start("pelaksana.ajibarang", "rup", "RUP-2031");
        walk(rupAjibarang.getId(), 99, "ajibarang");
        assertThat(postMap(BAPPEDA, "/api/kiriman/" + submissionOf(rupAjibarang.getId()) + "/kembalikan", "{\"catatan\": \"Lampiran kurang\"}")
                .getStatusCode().value()).isEqualTo(200);
        ProcessInstance lakipAjibarang = start("pelaksana.ajibarang", "lakip", "LAKIP-2031");
        managementService.executeJob(managementService.createJobQuery().processInstanceId(lakipAjibarang.getId())
                .activityId(id.sopflow.sop.ProcessContract.deadlineTimer("langkah_01")).singleResult().getId());

        Map<String, Object> matrix = getMap(as(BAPPEDA), "/api/ikhtisar?tahun=2031").getBody();
        Map<String, String> state = new java.util.HashMap<>();
        for (Map<String, Object> row : rows(matrix)) {
            for (Map<String, Object> cell : cells(row)) {
                state.put(row.get("kecamatan") + " " + cell.get("processKey") + " " + cell.get("period"), (String) cell.get("state"));
            }
        }
        assertThat(state).containsEntry("arut-selatan rup 2031", "DITERIMA").containsEntry("arut-selatan lakip 2031", "TERKIRIM")
                .containsEntry("arut-selatan renja 2031", "BERJALAN").containsEntry("arut-selatan rfk-teppa 2031-03", "TERKIRIM")
                .containsEntry("arut-selatan rfk-teppa 2031-04", "BELUM_MULAI").containsEntry("arut-selatan renstra 2031", "BELUM_MULAI")
                .containsEntry("ajibarang rup 2031", "DIKEMBALIKAN").containsEntry("ajibarang lakip 2031", "TERLAMBAT")
                .containsEntry("ajibarang renstra 2031", null) // Ajibarang's own Renstra goes to the Bagian Organisasi
                // so do the own Renja (Rencana Kinerja) of Ajibarang and Baturraden; seed 004's RKT goes to the Bupati/Sekda
                .containsEntry("ajibarang renja 2031", null).containsEntry("baturraden renja 2031", null)
                .containsEntry("kecamatan-004 renja 2031", null).containsEntry("baturraden rup 2031", "BELUM_MULAI")
                .hasSize(rows(matrix).size() * (4 + 12));
        assertThat(rows(matrix)).extracting(r -> r.get("kecamatan")).contains("arut-selatan", "ajibarang", "baturraden", "kecamatan-004");
        long notSending = state.values().stream().filter(java.util.Objects::isNull).count();
        assertThat(state.values().stream().filter("BELUM_MULAI"::equals).count()).isEqualTo(state.size() - 6 - notSending);
        // only Bappeda (and the admin) see the whole kabupaten
        assertThat(getMap(as("sekcam.arut-selatan"), "/api/ikhtisar?tahun=2031").getStatusCode().value()).isEqualTo(403);
        assertThat(getMap(as("kepala.bappeda"), "/api/ikhtisar?tahun=2031").getStatusCode().value()).isEqualTo(200);
        assertThat(getMap(as(BAPPEDA), "/api/ikhtisar?tahun=dua").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void twoAnswersAtOnceAreOneTandaTerimaAndOne409() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2; round++) {
                ProcessInstance rup = startAs(PELAKSANA, "rup");
                walk(rup.getId(), 99);
                String id = submissionOf(rup.getId());
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<ResponseEntity<Map<String, Object>>>> answers = new java.util.ArrayList<>();
                for (String act : List.of("/terima", round == 0 ? "/terima" : "/kembalikan")) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return postMap(BAPPEDA, "/api/kiriman/" + id + act, "{\"catatan\": \"Lampiran kurang\"}");
                    }));
                }
                go.countDown();
                List<Integer> codes = new java.util.ArrayList<>();
                for (var answer : answers) {
                    codes.add(answer.get().getStatusCode().value());
                }
                assertThat(codes).as("round " + round).containsExactlyInAnyOrder(200, 409);
                assertThat(getMap(as(BAPPEDA), "/api/kiriman/" + id).getBody().get("riwayat")).asList().as("one answer recorded").hasSize(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theOverviewsCellsAreOnlyTheSopsThatSendAndTheSubmissionsOnlyForWhoMayRead() {
        ProcessInstance rup = startAs(PELAKSANA, "rup");
        walk(rup.getId(), 99);
        String id = submissionOf(rup.getId());
        for (String cell : List.of("kecamatan=ajibarang&sop=renstra&periode=2026", "kecamatan=ajibarang&sop=dpa&periode=2026",
                "kecamatan=arut-selatan&sop=renstra-bappeda&periode=2026", "kecamatan=arut-selatan&sop=penerimaan-dokumen-bappeda&periode=2026",
                "kecamatan=tidak-ada&sop=rup&periode=2026")) {
            ResponseEntity<String> page = as(BAPPEDA).getForEntity("/ikhtisar/sel?" + cell, String.class);
            assertThat(page.getStatusCode().value()).as(cell).isEqualTo(404);
        }
        assertThat(getMap(as(BAPPEDA), "/api/kiriman?tahun=1999").getStatusCode().value()).isEqualTo(400);
        assertThat(getMap(as(BAPPEDA), "/api/ikhtisar?tahun=99999").getStatusCode().value()).isEqualTo(400);
        // in the kecamatan: the Sekcam, the Camat and who sent it; not every colleague
        assertThat(getMap(as("camat.arut-selatan"), "/api/kiriman/" + id).getStatusCode().value()).isEqualTo(200);
        assertThat(getMap(as("tim.arut-selatan"), "/api/kiriman/" + id).getStatusCode().value()).isEqualTo(404);
        assertThat(getList(as("tim.arut-selatan"), "/api/kiriman").getBody()).noneMatch(k -> id.equals(k.get("id")));
        assertThat(getMap(as(PELAKSANA), "/api/kiriman/" + id).getStatusCode().value()).isEqualTo(200);
    }

    /** Starts an SOP with a business key, as the user (their kecamatan is the instance's). */
    private ProcessInstance start(String user, String key, String businessKey) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList();
        identityService.setAuthentication(user, groups, List.of(user.substring(user.indexOf('.') + 1)));
        try {
            return runtimeService.startProcessInstanceByKey(key, businessKey);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> matrix) {
        return (List<Map<String, Object>>) matrix.get("rows");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cells(Map<String, Object> row) {
        return (List<Map<String, Object>>) row.get("cells");
    }

    private List<String> waitingAt(String instanceId) {
        return runtimeService.getActiveActivityIds(instanceId);
    }

    private ResponseEntity<Map<String, Object>> postMap(String user, String url, String json) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return as(user).exchange(url, HttpMethod.POST, new org.springframework.http.HttpEntity<>(json, headers),
                new org.springframework.core.ParameterizedTypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> versions(Map<String, Object> detail) {
        return (Map<String, List<Map<String, Object>>>) detail.get("dokumenPerVersi");
    }
}
