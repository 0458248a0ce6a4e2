package id.sopflow.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Working time in words: office days of 7 jam 30 menit, then hours and minutes. */
class WorkingTimeWordsTest {

    @ParameterizedTest(name = "{0} menit: {1}")
    @CsvSource({
            "0, tepat waktu", "-5, tepat waktu", "12, 12 menit kerja", "60, 1 jam kerja", "135, 2 jam 15 menit kerja",
            "450, 1 hari kerja", "455, 1 hari 5 menit kerja", "1080, 2 hari 3 jam kerja", "1109, 2 hari 3 jam 29 menit kerja"})
    void minutesAsStaffSayThem(long minutes, String words) {
        assertThat(WorkingTimeWords.of(minutes)).isEqualTo(words);
    }
}
