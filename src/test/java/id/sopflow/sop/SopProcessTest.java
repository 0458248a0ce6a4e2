package id.sopflow.sop;

import id.sopflow.TestProcessEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Drives each SOP process (the six reference SOPs and the kecamatan tables of the seeds), deployed from the committed {@code bpmn/} files, through the
 * engine: the happy path step by step against the YAML source, and a reject-and-rework loop.
 */
class SopProcessTest {

    // not final: ProcessEngineExtension injects the engine into ProcessEngine fields
    private static final javax.sql.DataSource DATABASE = TestProcessEngine.database();
    private static ProcessEngine ENGINE = TestProcessEngine.create(DATABASE,
            id.sopflow.monitoring.MonitoringBeans.create(DATABASE, List.of())); // no timer fires in these tests
    private static final SopCatalog CATALOG = SopCatalog.load(Path.of("config/sop"), SopCatalog.STANDARD_ROLES);

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    @BeforeEach
    void deploy() throws IOException {
        init(ENGINE);
        if (ENGINE.getRepositoryService().createDeploymentQuery().count() == 0) {
            for (SopDefinition sop : CATALOG.definitions()) {
                var builder = ENGINE.getRepositoryService().createDeployment().name("test-" + sop.bpmnPath());
                sop.tenant().ifPresent(builder::tenantId);
                builder.addString(sop.bpmnPath(), Files.readString(Path.of("bpmn").resolve(sop.bpmnPath()))).deploy();
            }
        }
    }

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @ParameterizedTest(name = "{0}: happy path")
    @ValueSource(strings = {"renja", "renstra", "dpa", "lakip", "rfk-teppa", "rup", "ajibarang/renstra", "dpa-varian-1", "ajibarang/renja", "rka",
            "baturraden/renja", "kecamatan-004/renja", "ekt", "wangon/dpa", "wangon/renja", "wangon/renstra", "pengumpulan-data-kinerja",
            "perencanaan-kinerja"})
    void happyPathVisitsEveryStepOnceWithItsRoleAndMutuBaku(String kode) {
        SopDefinition sop = sop(kode);
        ProcessInstance instance = start(sop);

        Map<String, String> heldBy = new LinkedHashMap<>();
        for (SopStep step : sop.steps()) {
            heldBy.put(step.elementId(), completeStep(instance, step, sop, true));
        }

        assertThat(instance).isEnded();
        String[] visited = sop.steps().stream().filter(step -> !step.isBappedaWork()).map(SopStep::elementId).toArray(String[]::new);
        assertThat(instance).hasPassedInOrder(visited);
        heldBy.forEach((id, holder) -> assertThat(ENGINE.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(holder).activityId(id).count()).as(id).isEqualTo(1));
        assertThat(heldBy).as("Bappeda's own steps are in Bappeda's process")
                .allSatisfy((id, holder) -> assertThat(holder.equals(instance.getId())).isEqualTo(!sop.step(ProcessContract.stepNumber(id).orElseThrow()).isBappedaWork()));
    }

    @ParameterizedTest(name = "{0}: returned by Bappeda, revised, sent again and received")
    @ValueSource(strings = {"renja", "renstra", "lakip", "rfk-teppa", "rup"})
    void aSubmissionReturnedByBappedaGoesBackToItsRevisionStep(String kode) {
        SopDefinition sop = sop(kode);
        SopStep sending = sop.steps().stream().filter(SopStep::sendsToBappeda).findFirst().orElseThrow();
        int back = sending.bappedaReturnTo().getAsInt();
        ProcessInstance instance = start(sop);

        walk(instance, sop, 1, sending.number() - 1);
        assertThat(instance).isWaitingAt(sending.elementId());
        id.sopflow.dossier.DossierBeans.provideRequiredOutputs(ENGINE, DATABASE, task(instance));
        complete(task(instance));
        assertThat(instance).isWaitingAt(ProcessContract.waitElement(sending.number()));
        id.sopflow.bappeda.BappedaBeans.answer(ENGINE, instance.getId(), sending.number(), false);

        assertThat(instance).isWaitingAt(sop.step(back).elementId());
        assertThat(task(instance)).hasCandidateGroup(sop.step(back).roleId());
        walk(instance, sop, back, sop.steps().size());
        assertThat(instance).isEnded();
        assertThat(ENGINE.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(ProcessContract.sendElement(sending.number())).count()).as("sent twice").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}: sends nothing to Bappeda")
    @ValueSource(strings = {"dpa", "ajibarang/renstra", "dpa-varian-1", "ajibarang/renja", "rka", "baturraden/renja", "kecamatan-004/renja", "ekt",
            "wangon/dpa", "wangon/renja", "wangon/renstra", "pengumpulan-data-kinerja", "perencanaan-kinerja"})
    void whatItsTableSendsElsewhereEndsWithoutWaitingForBappeda(String kode) {
        // Ajibarang's DPA ends in its archive; its Renstra goes to the Bagian Organisasi, not to Bappeda; so do the
        // tables of issue 13 (archive, Bagian Organisasi, the Bupati/Sekda of seed 004's RKT), Wangon's among them
        ProcessInstance instance = start(sop(kode));
        BpmnModelInstance model = ENGINE.getRepositoryService().getBpmnModelInstance(instance.getProcessDefinitionId());
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ReceiveTask.class)).isEmpty();
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.MessageEventDefinition.class)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: rejected at the first review, reworked, then approved")
    @ValueSource(strings = {"renja", "renstra", "dpa", "lakip", "rfk-teppa", "rup", "ajibarang/renstra", "dpa-varian-1", "ajibarang/renja", "rka",
            "baturraden/renja", "kecamatan-004/renja", "ekt", "wangon/dpa", "wangon/renja", "wangon/renstra", "pengumpulan-data-kinerja",
            "perencanaan-kinerja"})
    void rejectionSendsTheWorkBackToTheDraftingStep(String kode) {
        SopDefinition sop = sop(kode);
        SopStep review = sop.steps().stream().filter(SopStep::isReview).findFirst().orElseThrow();
        int back = review.returnTo().getAsInt();
        ProcessInstance instance = start(sop);

        walk(instance, sop, 1, review.number() - 1);
        assertThat(instance).isWaitingAt(review.elementId());
        complete(task(instance), withVariables(BpmnGenerator.APPROVED, false, BpmnGenerator.NOTE, "Angka capaian belum sesuai"));

        assertThat(instance).isWaitingAt(sop.step(back).elementId());
        assertThat(task(instance)).hasCandidateGroup(sop.step(back).roleId());
        // the reviewer's note stays with the review step: in its history, not in the instance's variables
        assertThat(instance).variables().doesNotContainKeys(BpmnGenerator.NOTE, BpmnGenerator.APPROVED)
                .containsEntry(ProcessContract.decisionVariable(review.number()), false);
        assertThat(ENGINE.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(BpmnGenerator.NOTE).list()).extracting(v -> v.getValue()).contains("Angka capaian belum sesuai");

        walk(instance, sop, back, review.number() - 1);
        assertThat(instance).isWaitingAt(review.elementId());
        id.sopflow.dossier.DossierBeans.provideRequiredOutputs(ENGINE, DATABASE, task(instance));
        complete(task(instance), withVariables(BpmnGenerator.APPROVED, true));
        walk(instance, sop, review.number() + 1, sop.steps().size());

        assertThat(instance).isEnded();
        assertThat(ENGINE.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(sop.step(back).elementId()).count()).isEqualTo(2);
        assertThat(ENGINE.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(review.elementId()).count()).isEqualTo(2);
    }

    @org.junit.jupiter.api.Test
    void perencanaanKinerjaFollowsItsTablesOwnRouting() {
        // step 6: "Jika setuju diserahkan ke tim, jika tidak setuju diserahkan kepada staf untuk di perbaiki";
        // step 7: "Jika setuju diserahkan ke sekretaris, jika tidak disetujui diserahkan ke kasubbag untuk diperbaiki"
        SopDefinition sop = sop("perencanaan-kinerja");
        ProcessInstance instance = start(sop);
        walk(instance, sop, 1, 5);
        completeStep(instance, sop.step(6), sop, false);
        assertThat(instance).isWaitingAt("langkah_05");
        assertThat(task(instance)).hasCandidateGroup("pelaksana");
        walk(instance, sop, 5, 6);
        assertThat(instance).isWaitingAt("langkah_07");
        assertThat(task(instance)).hasCandidateGroup("tim");
        completeStep(instance, sop.step(7), sop, false);
        assertThat(instance).isWaitingAt("langkah_04");
        assertThat(task(instance)).hasCandidateGroup("kasubbag");
        walk(instance, sop, 4, 7);
        assertThat(instance).isWaitingAt("langkah_08");
        assertThat(task(instance)).hasCandidateGroup("sekcam");
        walk(instance, sop, 8, 12);
        assertThat(instance).isEnded();
    }

    /** "kode" for a shared SOP, "kecamatan/kode" for a kecamatan's own variant. */
    private static SopDefinition sop(String name) {
        return name.contains("/") ? CATALOG.get(name.split("/")[1], name.split("/")[0]) : CATALOG.get(name);
    }

    private static ProcessInstance start(SopDefinition sop) {
        var builder = ENGINE.getRuntimeService().createProcessInstanceByKey(sop.kode());
        return sop.tenant().map(builder::processDefinitionTenantId).orElseGet(builder::processDefinitionWithoutTenantId).execute();
    }

    /** Completes steps {@code from..to} (inclusive), approving review steps and receiving what is sent to Bappeda. */
    private static void walk(ProcessInstance instance, SopDefinition sop, int from, int to) {
        for (int n = from; n <= to; n++) {
            completeStep(instance, sop.step(n), sop, true);
        }
    }

    /**
     * Completes a step as its holder would (its documents uploaded, a review decided): Bappeda's own step in Bappeda's
     * process; a sending step, then Bappeda's answer. Returns the instance that held the step.
     */
    private static String completeStep(ProcessInstance instance, SopStep step, SopDefinition sop, boolean approve) {
        ProcessInstance holder = step.isBappedaWork() ? id.sopflow.bappeda.BappedaBeans.stepInstance(ENGINE, instance.getId()) : instance;
        assertThat(holder).isWaitingAt(step.elementId());
        Task task = task(holder);
        assertMatchesSource(task, step, sop);
        id.sopflow.dossier.DossierBeans.provideRequiredOutputs(ENGINE, DATABASE, task);
        complete(task, step.isReview() ? withVariables(BpmnGenerator.APPROVED, approve) : Map.of());
        if (step.sendsToBappeda()) {
            assertThat(instance).isWaitingAt(ProcessContract.waitElement(step.number()));
            id.sopflow.bappeda.BappedaBeans.answer(ENGINE, instance.getId(), step.number(), true);
        }
        return holder.getId();
    }

    private static void assertMatchesSource(Task task, SopStep step, SopDefinition sop) {
        assertThat(task).hasCandidateGroup(step.roleId()).hasName(step.activity());
        assertThat(task.getDescription())
                .contains("Waktu: " + (step.waktuText().isBlank() ? "belum ditetapkan" : step.waktuText()))
                .contains("Output: " + (step.output().isBlank() ? "belum ditetapkan" : step.output()))
                .contains("Pelaksana: " + sop.role(step.roleId()).orElseThrow().name());
        if (step.waktu().isEmpty()) {
            // no mutu baku time: no deadline and no timer (the table gives none, "waktu belum ditetapkan")
            assertThat(task.getDueDate()).isNull();
            assertThat(ENGINE.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId())
                    .activityId(ProcessContract.deadlineTimer(step.elementId())).count()).isZero();
        }
        BpmnModelInstance model = ENGINE.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId());
        UserTask element = model.getModelElementById(step.elementId());
        Map<String, String> mutuBaku = element.getExtensionElements().getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult()
                .getCamundaProperties().stream()
                .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue));
        assertThat(mutuBaku)
                .containsEntry("langkah", String.valueOf(step.number()))
                .containsEntry("peran", step.roleId());
        // a blank cell of the table is no property at all
        assertThat(mutuBaku.get("kelengkapan")).isEqualTo(step.kelengkapan().isEmpty() ? null : String.join("; ", step.kelengkapan()));
        assertThat(mutuBaku.get("waktu")).isEqualTo(step.waktuText().isBlank() ? null : step.waktuText());
        assertThat(mutuBaku.get("output")).isEqualTo(step.output().isBlank() ? null : step.output());
        if (step.waktuText().isBlank()) {
            assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class))
                    .as("no deadline: no timer on the step").noneMatch(b -> b.getAttachedTo() == element);
            assertThat(task.getDueDate()).isNull();
        }
    }
}
