package id.sopflow.sop;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules for what a client may send, without an engine. */
class ClientInputTest {

    private static final StepMetadata REVIEW = new StepMetadata(9, "kasubbag", List.of("draf"), Optional.of("1 hari"), "koreksi", "",
            OptionalInt.of(7), List.of(), List.of());
    private static final StepMetadata DRAFT = new StepMetadata(7, "pelaksana", List.of(), Optional.empty(), "draf", "", OptionalInt.empty(), List.of(), List.of());

    @Test
    void aReviewNeedsAnExplicitBooleanDecisionAndARejectionNeedsANote() {
        assertThat(ClientInput.completionProblems(Optional.of(REVIEW), Map.of(ProcessContract.APPROVED, true))).isEmpty();
        assertThat(ClientInput.completionProblems(Optional.of(REVIEW), Map.of(ProcessContract.APPROVED, false, ProcessContract.NOTE, "Perbaiki")))
                .isEmpty();
        assertThat(ClientInput.completionProblems(Optional.of(REVIEW), Map.of()))
                .containsExactly("langkah 9 adalah langkah pemeriksaan: kirim 'disetujui' (true untuk setuju, false untuk mengembalikan ke langkah 7)");
        assertThat(ClientInput.completionProblems(Optional.of(REVIEW), Map.of(ProcessContract.APPROVED, "true")))
                .containsExactly("'disetujui' harus boolean (true atau false), bukan teks \"true\"");
        assertThat(ClientInput.completionProblems(Optional.of(REVIEW), Map.of(ProcessContract.APPROVED, 1)))
                .containsExactly("'disetujui' harus boolean (true atau false), bukan angka 1");
        assertThat(ClientInput.completionProblems(Optional.of(REVIEW), Map.of(ProcessContract.APPROVED, false, ProcessContract.NOTE, "  ")))
                .containsExactly("mengembalikan ke langkah 7 memerlukan 'catatan' yang menyebutkan apa yang harus diperbaiki");
    }

    @Test
    void aNoteHasALimitAndOnlyTheDecisionAndTheNoteAreAccepted() {
        String tooLong = "x".repeat(ProcessContract.NOTE_MAX_LENGTH + 1);
        assertThat(ClientInput.completionProblems(Optional.of(REVIEW), Map.of(ProcessContract.APPROVED, true, ProcessContract.NOTE, tooLong)))
                .containsExactly("'catatan' terlalu panjang (2001 karakter, maksimal 2000)");
        assertThat(ClientInput.completionProblems(Optional.of(REVIEW), Map.of(ProcessContract.APPROVED, true, "rencanaSelesai", "2030")))
                .containsExactly("variabel 'rencanaSelesai' tidak diterima pada langkah 9; yang diterima: disetujui, catatan");
    }

    @Test
    void aStepThatIsNoReviewTakesNoVariablesAndATaskThatIsNoStepOnlyTheLimits() {
        assertThat(ClientInput.completionProblems(Optional.of(DRAFT), Map.of())).isEmpty();
        assertThat(ClientInput.completionProblems(Optional.of(DRAFT), Map.of(ProcessContract.APPROVED, true)))
                .containsExactly("langkah 7 bukan langkah pemeriksaan dan tidak menerima variabel (disetujui); selesaikan tanpa variabel");
        assertThat(ClientInput.completionProblems(Optional.empty(), Map.of("apa", "saja"))).isEmpty();
        assertThat(ClientInput.completionProblems(Optional.empty(), Map.of("objek", new ClientInput.Serialized("object"))))
                .containsExactly("variabel 'objek' berupa objek terserialisasi (object); hanya boolean, angka, tanggal atau teks yang diterima");
    }

    @Test
    void aStartTakesOnlyTheKecamatanAndThePeriodNeverAComputedDeadline() {
        assertThat(ClientInput.startProblems(Map.of(ProcessContract.KECAMATAN, "ajibarang", ProcessContract.PERIOD, "2026-11"), "RENJA-2027"))
                .isEmpty();
        assertThat(ClientInput.startProblems(Map.of(ProcessContract.REPORT_DEADLINE, new java.util.Date()), null))
                .containsExactly("variabel 'tenggatLaporan' dihitung oleh SOPflow dari mutu baku dan jadwal; tidak boleh dikirim saat memulai SOP");
        assertThat(ClientInput.startProblems(Map.of("langkah_09_disetujui", true), null)).singleElement().asString()
                .contains("dihitung oleh SOPflow");
        assertThat(ClientInput.startProblems(Map.of("warna", "merah"), null))
                .containsExactly("variabel 'warna' tidak diterima saat memulai SOP; yang diterima: kecamatan, periode");
        assertThat(ClientInput.startProblems(Map.of(), "K".repeat(256)))
                .containsExactly("business key terlalu panjang (256 karakter, maksimal 255)");
        assertThat(ClientInput.startProblems(Map.of(ProcessContract.PERIOD, "2027"), null)).isEmpty();
        for (String bad : new String[] {"2026-00", "2026-13", "26", "1999", "2026-1", "Nov 2026"}) {
            assertThat(ClientInput.startProblems(Map.of(ProcessContract.PERIOD, bad), null)).as(bad)
                    .containsExactly("variabel 'periode' '" + bad + "' bukan periode; gunakan tahun (2026) atau tahun-bulan (2026-11)");
        }
    }

    @Test
    void limitsHoldForEveryRequestAndComputedVariablesCannotBeSetDirectly() {
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i <= ProcessContract.MAX_VARIABLES; i++) {
            many.put("v" + i, i);
        }
        assertThat(ClientInput.updateProblems(many)).containsExactly("terlalu banyak variabel dalam satu permintaan (21, maksimal 20)");
        assertThat(ClientInput.updateProblems(Map.of("teks", "x".repeat(ProcessContract.TEXT_MAX_LENGTH + 1))))
                .containsExactly("variabel 'teks' terlalu panjang (4001 karakter, maksimal 4000)");
        assertThat(ClientInput.updateProblems(Map.of(ProcessContract.PLANNED_FINISH, new java.util.Date())))
                .containsExactly("variabel 'rencanaSelesai' dihitung oleh SOPflow dan tidak dapat diubah lewat API");
        assertThat(ClientInput.updateProblems(Map.of("bebas", "ya"))).isEmpty();
    }
}
