package id.sopflow.monitoring;

import id.sopflow.organisation.Recipient;
import id.sopflow.sop.ProcessContract.AlertKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertPolicyTest {

    private static final Recipient HOLDER = Recipient.user("pelaksana.arut-selatan");

    @Test
    void aKecamatansLateStepGoesToItsSekcamThenItsCamat() {
        assertThat(AlertPolicy.whoIsTold(AlertKind.PENGINGAT, HOLDER, false)).containsExactly(HOLDER);
        assertThat(AlertPolicy.whoIsTold(AlertKind.TERLAMBAT, HOLDER, false)).containsExactly(Recipient.group("sekcam"));
        assertThat(AlertPolicy.whoIsTold(AlertKind.ESKALASI, HOLDER, false)).containsExactly(Recipient.group("camat"));
        assertThat(AlertPolicy.whoIsTold(AlertKind.TENGGAT_LAPORAN, HOLDER, false))
                .containsExactly(Recipient.group("sekcam"), Recipient.group("camat"));
    }

    @Test
    void bappedaBeingLateGoesToBappedasHeadNeverToTheKecamatan() {
        Recipient staff = Recipient.user("staf.bappeda");
        assertThat(AlertPolicy.whoIsTold(AlertKind.PENGINGAT, staff, true)).containsExactly(staff);
        assertThat(AlertPolicy.whoIsTold(AlertKind.TERLAMBAT, staff, true)).containsExactly(Recipient.group("kepala-bappeda"));
        assertThat(AlertPolicy.whoIsTold(AlertKind.ESKALASI, staff, true)).containsExactly(Recipient.group("kepala-bappeda"));
    }
}
