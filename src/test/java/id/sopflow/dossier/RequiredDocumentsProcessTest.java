package id.sopflow.dossier;

import id.sopflow.TestProcessEngine;
import id.sopflow.engine.StepNotReady;
import id.sopflow.monitoring.MonitoringBeans;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * The engine refuses a step without its documents (the generated Renja, driven through the engine's Java API): a
 * required output must be uploaded at the visit that completes the step, a review needs it only to approve, a
 * withdrawn document does not count, and a step whose kelengkapan is missing from the dossier is not handed over.
 */
class RequiredDocumentsProcessTest {

    private static final DataSource DATABASE = TestProcessEngine.database();
    // not final: ProcessEngineExtension injects the engine into ProcessEngine fields
    private static ProcessEngine engine = TestProcessEngine.create(DATABASE, MonitoringBeans.create(DATABASE, List.of()));

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(engine).build();

    private final JdbcTemplate jdbc = new JdbcTemplate(DATABASE);

    @BeforeEach
    void deploy() throws IOException {
        init(engine);
        if (engine.getRepositoryService().createDeploymentQuery().count() == 0) {
            engine.getRepositoryService().createDeployment()
                    .addString("renja.bpmn", Files.readString(Path.of("bpmn/arut-selatan/renja.bpmn"))).deploy();
        }
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aStepWithoutItsRequiredOutputIsNotCompletedAndNothingMoves() {
        ProcessInstance renja = startAtStep(4);
        Task draft = task(renja);

        assertThatThrownBy(() -> engine.getTaskService().complete(draft.getId()))
                .isInstanceOf(StepNotReady.class)
                .hasMessageContaining("Langkah 4").hasMessageContaining("belum dapat diselesaikan")
                .hasMessageContaining("'draf dan matrik rancangan renja' belum diunggah");
        assertThat(renja).isWaitingAt("langkah_04");
        assertThat(engine.getTaskService().createTaskQuery().taskId(draft.getId()).count()).isOne();

        DossierBeans.provideRequiredOutputs(engine, DATABASE, draft);
        engine.getTaskService().complete(draft.getId());
        assertThat(renja).isWaitingAt("langkah_05");
    }

    @Test
    void aWithdrawnOutputDoesNotCount() {
        ProcessInstance renja = startAtStep(4);
        Task draft = task(renja);
        DossierBeans.provideRequiredOutputs(engine, DATABASE, draft);
        jdbc.update("update SOPFLOW_DOKUMEN set ditarik_oleh = 'pelaksana', ditarik_pada = ?, alasan_ditarik = 'salah berkas' "
                + "where proses_instance_id = ?", java.sql.Timestamp.from(Instant.now()), renja.getId());

        assertThatThrownBy(() -> engine.getTaskService().complete(draft.getId())).isInstanceOf(StepNotReady.class);
        assertThat(renja).isWaitingAt("langkah_04");
    }

    @Test
    void aReviewNeedsTheSignedDocumentToApproveButNotToSendBack() {
        ProcessInstance renja = startAtStep(11);
        Task signing = task(renja);

        assertThatThrownBy(() -> engine.getTaskService().complete(signing.getId(), Map.of("disetujui", true)))
                .isInstanceOf(StepNotReady.class)
                .hasMessageContaining("belum dapat disetujui")
                .hasMessageContaining("'dokumen Renja yang ditandatangani' dan 'surat pengantar yang ditandatangani'");
        assertThat(renja).isWaitingAt("langkah_11");

        engine.getTaskService().complete(signing.getId(), Map.of("disetujui", false, "catatan", "Matriks belum lengkap"));
        assertThat(renja).isWaitingAt("langkah_07");
    }

    @Test
    void aStepReturnedToNeedsANewUploadAtItsNewVisit() {
        ProcessInstance renja = startAtStep(9);
        engine.getTaskService().complete(task(renja).getId(), Map.of("disetujui", false, "catatan", "Perbaiki target"));
        assertThat(renja).isWaitingAt("langkah_07");

        // the draft and cover letter of the first visit of step 7 are in the dossier, but not of this visit
        assertThatThrownBy(() -> engine.getTaskService().complete(task(renja).getId()))
                .isInstanceOf(StepNotReady.class).hasMessageContaining("Langkah 7");
        DossierBeans.provideRequiredOutputs(engine, DATABASE, task(renja));
        engine.getTaskService().complete(task(renja).getId());
        assertThat(renja).isWaitingAt("langkah_08");
        assertThat(jdbc.queryForList("select versi from SOPFLOW_DOKUMEN where proses_instance_id = ? and jenis = 'surat pengantar' order by versi",
                Integer.class, renja.getId())).containsExactly(1, 2);
    }

    @Test
    void aStepIsNotHandedOverWhileItsKelengkapanIsMissingFromTheDossier() {
        ProcessInstance renja = startAtStep(11);
        Task signing = task(renja);
        DossierBeans.provideRequiredOutputs(engine, DATABASE, signing);
        // the signed letter is withdrawn: step 12 (sending to Bappeda) needs it in the dossier, so step 11 cannot end
        jdbc.update("update SOPFLOW_DOKUMEN set ditarik_oleh = 'camat', ditarik_pada = ?, alasan_ditarik = 'x' "
                + "where proses_instance_id = ? and jenis = 'surat pengantar yang ditandatangani'", java.sql.Timestamp.from(Instant.now()), renja.getId());

        assertThatThrownBy(() -> engine.getTaskService().complete(signing.getId(), Map.of("disetujui", true)))
                .isInstanceOf(StepNotReady.class).hasMessageContaining("Langkah 11");
        // with the letter uploaded again at this visit, step 11 ends and step 12 finds everything it needs
        DossierBeans.provideRequiredOutputs(engine, DATABASE, signing);
        engine.getTaskService().complete(signing.getId(), Map.of("disetujui", true));
        assertThat(renja).isWaitingAt("langkah_12");
    }

    @Test
    void theHandOverCheckNamesTheMissingKelengkapan() {
        ProcessInstance renja = startAtStep(4);
        DossierBeans.provideRequiredOutputs(engine, DATABASE, task(renja));
        engine.getTaskService().complete(task(renja).getId());
        assertThat(renja).isWaitingAt("langkah_05");
        jdbc.update("update SOPFLOW_DOKUMEN set ditarik_oleh = 'pelaksana', ditarik_pada = ?, alasan_ditarik = 'x' where proses_instance_id = ?",
                java.sql.Timestamp.from(Instant.now()), renja.getId());

        // step 6 (the Kasubbag's discussion) needs the draft in the dossier
        assertThatThrownBy(() -> engine.getTaskService().complete(task(renja).getId()))
                .isInstanceOf(StepNotReady.class)
                .hasMessageContaining("Langkah 6").hasMessageContaining("belum dapat dimulai")
                .hasMessageContaining("'draf dan matrik rancangan renja' belum ada di berkas");
        assertThat(renja).isWaitingAt("langkah_05");
    }

    @Test
    void cancellingAStepNeedsNoDocument() {
        ProcessInstance renja = startAtStep(4);
        engine.getRuntimeService().deleteProcessInstance(renja.getId(), "dibatalkan");
        assertThat(renja).isEnded();
    }

    /** A Renja walked to step {@code step}, each earlier step with its documents. */
    private ProcessInstance startAtStep(int step) {
        ProcessInstance renja = engine.getRuntimeService().startProcessInstanceByKey("renja", Map.of("kecamatan", "arut-selatan"));
        for (int n = 1; n < step; n++) {
            Task task = task(renja);
            DossierBeans.provideRequiredOutputs(engine, DATABASE, task);
            boolean review = task.getTaskDefinitionKey().matches("langkah_(09|10|11)");
            engine.getTaskService().complete(task.getId(), review ? Map.of("disetujui", true) : Map.of());
        }
        assertThat(renja).isWaitingAt("langkah_%02d".formatted(step));
        return renja;
    }

    private Task task(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }
}
