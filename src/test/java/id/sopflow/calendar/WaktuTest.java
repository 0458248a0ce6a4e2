package id.sopflow.calendar;

import static id.sopflow.calendar.WorkAmount.minutes;
import static id.sopflow.calendar.WorkAmount.workingDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WaktuTest {

    static Stream<Arguments> singleForms() {
        return Stream.of(
                // every form seen in the seeds
                Arguments.of("5 menit", minutes(5)),
                Arguments.of("60 menit", minutes(60)),
                Arguments.of("30 Menit", minutes(30)),
                Arguments.of("15 menit", minutes(15)),
                Arguments.of("10 menit", minutes(10)),
                Arguments.of("1 jam", minutes(60)),
                Arguments.of("1 Jam", minutes(60)),
                Arguments.of("2 jam", minutes(120)),
                Arguments.of("1 hari", workingDays(1)),
                Arguments.of("1 Hari", workingDays(1)),
                Arguments.of("1 hari kerja", workingDays(1)),
                Arguments.of("7 hari kerja", workingDays(7)),
                Arguments.of("2 hari", workingDays(2)),
                Arguments.of("4 hari", workingDays(4)),
                Arguments.of("5 hari", workingDays(5)),
                Arguments.of("2 minggu", workingDays(10)),
                Arguments.of("30 hari", workingDays(30)),
                // further forms the project accepts
                Arguments.of("1,5 jam", minutes(90)),
                Arguments.of("1.5 jam", minutes(90)),
                Arguments.of("0,25 jam", minutes(15)),
                Arguments.of("3 bulan", workingDays(60)),
                Arguments.of("1 minggu", workingDays(5)),
                Arguments.of("1 bulan", workingDays(20)),
                Arguments.of("  2   HARI   KERJA ", workingDays(2)),
                Arguments.of("45menit", minutes(45)),
                Arguments.of("2,0 hari", workingDays(2)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("singleForms")
    void readsSingleAmounts(String text, WorkAmount expected) {
        Waktu waktu = Waktu.parse(text).orElseThrow();

        assertThat(waktu.target()).isEqualTo(expected);
        assertThat(waktu.limit()).isEqualTo(expected);
        assertThat(waktu.isRange()).isFalse();
        assertThat(waktu.text()).isEqualTo(text.strip());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2-3 hari", "2 - 3 hari", "2 s/d 3 hari", "2 sampai 3 hari", "2 sampai dengan 3 hari",
        "2 hingga 3 Hari", "2\u20133 hari", "2 s.d. 3 hari kerja"})
    void readsRangesAsTargetAndLimit(String text) {
        Waktu waktu = Waktu.parse(text).orElseThrow();

        assertThat(waktu.target()).isEqualTo(workingDays(2));
        assertThat(waktu.limit()).isEqualTo(workingDays(3));
        assertThat(waktu.isRange()).isTrue();
    }

    @Test
    void rangesConvertBothEnds() {
        Waktu jam = Waktu.parse("1-1,5 jam").orElseThrow();
        assertThat(jam.target()).isEqualTo(minutes(60));
        assertThat(jam.limit()).isEqualTo(minutes(90));

        Waktu minggu = Waktu.parse("1-2 minggu").orElseThrow();
        assertThat(minggu.target()).isEqualTo(workingDays(5));
        assertThat(minggu.limit()).isEqualTo(workingDays(10));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", "\u00A0"})
    void blankMeansNoDeadline(String text) {
        assertThat(Waktu.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sebentar", "5", "5 detik", "-1 hari", "0 menit", "0 hari", "0,5 hari", "0.5 hari",
        "1,5 minggu", "0,5 menit", "1,01 jam", "3-2 hari", "2-2 hari", "hari", "1 hari kalender", "2 jam 30 menit",
        "1 tahun", "9999999 hari", "99999999999999999999 menit", "2-3", "1 x 24 jam"})
    void refusesUnreadableTextNamingIt(String text) {
        assertThatThrownBy(() -> Waktu.parse(text))
                .isInstanceOf(WaktuFormatException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text.strip() + "\"")
                .hasMessageContaining("menit, jam, hari, hari kerja, minggu atau bulan")
                .satisfies(e -> assertThat(((WaktuFormatException) e).text()).isEqualTo(text.strip()));
    }

    @Test
    void explainsWhyTextWasRefused() {
        assertThatThrownBy(() -> Waktu.parse("5 detik")).hasMessageContaining("satuan \"detik\" tidak dikenal");
        assertThatThrownBy(() -> Waktu.parse("5")).hasMessageContaining("satuan tidak ada");
        assertThatThrownBy(() -> Waktu.parse("-1 hari")).hasMessageContaining("negatif");
        assertThatThrownBy(() -> Waktu.parse("0 menit")).hasMessageContaining("lebih dari nol");
        assertThatThrownBy(() -> Waktu.parse("0,5 hari")).hasMessageContaining("tidak boleh pecahan");
        assertThatThrownBy(() -> Waktu.parse("1,01 jam")).hasMessageContaining("bukan menit bulat");
        assertThatThrownBy(() -> Waktu.parse("3-2 hari")).hasMessageContaining("batas bawah rentang");
        assertThatThrownBy(() -> Waktu.parse("sebentar")).hasMessageContaining("tidak diawali angka");
    }

    @Test
    void recordRefusesInconsistentAmounts() {
        assertThatThrownBy(() -> new Waktu("x", minutes(10), workingDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same unit");
        assertThatThrownBy(() -> new Waktu("x", workingDays(3), workingDays(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"x\"");
    }

    @Test
    void workAmountMultipliesAndPrints() {
        assertThat(minutes(30).times(3)).isEqualTo(minutes(90));
        assertThat(workingDays(2).times(0)).isEqualTo(workingDays(0));
        assertThat(minutes(90)).hasToString("90 menit");
        assertThat(workingDays(3)).hasToString("3 hari kerja");
        assertThat(Waktu.parse(workingDays(3).toString()).orElseThrow().limit()).isEqualTo(workingDays(3));
        assertThatThrownBy(() -> minutes(1).times(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minutes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> workingDays(Long.MAX_VALUE).times(2)).isInstanceOf(ArithmeticException.class);
    }
}
