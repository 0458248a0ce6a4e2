package id.sopflow.compliance;

import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingTimeWords;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.SopRole;
import id.sopflow.sop.SopStep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one SOP ran in one kecamatan in one semester, step by step, against its mutu baku: the figures of the Monitoring
 * Pelaksanaan SOP AP form (Permenpan RB 35/2012), computed from the steps done (completed) in the period.
 *
 * <p><b>Rules</b> (plain Java, no engine):
 * <ul>
 *   <li>A step's <em>actual time</em> is the working time (office hours of working days of the kecamatan's calendar)
 *       between its hand-over and its completion. Median and worst are over its visits in the period; a median of an even
 *       number of visits is the mean of the two middle ones.</li>
 *   <li>A visit is <em>on time</em> when it was completed not after its deadline, the step's waktu added to its hand-over
 *       in working time (the limit of a range), as the step's timer counts it. So "1 hari kerja" from Friday 14.00 is
 *       on time until Monday 14.00.</li>
 *   <li>A step is <em>berjalan dengan baik</em> when its share on time is at least the threshold
 *       ({@code sopflow.pemantauan.kepatuhan.ambang-tepat-waktu}, 0.8), else <em>tidak berjalan dengan baik</em>; a step
 *       without waktu, or not done in the period, is <em>belum dapat dinilai</em>. How often a review step sent the work
 *       back is shown beside it, not counted in the assessment (a return is the review doing its work).</li>
 *   <li>The SOP as a whole is <em>tidak berjalan dengan baik</em> when any step is, <em>berjalan dengan baik</em> when
 *       at least one step could be assessed and none is not, else <em>belum dapat dinilai</em>.</li>
 * </ul>
 * Example (DPA, threshold 0.8): step 3 "1 hari kerja" done three times in 5 jam, 1 hari 2 jam and 1 hari 30 menit of
 * working time, the last two after their deadline: 1 of 3 on time (33%), median 1 hari 30 menit kerja, worst 1 hari 2 jam
 * kerja: tidak berjalan dengan baik, and so is the DPA.
 *
 * @param instances how many instances had a step done in the period
 */
public record ComplianceReport(String kode, String nama, String kecamatan, Semester semester, double threshold, List<StepRow> steps,
                               Assessment assessment, int instances) {

    /**
     * One row of the form: a step, how often it was done, its actual working time against its mutu baku, and its
     * assessment.
     *
     * @param waktu        the mutu baku's waktu as the SOP writes it ("" when it gives none)
     * @param median       empty when the step was not done in the period
     * @param shareOnTime  on time / runs; empty when the step has no waktu or was not done
     * @param sentBack     how often its decision sent the work back (review steps)
     * @param basis        why it is assessed so, in words: "1 dari 3 tepat waktu (33%), ambang 80%"
     */
    public record StepRow(int step, String activity, String role, String waktu, boolean review, int runs, Optional<Duration> median,
                          Optional<Duration> worst, int onTime, Optional<Double> shareOnTime, int sentBack, Assessment assessment,
                          String basis) {

        /** "1 hari 30 menit kerja"; "-" when not done. */
        public String medianText() {
            return median.map(StepRow::words).orElse("-");
        }

        public String worstText() {
            return worst.map(StepRow::words).orElse("-");
        }

        /** "67%"; "-" when there is no share. */
        public String shareText() {
            return shareOnTime.map(ComplianceReport::percent).orElse("-");
        }

        private static String words(Duration d) {
            long minutes = d.toMinutes();
            return minutes <= 0 ? "kurang dari 1 menit kerja" : WorkingTimeWords.of(minutes);
        }
    }

    public ComplianceReport {
        steps = List.copyOf(steps);
    }

    /**
     * The report of {@code executions}: the steps of {@code sop} done (ended) in {@code semester}; visits that ended outside
     * it, and visits of steps the SOP does not have, are ignored, held against its mutu baku in the kecamatan's {@code calendar}.
     */
    static ComplianceReport of(SopDefinition sop, String kecamatan, Semester semester, List<StepExecution> executions,
                               WorkingCalendar calendar, double threshold) {
        List<StepExecution> inPeriod = executions.stream().filter(e -> semester.contains(e.end(), calendar.zone())).toList();
        Map<Integer, List<StepExecution>> byStep = inPeriod.stream().collect(Collectors.groupingBy(StepExecution::step));
        Map<String, String> roleNames = sop.roles().stream().collect(Collectors.toMap(SopRole::id, SopRole::name, (a, b) -> a));
        List<StepRow> rows = new ArrayList<>();
        for (SopStep step : sop.steps()) {
            rows.add(row(step, roleNames.getOrDefault(step.roleId(), step.roleId()), byStep.getOrDefault(step.number(), List.of()),
                    calendar, threshold));
        }
        Assessment whole = rows.stream().anyMatch(r -> r.assessment() == Assessment.TIDAK_BAIK) ? Assessment.TIDAK_BAIK
                : rows.stream().anyMatch(r -> r.assessment() == Assessment.BAIK) ? Assessment.BAIK : Assessment.BELUM_DINILAI;
        int instances = (int) inPeriod.stream().filter(e -> byStepKnown(sop, e)).map(StepExecution::processInstanceId).distinct().count();
        return new ComplianceReport(sop.kode(), sop.nama(), kecamatan, semester, threshold, rows, whole, instances);
    }

    private static boolean byStepKnown(SopDefinition sop, StepExecution e) {
        return sop.steps().stream().anyMatch(s -> s.number() == e.step());
    }

    private static StepRow row(SopStep step, String role, List<StepExecution> visits, WorkingCalendar calendar, double threshold) {
        int runs = visits.size();
        int sentBack = (int) visits.stream().filter(StepExecution::sentBack).count();
        List<Duration> actual = visits.stream().map(v -> calendar.workingTimeBetween(v.start(), v.end())).sorted().toList();
        Optional<Duration> median = runs == 0 ? Optional.empty() : Optional.of(median(actual));
        Optional<Duration> worst = actual.stream().max(Comparator.naturalOrder());
        Optional<Waktu> waktu = step.waktu();
        if (runs == 0) {
            return new StepRow(step.number(), step.activity(), role, step.waktuText(), step.isReview(), 0, median, worst, 0, Optional.empty(),
                    0, Assessment.BELUM_DINILAI, "tidak dijalankan dalam periode ini");
        }
        if (waktu.isEmpty()) {
            return new StepRow(step.number(), step.activity(), role, step.waktuText(), step.isReview(), runs, median, worst, 0, Optional.empty(),
                    sentBack, Assessment.BELUM_DINILAI, "waktu belum ditetapkan dalam SOP");
        }
        int onTime = (int) visits.stream().filter(v -> !v.end().isAfter(deadline(v.start(), waktu.get(), calendar))).count();
        double share = (double) onTime / runs;
        Assessment assessment = onTime >= threshold * runs - 1e-9 ? Assessment.BAIK : Assessment.TIDAK_BAIK;
        return new StepRow(step.number(), step.activity(), role, step.waktuText(), step.isReview(), runs, median, worst, onTime,
                Optional.of(share), sentBack, assessment,
                onTime + " dari " + runs + " tepat waktu (" + percent(share) + "), ambang " + percent(threshold));
    }

    private static Instant deadline(Instant start, Waktu waktu, WorkingCalendar calendar) {
        return calendar.add(start, waktu);
    }

    /** The middle of a sorted list; the mean of the two middle ones for an even size. */
    static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /** "67%", rounded to a whole percent. */
    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** The row of a step. */
    public Optional<StepRow> step(int number) {
        return steps.stream().filter(r -> r.step() == number).findFirst();
    }
}
