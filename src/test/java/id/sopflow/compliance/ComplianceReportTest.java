package id.sopflow.compliance;

import id.sopflow.api.InvalidInput;
import id.sopflow.calendar.CalendarFiles;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopDefinition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The compliance report computed by hand: Ajibarang's DPA (6 steps: 5 menit, 30 menit, 1 hari kerja x3, 10 menit) in
 * semester 2026-1, the week of Monday 13 April 2026 (no holiday; Monday–Thursday 07.30–12.00 and 13.00–16.00). The same
 * visits are driven through the engine by {@code ComplianceIT}.
 */
class ComplianceReportTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final SopDefinition DPA = SopCatalog.load(Path.of("config/sop"), SopCatalog.STANDARD_ROLES).get("dpa");
    static final WorkingCalendar CALENDAR = CalendarFiles.readCalendar(Path.of("config/kalender"));
    static final Semester SEMESTER = Semester.parse("2026-1");
    /** When the report is read: after the semester, as in {@code ComplianceIT}. */
    static final Instant NOW = wib("2026-07-02T09:00");

    /**
     * A: every step on time. B: step 1 late (20 of 5 menit), step 3 late twice (570 and 480 working minutes against
     * 1 hari kerja), sent back once at step 4. C: step 2 late (55 of 30 menit), then still at step 3. D: step 1 on 30 June,
     * step 2 handed over at 15.03 and done on 1 July: at the end of the semester it was open and past its deadline (15.33),
     * so it counts in 2026-1 as a late run of 57 working minutes (Tuesday 15.03–16.00), and not again in 2026-2.
     */
    static List<StepExecution> visits() {
        List<StepExecution> v = new ArrayList<>();
        v.add(visit("A", 1, "2026-04-13T08:00", "2026-04-13T08:04"));
        v.add(visit("A", 2, "2026-04-13T08:04", "2026-04-13T08:30"));
        v.add(visit("A", 3, "2026-04-13T08:30", "2026-04-13T14:30"));        // 300 working minutes
        v.add(visit("A", 4, "2026-04-13T14:30", "2026-04-14T09:00"));        // 90 + 90
        v.add(visit("A", 5, "2026-04-14T09:00", "2026-04-14T10:00"));
        v.add(visit("A", 6, "2026-04-14T10:00", "2026-04-14T10:05"));
        v.add(visit("B", 1, "2026-04-13T09:00", "2026-04-13T09:20"));        // late: due 09.05
        v.add(visit("B", 2, "2026-04-13T09:20", "2026-04-13T09:40"));
        v.add(visit("B", 3, "2026-04-13T09:40", "2026-04-14T11:40"));        // 140 + 180 + 250 = 570, due Tue 09.40: late
        v.add(StepExecution.completed("B", 4, wib("2026-04-14T11:40"), wib("2026-04-14T13:30"),
                deadline(DPA, 4, wib("2026-04-14T11:40")), true));                 // 20 + 30, sent back to 3
        v.add(visit("B", 3, "2026-04-14T13:30", "2026-04-15T14:00"));        // 150 + 270 + 60 = 480, due Wed 13.30: late
        v.add(visit("B", 4, "2026-04-15T14:00", "2026-04-15T15:00"));
        v.add(visit("B", 5, "2026-04-15T15:00", "2026-04-16T08:00"));        // 60 + 30
        v.add(visit("B", 6, "2026-04-16T08:00", "2026-04-16T08:10"));        // exactly at its deadline: on time
        v.add(visit("C", 1, "2026-04-15T08:00", "2026-04-15T08:05"));
        v.add(visit("C", 2, "2026-04-15T08:05", "2026-04-15T09:00"));        // 55 of 30 menit: late
        v.add(visit("D", 1, "2026-06-30T15:00", "2026-06-30T15:03"));
        v.add(visit("D", 2, "2026-06-30T15:03", "2026-07-01T08:00"));        // ends in 2026-2: open and late (57 minutes) at the end of 2026-1
        return v;
    }

    @Test
    void eachStepAgainstItsMutuBakuAsComputedByHand() {
        ComplianceReport report = ComplianceReport.of(DPA, "ajibarang", SEMESTER, visits(), CALENDAR, 0.8, NOW);

        assertThat(report.instances()).isEqualTo(4);
        assertRow(report, 1, 4, Duration.ofSeconds(270), Duration.ofMinutes(20), 3, 0, Assessment.TIDAK_BAIK); // 3,4,5,20: 75%
        assertRow(report, 2, 4, Duration.ofSeconds(2430), Duration.ofMinutes(57), 2, 0, Assessment.TIDAK_BAIK); // 20,26,55,57: 50%
        assertRow(report, 3, 3, Duration.ofMinutes(480), Duration.ofMinutes(570), 1, 0, Assessment.TIDAK_BAIK); // 33%
        assertRow(report, 4, 3, Duration.ofMinutes(60), Duration.ofMinutes(180), 3, 1, Assessment.BAIK);
        assertRow(report, 5, 2, Duration.ofMinutes(75), Duration.ofMinutes(90), 2, 0, Assessment.BAIK);
        assertRow(report, 6, 2, Duration.ofSeconds(450), Duration.ofMinutes(10), 2, 0, Assessment.BAIK);
        assertThat(report.assessment()).isEqualTo(Assessment.TIDAK_BAIK);

        ComplianceReport.StepRow three = report.step(3).orElseThrow();
        assertThat(three.shareText()).isEqualTo("33%");
        assertThat(three.medianText()).isEqualTo("1 hari 30 menit kerja");
        assertThat(three.worstText()).isEqualTo("1 hari 2 jam kerja");
        assertThat(three.basis()).isEqualTo("1 dari 3 tepat waktu (33%), ambang 80%");
        assertThat(report.step(1).orElseThrow().shareOnTime()).contains(0.75);
    }

    @Test
    void aVisitOpenOrCancelledPastItsDeadlineIsALateRunWithItsWorkingTimeSoFar() {
        List<StepExecution> v = new ArrayList<>(visits());
        Instant cStep3 = wib("2026-04-15T09:00"); // C still at step 3 (1 hari kerja: due Thursday 09.00)
        v.add(StepExecution.open("C", 3, cStep3, deadline(DPA, 3, cStep3)));
        Instant cancelledLate = wib("2026-04-20T08:00");  // cancelled at 09.00, past its 5 menit
        v.add(StepExecution.cancelled("E", 1, cancelledLate, wib("2026-04-20T09:00"), deadline(DPA, 1, cancelledLate)));
        Instant cancelledInTime = wib("2026-04-21T08:00"); // cancelled at 08.03, within its 5 menit: not a run
        v.add(StepExecution.cancelled("F", 1, cancelledInTime, wib("2026-04-21T08:03"), deadline(DPA, 1, cancelledInTime)));

        ComplianceReport report = ComplianceReport.of(DPA, "ajibarang", SEMESTER, v, CALENDAR, 0.8, NOW);

        Duration soFar = CALENDAR.workingTimeBetween(cStep3, wib("2026-07-01T00:00"));
        assertRow(report, 3, 4, Duration.ofMinutes(525), soFar, 1, 0, Assessment.TIDAK_BAIK);
        assertThat(report.step(3).orElseThrow().open()).isEqualTo(1);
        assertThat(report.step(3).orElseThrow().basis()).isEqualTo("1 dari 4 tepat waktu (25%), ambang 80%, 1 belum selesai melewati mutu baku");
        assertThat(report.step(2).orElseThrow().open()).as("D's step 2 was open at the end of June").isEqualTo(1);
        assertRow(report, 1, 5, Duration.ofMinutes(5), Duration.ofMinutes(60), 3, 0, Assessment.TIDAK_BAIK); // 3,4,5,20,60
        assertThat(report.instances()).isEqualTo(5);
    }

    @Test
    void anOpenVisitOfTheRunningSemesterIsJudgedNowAndAVisitCountsOnce() {
        Semester running = Semester.parse("2026-2");
        Instant handed = wib("2026-07-02T08:30");
        List<StepExecution> v = new ArrayList<>(visits());
        v.add(StepExecution.open("G", 3, handed, deadline(DPA, 3, handed)));

        ComplianceReport report = ComplianceReport.of(DPA, "ajibarang", running, v, CALENDAR, 0.8, NOW);

        assertThat(report.step(3).orElseThrow()).satisfies(r -> {
            assertThat(r.runs()).as("not yet past its deadline at 09.00").isZero();
            assertThat(r.open()).isEqualTo(1);
            assertThat(r.basis()).isEqualTo("belum selesai dan belum melewati mutu baku");
        });
        assertThat(report.step(2).orElseThrow().runs()).as("D's step 2 was counted in 2026-1, when it was late and open").isZero();
        ComplianceReport later = ComplianceReport.of(DPA, "ajibarang", running, v, CALENDAR, 0.8, wib("2026-07-03T09:00"));
        assertThat(later.step(3).orElseThrow().runs()).as("past its deadline (Friday 08.30) a day later").isEqualTo(1);
        assertThat(later.step(3).orElseThrow().worst()).contains(CALENDAR.workingTimeBetween(handed, wib("2026-07-03T09:00")));
    }

    @Test
    void theDeadlineIsTheOneTheTimerStoredNotARecomputedOne() {
        Instant start = wib("2026-04-13T09:40");
        Instant end = wib("2026-04-14T11:40"); // late against today's calendar (due Tuesday 09.40)
        Instant stored = wib("2026-04-15T09:40"); // the timer's: a holiday on the 14th when it was handed over, since removed
        assertThat(StepExecution.deadline(Optional.of(stored), start, DPA.steps().get(2).waktu(), CALENDAR)).contains(stored);
        assertThat(StepExecution.deadline(Optional.empty(), start, DPA.steps().get(2).waktu(), CALENDAR)).contains(wib("2026-04-14T09:40"));
        assertThat(StepExecution.deadline(Optional.empty(), start, Optional.empty(), CALENDAR)).isEmpty();
        ComplianceReport report = ComplianceReport.of(DPA, "ajibarang", SEMESTER,
                List.of(StepExecution.completed("B", 3, start, end, Optional.of(stored), false)), CALENDAR, 0.8, NOW);
        assertThat(report.step(3).orElseThrow().onTime()).isEqualTo(1);
    }

    @Test
    void anEndBeforeItsStartIsAVisitOfNoDurationNotAnError() {
        StepExecution skewed = StepExecution.completed("S", 1, wib("2026-04-13T08:00"), wib("2026-04-13T07:59"), Optional.empty(), false);
        assertThat(skewed.end()).contains(wib("2026-04-13T08:00"));
        ComplianceReport report = ComplianceReport.of(DPA, "ajibarang", SEMESTER, List.of(StepExecution.completed("S", 1,
                wib("2026-04-13T08:00"), wib("2026-04-13T07:59"), deadline(DPA, 1, wib("2026-04-13T08:00")), false)), CALENDAR, 0.8, NOW);
        assertThat(report.step(1).orElseThrow().worst()).contains(Duration.ZERO);
        assertThat(report.step(1).orElseThrow().onTime()).isEqualTo(1);
    }

    @Test
    void theThresholdDecides() {
        ComplianceReport lenient = ComplianceReport.of(DPA, "ajibarang", SEMESTER, visits(), CALENDAR, 0.75, NOW);
        assertThat(lenient.step(1).orElseThrow().assessment()).as("75% reaches 0.75").isEqualTo(Assessment.BAIK);
        assertThat(lenient.step(2).orElseThrow().assessment()).isEqualTo(Assessment.TIDAK_BAIK);
        ComplianceReport allOnTime = ComplianceReport.of(DPA, "ajibarang", SEMESTER,
                visits().stream().filter(v -> v.processInstanceId().equals("A")).toList(), CALENDAR, 0.8, NOW);
        assertThat(allOnTime.assessment()).isEqualTo(Assessment.BAIK);
        assertThat(allOnTime.steps()).allSatisfy(r -> assertThat(r.shareText()).isEqualTo("100%"));
    }

    @Test
    void stepsNotDoneOrWithoutWaktuCannotBeAssessed() {
        ComplianceReport report = ComplianceReport.of(DPA, "ajibarang", SEMESTER,
                List.of(visit("C", 1, "2026-04-15T08:00", "2026-04-15T08:05")), CALENDAR, 0.8, NOW);
        assertThat(report.step(2).orElseThrow()).satisfies(r -> {
            assertThat(r.runs()).isZero();
            assertThat(r.assessment()).isEqualTo(Assessment.BELUM_DINILAI);
            assertThat(r.medianText()).isEqualTo("-");
            assertThat(r.basis()).isEqualTo("tidak dijalankan dalam periode ini");
        });
        assertThat(report.assessment()).as("one step assessed, none badly").isEqualTo(Assessment.BAIK);
        assertThat(ComplianceReport.of(DPA, "ajibarang", SEMESTER, List.of(), CALENDAR, 0.8, NOW).assessment())
                .isEqualTo(Assessment.BELUM_DINILAI);

        SopDefinition varian = SopCatalog.load(Path.of("config/sop"), SopCatalog.STANDARD_ROLES).get("dpa-varian-1");
        ComplianceReport blank = ComplianceReport.of(varian, "ajibarang", SEMESTER,
                List.of(StepExecution.completed("E", 1, wib("2026-04-15T08:00"), wib("2026-04-20T08:05"), Optional.empty(), false)),
                CALENDAR, 0.8, NOW);
        assertThat(blank.step(1).orElseThrow()).satisfies(r -> {
            assertThat(r.runs()).isEqualTo(1);
            assertThat(r.shareOnTime()).isEqualTo(Optional.empty());
            assertThat(r.assessment()).isEqualTo(Assessment.BELUM_DINILAI);
            assertThat(r.basis()).isEqualTo("waktu belum ditetapkan dalam SOP");
        });
    }

    @Test
    void aSemesterIsHalfAYearOfLocalDays() {
        assertThat(SEMESTER.start(WIB)).isEqualTo(wib("2026-01-01T00:00"));
        assertThat(SEMESTER.end(WIB)).isEqualTo(wib("2026-07-01T00:00"));
        assertThat(Semester.parse("2026-2").end(WIB)).isEqualTo(wib("2027-01-01T00:00"));
        assertThat(SEMESTER.label()).isEqualTo("Januari–Juni 2026");
        assertThat(Semester.of(java.time.LocalDate.of(2026, 7, 1))).hasToString("2026-2");
        assertThat(SEMESTER.contains(wib("2026-06-30T23:59"), WIB)).isTrue();
        assertThat(SEMESTER.contains(wib("2026-07-01T00:00"), WIB)).isFalse();
        for (String bad : new String[]{"2026-3", "2026-0", "2026", "26-1", "2026-1x", "", "semester"}) {
            assertThatThrownBy(() -> Semester.parse(bad)).as(bad).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("TTTT-1 (Januari–Juni) atau TTTT-2 (Juli–Desember)");
        }
        assertThatThrownBy(() -> Semester.parse(null)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theMedianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        assertThat(ComplianceReport.median(List.of(Duration.ofMinutes(1)))).isEqualTo(Duration.ofMinutes(1));
        assertThat(ComplianceReport.median(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(9))))
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(ComplianceReport.median(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)))).isEqualTo(Duration.ofSeconds(90));
    }

    private static void assertRow(ComplianceReport report, int step, int runs, Duration median, Duration worst, int onTime, int sentBack,
                                  Assessment assessment) {
        ComplianceReport.StepRow row = report.step(step).orElseThrow();
        assertThat(row.runs()).as("langkah %d dijalankan", step).isEqualTo(runs);
        assertThat(row.median()).as("langkah %d median", step).contains(median);
        assertThat(row.worst()).as("langkah %d terlama", step).contains(worst);
        assertThat(row.onTime()).as("langkah %d tepat waktu", step).isEqualTo(onTime);
        assertThat(row.sentBack()).as("langkah %d dikembalikan", step).isEqualTo(sentBack);
        assertThat(row.assessment()).as("langkah %d penilaian", step).isEqualTo(assessment);
    }

    static StepExecution visit(String instance, int step, String start, String end) {
        return StepExecution.completed(instance, step, wib(start), wib(end), deadline(DPA, step, wib(start)), false);
    }

    /** The deadline a step's timer would have stored: its waktu added to its start. */
    static Optional<Instant> deadline(SopDefinition sop, int step, Instant start) {
        return StepExecution.deadline(Optional.empty(), start, sop.steps().get(step - 1).waktu(), CALENDAR);
    }

    static Instant wib(String local) {
        return LocalDateTime.parse(local).atZone(WIB).toInstant();
    }
}
