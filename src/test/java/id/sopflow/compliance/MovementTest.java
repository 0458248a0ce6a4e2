package id.sopflow.compliance;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static id.sopflow.compliance.ComplianceReportTest.CALENDAR;
import static id.sopflow.compliance.ComplianceReportTest.DPA;
import static id.sopflow.compliance.ComplianceReportTest.wib;
import static org.assertj.core.api.Assertions.assertThat;

/** The record of movement of a DPA from its visits and documents, without an engine. */
class MovementTest {

    @Test
    void eachVisitIsReceivedFromTheOneBeforeAndHandedToTheOneAfterWithItsDocuments() {
        List<Movement.Visit> visits = List.of(
                new Movement.Visit("v3b", 3, "Menyusun", wib("2026-04-14T13:30"), Optional.empty(), null, Optional.empty(), null),
                new Movement.Visit("v1", 1, "Menginstruksikan", wib("2026-04-13T09:00"), Optional.of(wib("2026-04-13T09:20")), "camat.a",
                        Optional.empty(), null),
                new Movement.Visit("v2", 2, "Koordinasi", wib("2026-04-13T09:20"), Optional.of(wib("2026-04-13T09:40")), "sekcam.a",
                        Optional.empty(), null),
                new Movement.Visit("v3", 3, "Menyusun", wib("2026-04-13T09:40"), Optional.of(wib("2026-04-14T11:40")), "kasubbag.a",
                        Optional.empty(), null),
                new Movement.Visit("v4", 4, "Mengoreksi", wib("2026-04-14T11:40"), Optional.of(wib("2026-04-14T13:30")), "sekcam.a",
                        Optional.of(false), "Pagu belum sesuai"));
        List<Movement.Upload> uploads = List.of(
                upload("v3", 3, "draf", 1, "2026-04-14T11:00"),
                upload(null, 1, "surat permintaan", 1, "2026-04-13T08:59"), // the starting document: no visit
                upload("v3b", 3, "draf", 2, "2026-04-14T14:00"));

        Movement m = Movement.of("pi", "DPA-2026", "ajibarang", DPA, CALENDAR, wib("2026-04-13T09:00"), "camat.a", Optional.empty(), visits,
                uploads);

        assertThat(m.rows()).extracting(Movement.Handover::step).containsExactly(1, 2, 3, 4, 3);
        assertThat(m.rows()).extracting(Movement.Handover::receivedFrom)
                .containsExactly("camat.a", "camat.a", "sekcam.a", "kasubbag.a", "sekcam.a");
        assertThat(m.rows()).extracting(Movement.Handover::doneBy)
                .containsExactly("camat.a", "sekcam.a", "kasubbag.a", "sekcam.a", "Kasi Perencanaan Keuangan (belum diklaim)");
        assertThat(m.rows()).extracting(Movement.Handover::handedTo)
                .containsExactly("sekcam.a", "kasubbag.a", "sekcam.a", "Kasi Perencanaan Keuangan (belum diklaim)", "-");
        assertThat(m.rows().get(0).onTime()).contains(false);
        assertThat(m.rows().get(2).workingTime()).contains(Duration.ofMinutes(570));
        assertThat(m.rows().get(3).decision()).isEqualTo("dikembalikan ke langkah 3");
        assertThat(m.rows().get(3).note()).isEqualTo("Pagu belum sesuai");
        assertThat(m.rows().get(4).end()).isEmpty();
        assertThat(m.rows().get(4).onTime()).isEmpty();
        assertThat(m.rows().get(0).documents()).extracting(Movement.DocumentEntry::kind).containsExactly("surat permintaan");
        assertThat(m.rows().get(2).documents()).extracting(Movement.DocumentEntry::version).containsExactly(1);
        assertThat(m.rows().get(4).documents()).extracting(Movement.DocumentEntry::version).containsExactly(2);
    }

    @Test
    void theLastVisitOfAFinishedInstanceIsHandedToNoOne() {
        Movement m = Movement.of("pi", "DPA-2026", "ajibarang", DPA, CALENDAR, wib("2026-04-13T09:00"), null,
                Optional.of(wib("2026-04-13T09:04")),
                List.of(new Movement.Visit("v1", 1, "Menginstruksikan", wib("2026-04-13T09:00"), Optional.of(wib("2026-04-13T09:04")), null,
                        Optional.empty(), null)), List.of());
        assertThat(m.rows()).singleElement().satisfies(r -> {
            assertThat(r.receivedFrom()).isEqualTo("SOPflow");
            assertThat(r.doneBy()).isEqualTo("-");
            assertThat(r.handedTo()).isEqualTo("SOP selesai");
            assertThat(r.onTime()).contains(true);
        });
    }

    private static Movement.Upload upload(String visit, int step, String kind, int version, String at) {
        return new Movement.Upload(visit, step, new Movement.DocumentEntry(kind, version, kind + ".pdf", "uji", wib(at), null));
    }
}
