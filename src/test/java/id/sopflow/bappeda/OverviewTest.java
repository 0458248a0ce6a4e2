package id.sopflow.bappeda;

import id.sopflow.bappeda.Overview.State;
import id.sopflow.bappeda.Submission.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewTest {

    @Test
    void withoutASubmissionARunningInstanceIsBerjalanOrTerlambatAndNoneIsBelumMulai() {
        assertThat(Overview.state(Optional.empty(), false, false)).isEqualTo(State.BELUM_MULAI);
        assertThat(Overview.state(Optional.empty(), true, false)).isEqualTo(State.BERJALAN);
        assertThat(Overview.state(Optional.empty(), true, true)).isEqualTo(State.TERLAMBAT);
    }

    @Test
    void theLatestSubmissionDecides() {
        assertThat(Overview.state(Optional.of(Status.TERKIRIM), true, true)).isEqualTo(State.TERKIRIM);
        assertThat(Overview.state(Optional.of(Status.DIKEMBALIKAN), true, false)).isEqualTo(State.DIKEMBALIKAN);
        assertThat(Overview.state(Optional.of(Status.DITERIMA), false, false)).isEqualTo(State.DITERIMA);
    }

    @Test
    void aReceivedDraftWhoseInstanceRunsOnCountsAsTheRunningInstance() {
        // the Renstra: its rancangan received at step 12, Bappeda's step 13 and the final Renstra still to come
        assertThat(Overview.state(Optional.of(Status.DITERIMA), true, false)).isEqualTo(State.BERJALAN);
        assertThat(Overview.state(Optional.of(Status.DITERIMA), true, true)).isEqualTo(State.TERLAMBAT);
    }

    @Test
    void theMatrixCountsItsCellsByState() {
        Overview.Matrix matrix = new Overview.Matrix(2026, List.of(new Overview.Column("rup", "RUP", "2026", "RUP")), List.of(
                new Overview.Row("a", "A", List.of(new Overview.Cell("a", "rup", "2026", State.DITERIMA))),
                new Overview.Row("b", "B", List.of(new Overview.Cell("b", "rup", "2026", State.BELUM_MULAI))),
                new Overview.Row("c", "C", List.of(new Overview.Cell("c", "rup", "2026", null)))));
        assertThat(matrix.count(State.DITERIMA)).isOne();
        assertThat(matrix.count(State.BELUM_MULAI)).isOne();
        assertThat(matrix.count(State.TERKIRIM)).isZero();
    }

    @Test
    void theSentPeriodIsTheStartsPeriodElseTheBusinessKeysElseTheMomentOfSending() {
        Instant november = Instant.parse("2026-11-24T03:00:00Z");
        assertThat(SubmissionDelegate.period("2027", "RENJA-2026", november, false)).containsExactly(2027, 0);
        assertThat(SubmissionDelegate.period(null, "RENJA-2026", november, false)).containsExactly(2026, 0);
        assertThat(SubmissionDelegate.period("2026-03", null, november, true)).containsExactly(2026, 3);
        assertThat(SubmissionDelegate.period(null, "RFK-TEPPA-arut-selatan-2026-10", november, true)).containsExactly(2026, 10);
        // a yearly document keeps only its year; a month 13 or a year 1999 is no period
        assertThat(SubmissionDelegate.period(null, "RFK-TEPPA-2026-10", november, false)).containsExactly(2026, 0);
        assertThat(SubmissionDelegate.period(null, "LAPORAN-2026-13", november, true)).containsExactly(2026, 11);
        assertThat(SubmissionDelegate.period(null, "ARSIP-1999", november, false)).containsExactly(2026, 0);
        assertThat(SubmissionDelegate.period(null, null, Instant.parse("2026-12-31T18:00:00Z"), true))
                .as("the office's date, not UTC's").containsExactly(2027, 1);
    }
}
