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

        Movement m = Movement.of("pi", "DPA-2026", "ajibarang", DPA, CALENDAR, wib("2026-04-13T09:00"), "camat.a",
                new Movement.State(Optional.empty(), Optional.empty(), wib("2026-04-14T14:00")), visits, uploads);

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
        assertThat(m.rows().get(4).onTime()).as("open, judged now: within its 1 hari kerja").contains(true);
        assertThat(m.rows().get(0).documents()).extracting(Movement.DocumentEntry::kind).containsExactly("surat permintaan");
        assertThat(m.rows().get(2).documents()).extracting(Movement.DocumentEntry::version).containsExactly(1);
        assertThat(m.rows().get(4).documents()).extracting(Movement.DocumentEntry::version).containsExactly(2);
    }

    @Test
    void theLastVisitOfAFinishedInstanceIsHandedToNoOne() {
        Movement m = Movement.of("pi", "DPA-2026", "ajibarang", DPA, CALENDAR, wib("2026-04-13T09:00"), null,
                new Movement.State(Optional.of(wib("2026-04-13T09:04")), Optional.empty(), wib("2026-04-14T09:00")),
                List.of(new Movement.Visit("v1", 1, "Menginstruksikan", wib("2026-04-13T09:00"), Optional.of(wib("2026-04-13T09:04")), null,
                        Optional.empty(), null)), List.of());
        assertThat(m.rows()).singleElement().satisfies(r -> {
            assertThat(r.receivedFrom()).isEqualTo("SOPflow");
            assertThat(r.doneBy()).isEqualTo("-");
            assertThat(r.handedTo()).isEqualTo("SOP selesai");
            assertThat(r.onTime()).contains(true);
        });
    }

    @Test
    void anOpenVisitPastItsDeadlineIsLateNow() {
        Movement.Visit open = new Movement.Visit("v1", 1, "Menginstruksikan", wib("2026-04-13T09:00"), Optional.empty(), null,
                Optional.empty(), null);
        Movement m = Movement.of("pi", "DPA-2026", "ajibarang", DPA, CALENDAR, wib("2026-04-13T09:00"), "camat.a",
                new Movement.State(Optional.empty(), Optional.empty(), wib("2026-04-13T09:30")), List.of(open), List.of());
        assertThat(m.rows().get(0).onTime()).as("5 menit, open for 30").contains(false);
    }

    @Test
    void theTimersStoredDeadlineAndTheDefinitionsRoleAndWaktuAreTheVisits() {
        Movement.Visit visit = new Movement.Visit("v1", 1, "Menginstruksikan", wib("2026-04-13T09:00"), Optional.of(wib("2026-04-13T09:20")),
                "camat.a", Optional.empty(), null, "sekcam", "30 menit", Optional.of(wib("2026-04-13T09:30")), false);
        Movement m = Movement.of("pi", "DPA-2026", "ajibarang", DPA, CALENDAR, wib("2026-04-13T09:00"), "camat.a",
                new Movement.State(Optional.empty(), Optional.empty(), wib("2026-04-14T09:00")), List.of(visit), List.of());
        assertThat(m.rows().get(0).role()).isEqualTo("Sekcam");
        assertThat(m.rows().get(0).waktu()).isEqualTo("30 menit");
        assertThat(m.rows().get(0).onTime()).contains(true);
    }

    @Test
    void aCancelledInstanceIsStoppedNotFinishedAndKeepsItsCancelledVisit() {
        List<Movement.Visit> visits = List.of(
                new Movement.Visit("v1", 1, "Menginstruksikan", wib("2026-04-13T09:00"), Optional.of(wib("2026-04-13T09:04")), "camat.a",
                        Optional.empty(), null),
                new Movement.Visit("v2", 2, "Koordinasi", wib("2026-04-13T09:04"), Optional.of(wib("2026-04-13T10:00")), "sekcam.a",
                        Optional.empty(), null, null, null, Optional.empty(), true));
        Movement m = Movement.of("pi", "DPA-2026", "ajibarang", DPA, CALENDAR, wib("2026-04-13T09:00"), "camat.a",
                new Movement.State(Optional.of(wib("2026-04-13T10:00")), Optional.of("salah input"), wib("2026-04-14T09:00")), visits,
                List.of(upload("lain", 9, "lampiran", 1, "2026-04-13T09:30")));
        assertThat(m.rows()).hasSize(2);
        assertThat(m.rows().get(0).handedTo()).isEqualTo("sekcam.a");
        assertThat(m.rows().get(1).handedTo()).isEqualTo("dihentikan (salah input)");
        assertThat(m.rows().get(1).decision()).isEqualTo("dihentikan");
        assertThat(m.rows()).allSatisfy(r -> assertThat(r.handedTo()).isNotEqualTo("SOP selesai"));
        assertThat(m.otherDocuments()).as("a document of no visit shown is never dropped").extracting(Movement.DocumentEntry::kind)
                .containsExactly("lampiran");
    }

    @Test
    void bappedasVisitIsAmongTheVisitsAndTheStepsAroundItNameItsDoer() {
        List<Movement.Visit> visits = List.of(
                new Movement.Visit("v1", 1, "Menginstruksikan", wib("2026-04-13T09:00"), Optional.of(wib("2026-04-13T09:04")), "camat.a",
                        Optional.empty(), null),
                new Movement.Visit("b2", 2, "Verifikasi Bappeda", wib("2026-04-13T09:04"), Optional.of(wib("2026-04-13T10:00")), "staf.bappeda",
                        Optional.empty(), null, "bappeda", "1 hari kerja", Optional.empty(), false),
                new Movement.Visit("v3", 3, "Menyusun", wib("2026-04-13T10:00"), Optional.empty(), null, Optional.empty(), null));
        Movement m = Movement.of("pi", "DPA-2026", "ajibarang", DPA, CALENDAR, wib("2026-04-13T09:00"), "camat.a",
                new Movement.State(Optional.empty(), Optional.empty(), wib("2026-04-13T11:00")), visits, List.of());
        assertThat(m.rows().get(0).handedTo()).isEqualTo("staf.bappeda");
        assertThat(m.rows().get(1).role()).isEqualTo("bappeda");
        assertThat(m.rows().get(1).doneBy()).isEqualTo("staf.bappeda");
        assertThat(m.rows().get(2).receivedFrom()).isEqualTo("staf.bappeda");
    }

    private static Movement.Upload upload(String visit, int step, String kind, int version, String at) {
        return new Movement.Upload(visit, step, new Movement.DocumentEntry(kind, version, kind + ".pdf", "uji", wib(at), null));
    }
}
