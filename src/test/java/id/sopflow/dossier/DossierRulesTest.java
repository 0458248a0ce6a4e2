package id.sopflow.dossier;

import id.sopflow.api.InvalidInput;
import id.sopflow.sop.StepMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a step lacks and how it is said; the kelengkapan checklist; the kind and note a client sends. */
class DossierRulesTest {

    private static final List<String> KINDS = List.of("draf", "surat pengantar", "dokumen ditandatangani");

    @Test
    void missingKeepsTheOrderRequired() {
        assertThat(DossierRules.missing(List.of("dokumen ditandatangani", "surat pengantar"), Set.of("surat pengantar")))
                .containsExactly("dokumen ditandatangani");
        assertThat(DossierRules.missing(List.of("draf"), Set.of("draf", "koreksi"))).isEmpty();
    }

    @Test
    void theRefusalsNameTheStepAndEveryDocument() {
        assertThat(DossierRules.completionRefused(11, "Camat meneliti dan menandatangani", true, List.of("dokumen ditandatangani", "surat pengantar")))
                .isEqualTo("Langkah 11 (Camat meneliti dan menandatangani) belum dapat disetujui: dokumen 'dokumen ditandatangani' dan "
                        + "'surat pengantar' belum diunggah pada langkah ini. Unggah ke berkas instance ini (jenis 'dokumen ditandatangani' "
                        + "dan 'surat pengantar'), lalu coba lagi.");
        assertThat(DossierRules.handOverRefused(12, "Mengirim ke BAPPEDA", List.of("draf")))
                .startsWith("Langkah 12 (Mengirim ke BAPPEDA) belum dapat dimulai: dokumen 'draf' belum ada di berkas");
    }

    @Test
    void aKindIsOneOfTheSopsIgnoringCase() {
        assertThat(DossierRules.kind("  Surat Pengantar ", KINDS)).isEqualTo("surat pengantar");
        assertThatThrownBy(() -> DossierRules.kind("foto", KINDS)).isInstanceOf(InvalidInput.class)
                .hasMessage("Jenis dokumen 'foto' tidak dikenal SOP ini; gunakan salah satu dari 'draf', 'surat pengantar' dan 'dokumen ditandatangani'.");
        assertThatThrownBy(() -> DossierRules.kind(" ", KINDS)).hasMessageContaining("'jenis' wajib diisi");
        assertThatThrownBy(() -> DossierRules.kind("draf", List.of())).hasMessageContaining("tidak punya daftar jenis dokumen");
    }

    @Test
    void aNoteIsOptionalButBoundedAndAReasonRequired() {
        assertThat(DossierRules.note("  ", "catatan")).isNull();
        assertThat(DossierRules.note(" ok ", "catatan")).isEqualTo("ok");
        assertThatThrownBy(() -> DossierRules.note("x".repeat(2001), "catatan")).hasMessageContaining("paling banyak 2000");
        assertThatThrownBy(() -> DossierRules.required(null, "alasan", "mengapa")).hasMessage("Isian 'alasan' wajib diisi: mengapa.");
    }

    @Test
    void theChecklistShowsEachKelengkapanAgainstTheDossierAndEachOutputAgainstTheRunningVisit() {
        StepMetadata drafting = step(7, List.of("draf"), List.of(), List.of("draf", "surat pengantar"));
        StepMetadata signing = step(11, List.of("Draf", "disposisi"), List.of("draf", "surat pengantar"), List.of("dokumen ditandatangani"));
        Document draftAtFirstVisit = document("d1", "draf", 7, "visit-7a", false);
        Document letterAtFirstVisit = document("s1", "surat pengantar", 7, "visit-7a", false);
        Document withdrawnDraft = document("d2", "draf", 7, "visit-7b", true);

        List<Checklist.StepChecklist> checklist = DossierRules.checklist(
                List.of(new DossierRules.Step(7, "Memperbaiki draf", drafting), new DossierRules.Step(11, "Menandatangani", signing)),
                KINDS, List.of(withdrawnDraft, draftAtFirstVisit, letterAtFirstVisit), Map.of(7, "visit-7b"));

        Checklist.StepChecklist seven = checklist.get(0);
        assertThat(seven.running()).isTrue();
        // returned to step 7: its second visit has only a withdrawn draft, so neither output counts yet
        assertThat(seven.requiredOutputs()).extracting(Checklist.Item::name, Checklist.Item::present)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("draf", false), org.assertj.core.groups.Tuple.tuple("surat pengantar", false));
        Checklist.StepChecklist eleven = checklist.get(1);
        assertThat(eleven.running()).isFalse();
        assertThat(eleven.kelengkapan()).extracting(Checklist.Item::name, Checklist.Item::document, Checklist.Item::required,
                Checklist.Item::present, Checklist.Item::documentId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Draf", true, true, true, Optional.of("d1")),
                org.assertj.core.groups.Tuple.tuple("disposisi", false, false, false, Optional.empty()),
                org.assertj.core.groups.Tuple.tuple("surat pengantar", true, true, true, Optional.of("s1")));
        assertThat(eleven.requiredOutputs()).singleElement().satisfies(i -> assertThat(i.present()).isFalse());
    }

    private static StepMetadata step(int number, List<String> kelengkapan, List<String> requiredKelengkapan, List<String> outputs) {
        return new StepMetadata(number, "pelaksana", kelengkapan, Optional.empty(), "", "", OptionalInt.empty(), requiredKelengkapan, outputs);
    }

    private static Document document(String id, String kind, int step, String visit, boolean withdrawn) {
        return new Document(id, "p1", "arut-selatan", "renja", kind, 1, step, visit, "t1", kind + ".pdf", "application/pdf", 10, "00",
                "ref", null, "pelaksana.arut-selatan", Instant.EPOCH,
                withdrawn ? Optional.of(new Document.Withdrawal("pelaksana.arut-selatan", Instant.EPOCH, "salah")) : Optional.empty());
    }
}
