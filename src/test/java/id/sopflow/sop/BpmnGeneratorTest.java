package id.sopflow.sop;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The converter on a small SOP, without an engine. */
class BpmnGeneratorTest {

    private static final String SOP = """
            kode: contoh
            nama: Contoh SOP
            kecamatan: Uji
            dokumen: Contoh
            peran:
              - {id: camat, nama: Camat}
              - {id: pelaksana, nama: Pelaksana}
            langkah:
              - {no: 1, aktivitas: Menyusun draf, pelaksana: pelaksana, kelengkapan: [data, disposisi], waktu: 2-3 hari, output: draf}
              - {no: 2, aktivitas: Menandatangani, pelaksana: camat, kelengkapan: [draf], waktu: 5 menit, output: dokumen, kembaliKe: 1}
              - {no: 3, aktivitas: Mengirim, pelaksana: pelaksana, waktu: "", output: terkirim, keterangan: SOP Pengiriman dokumen}
            """;

    private final SopDefinition sop = new SopReader(SopCatalog.STANDARD_ROLES)
            .read(new StringReader(SOP), "contoh.yaml", "uji");
    private final BpmnModelInstance model = new BpmnGenerator().generate(sop);

    @Test
    void producesOneExecutableProcessKeyedByKodeWithALanePerRole() {
        Bpmn.validateModel(model);
        Process process = model.getModelElementById("contoh");
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("1825");
        assertThat(model.getModelElementsByType(Lane.class)).extracting(Lane::getId, Lane::getName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lane_camat", "Camat"),
                        org.assertj.core.groups.Tuple.tuple("lane_pelaksana", "Pelaksana"));
        Lane camat = model.getModelElementById("lane_camat");
        assertThat(camat.getFlowNodeRefs()).extracting(BaseElement::getId)
                .containsExactlyInAnyOrder("langkah_02", "langkah_02_keputusan", "langkah_02_tenggat", "langkah_02_tenggat_dicatat");
        Participant pool = model.getModelElementById("pool_contoh");
        assertThat(pool.getProcess()).isSameAs(process);
    }

    @Test
    void aStepWithAWaktuHasOneNonInterruptingTimerAtItsFirstMomentWhoseEndRecordsEachMoment() {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            java.util.List<org.camunda.bpm.model.bpmn.instance.BoundaryEvent> timers = model
                    .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class).stream()
                    .filter(b -> b.getAttachedTo() == task).toList();
            if (task.getId().equals("langkah_03")) {
                assertThat(timers).as("a step without waktu has no timer").isEmpty();
                continue;
            }
            assertThat(timers).as(task.getId()).singleElement().satisfies(timer -> {
                assertThat(timer.getId()).isEqualTo(ProcessContract.deadlineTimer(task.getId()));
                assertThat(timer.cancelActivity()).isFalse();
                var definition = (org.camunda.bpm.model.bpmn.instance.TimerEventDefinition) timer.getEventDefinitions().iterator().next();
                assertThat(definition.getTimeDate().getTextContent()).isEqualTo("${" + ProcessContract.TIMER_BEAN + ".firstAt(execution)}");
                var end = timer.getOutgoing().iterator().next().getTarget();
                assertThat(end.getId()).isEqualTo(timer.getId() + "_dicatat");
                assertThat(ProcessContract.alertKind(end)).as("records the moment its timer was due at").isEmpty();
                assertThat(end.getExtensionElements().getElementsQuery()
                        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class).singleResult()
                        .getCamundaDelegateExpression()).isEqualTo("${" + ProcessContract.ALERT_LISTENER_BEAN + "}");
            });
        }
    }

    @Test
    void userTaskCarriesRoleAndMutuBaku() {
        UserTask task = model.getModelElementById("langkah_01");
        assertThat(task.getName()).isEqualTo("Menyusun draf");
        assertThat(task.getCamundaCandidateGroups()).isEqualTo("pelaksana");
        assertThat(task.getDocumentations().iterator().next().getTextContent())
                .isEqualTo("Langkah 1: Menyusun draf\nPelaksana: Pelaksana\nKelengkapan: data; disposisi\nWaktu: 2-3 hari\nOutput: draf");
        assertThat(properties(task)).isEqualTo("langkah=1, peran=pelaksana, kelengkapan=data; disposisi, waktu=2-3 hari, output=draf");
        UserTask last = model.getModelElementById("langkah_03");
        assertThat(properties(last)).isEqualTo("langkah=3, peran=pelaksana, output=terkirim, keterangan=SOP Pengiriman dokumen");
        assertThat(last.getDocumentations().iterator().next().getTextContent()).contains("Waktu: belum ditetapkan");
    }

    @Test
    void aStepWithoutWaktuHasNoTimersNoDeadlineAndSaysSo() {
        // the same for no 'waktu' key and an empty one, and for a blank output (tables without mutu baku)
        SopDefinition blank = new SopReader(SopCatalog.STANDARD_ROLES).read(new StringReader(SOP.replace(
                "{no: 3, aktivitas: Mengirim, pelaksana: pelaksana, waktu: \"\", output: terkirim,",
                "{no: 3, aktivitas: Mengirim, pelaksana: pelaksana,")), "contoh.yaml", "uji");
        for (BpmnModelInstance generated : java.util.List.of(model, new BpmnGenerator().generate(blank))) {
            Bpmn.validateModel(generated);
            UserTask last = generated.getModelElementById("langkah_03");
            assertThat(generated.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class))
                    .extracting(b -> b.getAttachedTo().getId()).isNotEmpty().doesNotContain("langkah_03");
            assertThat(Bpmn.convertToString(generated)).doesNotContain("langkah_03_terlambat", "langkah_03_eskalasi");
            assertThat(last.getDocumentations().iterator().next().getTextContent()).contains("Waktu: belum ditetapkan");
            assertThat(StepMetadata.properties(last)).doesNotContainKey("waktu");
            assertThat(last.getExtensionElements().getElementsQuery()
                    .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class).list()).isEmpty();
        }
        UserTask noOutput = new BpmnGenerator().generate(blank).getModelElementById("langkah_03");
        assertThat(noOutput.getDocumentations().iterator().next().getTextContent()).contains("Output: belum ditetapkan");
        assertThat(StepMetadata.properties(noOutput)).doesNotContainKey("output");
    }

    @Test
    void reviewStepIsFollowedByAGatewayOnDisetujui() {
        ExclusiveGateway gateway = model.getModelElementById("langkah_02_keputusan");
        SequenceFlow approved = model.getModelElementById("langkah_02_disetujui");
        SequenceFlow rejected = model.getModelElementById("langkah_02_dikembalikan");
        assertThat(gateway.getOutgoing()).containsExactlyInAnyOrder(approved, rejected);
        assertThat(approved.getTarget().getId()).isEqualTo("langkah_03");
        assertThat(approved.getConditionExpression().getTextContent()).isEqualTo("${langkah_02_disetujui}");
        assertThat(rejected.getTarget().getId()).isEqualTo("langkah_01");
        assertThat(rejected.getConditionExpression().getTextContent()).isEqualTo("${not langkah_02_disetujui}");
        UserTask review = model.getModelElementById("langkah_02");
        assertThat(Bpmn.convertToString(model)).contains("<camunda:formField id=\"disetujui\"", "type=\"boolean\"", "<camunda:formField id=\"catatan\"");
        assertThat(review.getOutgoing()).extracting(f -> f.getTarget().getId()).containsExactly("langkah_02_keputusan");
        // the decision is local to the step (null at its start) and handed only to its own gateway
        assertThat(Bpmn.convertToString(model)).contains("<camunda:inputParameter name=\"disetujui\"/>",
                "<camunda:inputParameter name=\"catatan\"/>",
                "<camunda:outputParameter name=\"langkah_02_disetujui\">${disetujui}</camunda:outputParameter>");
    }

    @Test
    void everyElementHasDiagramInterchange() {
        Set<String> shaped = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edged = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        assertThat(shaped).containsAll(model.getModelElementsByType(FlowNode.class).stream().map(BaseElement::getId).toList());
        assertThat(shaped).contains("pool_contoh", "lane_camat", "lane_pelaksana");
        assertThat(edged).containsExactlyInAnyOrderElementsOf(
                model.getModelElementsByType(SequenceFlow.class).stream().map(BaseElement::getId).toList());
        assertThat(model.getModelElementsByType(BpmnEdge.class)).allSatisfy(e -> assertThat(e.getWaypoints()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void outputIsDeterministicWithMeaningfulIds() {
        String once = Bpmn.convertToString(new BpmnGenerator().generate(sop));
        String twice = Bpmn.convertToString(new BpmnGenerator().generate(sop));
        assertThat(once).isEqualTo(twice);
        assertThat(once).doesNotContainPattern("id=\"[A-Za-z]+_[0-9a-f]{8}-")
                .doesNotContainPattern("id=\"(UserTask|Task|Gateway|Event|StartEvent|EndEvent|Flow|SequenceFlow)_[0-9a-z]{1,7}\"");
    }

    @Test
    void committedFilesAreWhatTheSourcesGenerate() {
        SopCatalog catalog = SopCatalog.load(Path.of("config/sop"), SopCatalog.STANDARD_ROLES);
        assertThat(catalog.staleBpmn(Path.of("bpmn")))
                .as("bpmn/ is out of date with config/sop: run 'mvn -q compile exec:java@bpmn' and commit bpmn/")
                .isEmpty();
        // the six reference SOPs, Ajibarang's Renstra and the tables of issue 13 (further kecamatan add theirs)
        assertThat(catalog.definitions()).extracting(d -> d.folder() + "/" + d.kode())
                .contains("arut-selatan/renja", "arut-selatan/renstra", "ajibarang/dpa", "arut-selatan/lakip",
                        "arut-selatan/rfk-teppa", "arut-selatan/rup", "ajibarang/renstra",
                        "ajibarang/dpa-varian-1", "ajibarang/renja", "ajibarang/rka", "baturraden/renja",
                        "kecamatan-004/renja", "kecamatan-004/ekt", "wangon/dpa", "wangon/renja", "wangon/renstra",
                        "wangon/pengumpulan-data-kinerja", "wangon/perencanaan-kinerja")
                .doesNotHaveDuplicates();
    }

    private static String properties(UserTask task) {
        return task.getExtensionElements().getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult()
                .getCamundaProperties().stream().map(p -> p.getCamundaName() + "=" + p.getCamundaValue())
                .collect(Collectors.joining(", "));
    }
}
