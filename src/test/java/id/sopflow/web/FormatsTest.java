package id.sopflow.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Moments in Indonesian form in the kecamatan's zone; lateness and time left in working time. */
class FormatsTest {

    @Test
    void aMomentIsWrittenAsStaffReadIt() {
        Instant at = Instant.parse("2026-12-28T00:35:00Z");
        assertThat(Formats.moment(at, ZoneId.of("Asia/Jakarta"))).isEqualTo("Senin, 28 Desember 2026 07.35 WIB");
        assertThat(Formats.moment(at, ZoneId.of("Asia/Makassar"))).isEqualTo("Senin, 28 Desember 2026 08.35 WITA");
        assertThat(Formats.moment(at, ZoneId.of("Asia/Jayapura"))).isEqualTo("Senin, 28 Desember 2026 09.35 WIT");
        assertThat(Formats.moment(null, ZoneId.of("Asia/Jakarta"))).isEqualTo("-");
    }

    @Test
    void latenessAndTimeLeftInWorkingTime() {
        assertThat(Formats.late(1080)).isEqualTo("terlambat 2 hari 3 jam kerja");
        assertThat(Formats.late(0)).isEqualTo("tepat waktu");
        assertThat(Formats.left(180, 0)).isEqualTo("sisa 3 jam kerja");
        assertThat(Formats.left(0, 45)).isEqualTo("terlambat 45 menit kerja");
    }
}
