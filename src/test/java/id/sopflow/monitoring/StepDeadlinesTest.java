package id.sopflow.monitoring;

import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.sop.ProcessContract.AlertKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The moments of a step and the planned finish, in plain Java. */
class StepDeadlinesTest {

    private static final WorkingCalendar CALENDAR = MonitoringBeans.calendarFiles();

    @Test
    void aRangeHasAReminderAtItsTargetAndTheLimitDoubledForEscalation() {
        StepDeadlines d = StepDeadlines.of(wib("2025-11-03T08:00"), waktu("2-3 hari"), CALENDAR);
        assertThat(d.reminder()).contains(wib("2025-11-05T08:00"));
        assertThat(d.due()).isEqualTo(wib("2025-11-06T08:00"));
        assertThat(d.escalation()).isEqualTo(wib("2025-11-11T08:00")); // 6 working days
    }

    @Test
    void storedFormReadsBackTheSame() {
        StepDeadlines range = StepDeadlines.of(wib("2025-11-03T08:00"), waktu("2-3 hari"), CALENDAR);
        StepDeadlines single = StepDeadlines.of(wib("2025-11-03T15:58"), waktu("5 menit"), CALENDAR);
        assertThat(StepDeadlines.parse(range.format())).isEqualTo(range);
        assertThat(StepDeadlines.parse(single.format())).isEqualTo(single);
        assertThat(single.format()).isEqualTo(wib("2025-11-03T15:58").toEpochMilli() + ";;" + wib("2025-11-04T07:33").toEpochMilli()
                + ";" + wib("2025-11-04T07:38").toEpochMilli());
        assertThat(single.format()).hasSizeLessThan(60);
        assertThatThrownBy(() -> StepDeadlines.parse("1762160280000;;1762219980000")).hasMessageContaining("tidak lengkap");
        assertThatThrownBy(() -> StepDeadlines.parse("1762160280000;x;1762219980000;1762220280000")).hasMessageContaining("tidak terbaca");
    }

    @Test
    void theReadableFormOfStepsHandedOverBeforeStillReads() {
        StepDeadlines single = StepDeadlines.of(wib("2025-11-03T15:58"), waktu("5 menit"), CALENDAR);
        StepDeadlines range = StepDeadlines.of(wib("2025-11-03T08:00"), waktu("2-3 hari"), CALENDAR);
        assertThat(StepDeadlines.parse("mulai=2025-11-03T08:58:00Z;batas=2025-11-04T00:33:00Z;eskalasi=2025-11-04T00:38:00Z"))
                .isEqualTo(single);
        assertThat(StepDeadlines.parse("mulai=2025-11-03T01:00:00Z;pengingat=2025-11-05T01:00:00Z;batas=2025-11-06T01:00:00Z;"
                + "eskalasi=2025-11-11T01:00:00Z")).isEqualTo(range);
        assertThatThrownBy(() -> StepDeadlines.parse("mulai=2025-11-03T08:58:00Z")).hasMessageContaining("tidak lengkap");
    }

    @Test
    void theOneTimerWaitsForEachMomentInTurn() {
        StepDeadlines range = StepDeadlines.of(wib("2025-11-03T08:00"), waktu("2-3 hari"), CALENDAR);
        assertThat(range.first()).isEqualTo(wib("2025-11-05T08:00"));
        StepDeadlines.Moment reminder = range.firedAt(range.first());
        assertThat(reminder.kind()).isEqualTo(AlertKind.PENGINGAT);
        StepDeadlines.Moment due = range.after(reminder).orElseThrow();
        assertThat(due).isEqualTo(new StepDeadlines.Moment(AlertKind.TERLAMBAT, wib("2025-11-06T08:00")));
        StepDeadlines.Moment escalation = range.after(due).orElseThrow();
        assertThat(escalation).isEqualTo(new StepDeadlines.Moment(AlertKind.ESKALASI, wib("2025-11-11T08:00")));
        assertThat(range.after(escalation)).isEmpty();

        StepDeadlines single = StepDeadlines.of(wib("2025-11-03T15:58"), waktu("5 menit"), CALENDAR);
        assertThat(single.first()).isEqualTo(single.due());
        assertThat(single.firedAt(single.due()).kind()).isEqualTo(AlertKind.TERLAMBAT);
        assertThat(single.firedAt(single.escalation()).kind()).isEqualTo(AlertKind.ESKALASI);
        assertThat(single.firedAt(single.due().plusSeconds(60)).kind()).as("a job moved between two moments").isEqualTo(AlertKind.TERLAMBAT);
        assertThat(single.firedAt(single.start()).kind()).as("a job moved before every moment").isEqualTo(AlertKind.TERLAMBAT);
        assertThat(single.firedAt(single.due().plusNanos(999_999)).kind()).as("a job's millisecond").isEqualTo(AlertKind.TERLAMBAT);
    }

    @Test
    void aTimerFiredLateRecordsTheMomentsAlreadyGoneWithIt() {
        StepDeadlines range = StepDeadlines.of(wib("2025-11-03T08:00"), waktu("2-3 hari"), CALENDAR);
        assertThat(range.passedWhenFired(range.first(), range.first())).extracting(StepDeadlines.Moment::kind)
                .as("on time: the reminder only").containsExactly(AlertKind.PENGINGAT);
        assertThat(range.passedWhenFired(range.first(), range.due())).extracting(StepDeadlines.Moment::kind)
                .as("fired at the limit").containsExactly(AlertKind.PENGINGAT, AlertKind.TERLAMBAT);
        assertThat(range.passedWhenFired(range.first(), range.escalation().plusSeconds(1))).extracting(StepDeadlines.Moment::kind)
                .containsExactly(AlertKind.PENGINGAT, AlertKind.TERLAMBAT, AlertKind.ESKALASI);
        assertThat(range.passedWhenFired(range.due(), range.due().plusSeconds(60))).extracting(StepDeadlines.Moment::kind)
                .as("the re-armed timer").containsExactly(AlertKind.TERLAMBAT);
        assertThat(range.passedWhenFired(range.escalation(), range.escalation().plusSeconds(60))).extracting(StepDeadlines.Moment::kind)
                .containsExactly(AlertKind.ESKALASI);
        assertThat(range.passedWhenFired(range.start(), range.start())).extracting(StepDeadlines.Moment::kind)
                .as("a job moved before every moment stands for the first").containsExactly(AlertKind.PENGINGAT);
    }

    @Test
    void plannedFinishChainsTheLimits() {
        Instant finish = StepDeadlines.plannedFinish(wib("2025-11-24T08:00"),
                List.of(waktu("5 menit"), waktu("30 menit"), waktu("1 hari kerja"), waktu("2-3 hari")), CALENDAR);
        assertThat(finish).isEqualTo(wib("2025-11-28T08:35"));
    }

    private static Waktu waktu(String text) {
        return Waktu.parse(text).orElseThrow();
    }

    private static Instant wib(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Jakarta")).toInstant();
    }

    @Test
    void theLatestStartIsTheInverseOfThePlannedFinish() {
        var calendar = MonitoringBeans.calendarFiles();
        List<Waktu> rfk = java.util.stream.Stream.of("1 hari", "1 hari", "1 hari", "1 hari", "1 jam", "1 jam", "1 jam", "5 menit",
                "10 menit", "10 menit", "10 menit", "5 menit").map(w -> Waktu.parse(w).orElseThrow()).toList();
        Instant deadline = java.time.ZonedDateTime.parse("2026-12-04T00:00+07:00").toInstant();

        Instant latest = StepDeadlines.latestStart(deadline, rfk, calendar);

        assertThat(latest).isEqualTo(java.time.ZonedDateTime.parse("2026-11-27T11:20+07:00").toInstant());
        assertThat(StepDeadlines.plannedFinish(latest, rfk, calendar)).isBeforeOrEqualTo(deadline);
        assertThat(StepDeadlines.plannedFinish(latest.plusSeconds(60), rfk, calendar)).isAfter(deadline);
    }
}
