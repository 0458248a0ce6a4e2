package id.sopflow.compliance;

import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingTimeWords;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.SopRole;
import id.sopflow.sop.SopStep;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How one SOP ran in one kecamatan in one semester, step by step, against its mutu baku: the figures of the Monitoring
 * Pelaksanaan SOP AP form (Permenpan RB 35/2012), computed from the visits of its steps.
 *
 * <p><b>Rules</b> (plain Java, no engine):
 * <ul>
 *   <li>A visit <em>completed</em> in the period is a run; its <em>actual time</em> is the working time (office hours of
 *       working days of the kecamatan's calendar) between its hand-over and its completion.</li>
 *   <li>A visit handed over in the period and <em>not completed</em> by its end (still open, or cancelled with its
 *       instance) is a late run when it was past its deadline at the period's end (or at now, for the running semester;
 *       at its cancellation when that was earlier), with its working time so far; one not yet past its deadline is not
 *       counted. The open ones are shown per step ("masih terbuka"). Such a visit counts once: a visit completed later,
 *       that was already past its deadline at the end of the semester it was handed over in, is not counted again.</li>
 *   <li>A visit is <em>on time</em> when it was completed not after its deadline: the limit its timer fixed at hand-over
 *       (a holiday added later does not move it), else its waktu added to its hand-over in working time. So "1 hari
 *       kerja" from Friday 14.00 is on time until Monday 14.00.</li>
 *   <li>Median and worst are over the runs; a median of an even number of runs is the mean of the two middle ones.</li>
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
 * @param instances how many instances had a step counted in the period
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
     * @param open         visits handed over in the period still open at its end (or now)
     * @param basis        why it is assessed so, in words: "1 dari 3 tepat waktu (33%), ambang 80%"
     */
    public record StepRow(int step, String activity, String role, String waktu, boolean review, int runs, Optional<Duration> median,
                          Optional<Duration> worst, int onTime, Optional<Double> shareOnTime, int sentBack, int open, Assessment assessment,
                          String basis) {

        /** "1 hari 30 menit kerja"; "-" when not done. */
        public String medianText() {
            return median.map(ComplianceReport::words).orElse("-");
        }

        public String worstText() {
            return worst.map(ComplianceReport::words).orElse("-");
        }

        /** "67%"; "-" when there is no share. */
        public String shareText() {
            return shareOnTime.map(ComplianceReport::percent).orElse("-");
        }
    }

    public ComplianceReport {
        steps = List.copyOf(steps);
    }

    /** A working time in words: "1 hari 30 menit kerja", "kurang dari 1 menit kerja". */
    public static String words(Duration d) {
        long minutes = d.toMinutes();
        return minutes <= 0 ? "kurang dari 1 menit kerja" : WorkingTimeWords.of(minutes);
    }

    /** A visit as counted: its working time and whether it was on time (empty without deadline). */
    private record Run(StepExecution visit, Duration took, Optional<Boolean> onTime) {
    }

    /**
     * The report of {@code executions} (the visits of {@code sop}'s steps in the kecamatan) in {@code semester} as of
     * {@code now}, held against their deadlines in the kecamatan's {@code calendar}. Visits of steps the SOP does not have
     * are ignored.
     */
    static ComplianceReport of(SopDefinition sop, String kecamatan, Semester semester, List<StepExecution> executions,
                               WorkingCalendar calendar, double threshold, Instant now) {
        ZoneId zone = calendar.zone();
        Instant from = semester.start(zone);
        Instant to = semester.end(zone);
        Instant cut = now.isBefore(to) ? now : to;
        List<Run> runs = new ArrayList<>();
        Map<Integer, Integer> open = new HashMap<>();
        for (StepExecution e : executions) {
            boolean completedInPeriod = e.completed() && semester.contains(e.end().orElseThrow(), zone);
            if (completedInPeriod && !countedWhenHandedOver(e, zone)) {
                Instant end = e.end().orElseThrow();
                runs.add(new Run(e, calendar.workingTimeBetween(e.start(), end), e.deadline().map(d -> !end.isAfter(d))));
                continue;
            }
            if (e.completed() && e.end().get().isBefore(cut) || !semester.contains(e.start(), zone) || !e.start().isBefore(cut)) {
                continue; // done before the cut (counted in its own semester), or not handed over in this one
            }
            boolean cancelledBefore = e.outcome() == StepExecution.Outcome.CANCELLED && e.end().get().isBefore(cut);
            Instant until = cancelledBefore ? e.end().get() : cut;
            if (!cancelledBefore) {
                open.merge(e.step(), 1, Integer::sum);
            }
            if (e.deadline().isPresent() && until.isAfter(e.deadline().get())) {
                runs.add(new Run(e, calendar.workingTimeBetween(e.start(), until), Optional.of(false)));
            }
        }
        Map<Integer, List<Run>> byStep = runs.stream().collect(Collectors.groupingBy(r -> r.visit().step()));
        Map<String, String> roleNames = sop.roles().stream().collect(Collectors.toMap(SopRole::id, SopRole::name, (a, b) -> a));
        List<StepRow> rows = new ArrayList<>();
        for (SopStep step : sop.steps()) {
            rows.add(row(step, roleNames.getOrDefault(step.roleId(), step.roleId()), byStep.getOrDefault(step.number(), List.of()),
                    open.getOrDefault(step.number(), 0), threshold));
        }
        Assessment whole = rows.stream().anyMatch(r -> r.assessment() == Assessment.TIDAK_BAIK) ? Assessment.TIDAK_BAIK
                : rows.stream().anyMatch(r -> r.assessment() == Assessment.BAIK) ? Assessment.BAIK : Assessment.BELUM_DINILAI;
        int instances = (int) runs.stream().map(Run::visit).filter(e -> byStepKnown(sop, e)).map(StepExecution::processInstanceId)
                .distinct().count();
        return new ComplianceReport(sop.kode(), sop.nama(), kecamatan, semester, threshold, rows, whole, instances);
    }

    /**
     * Whether a completed visit was counted already, as a late run of the semester it was handed over in: handed over in
     * an earlier semester and past its deadline at that semester's end.
     */
    private static boolean countedWhenHandedOver(StepExecution e, ZoneId zone) {
        Semester handedOver = Semester.of(LocalDate.ofInstant(e.start(), zone));
        Instant handedOverEnd = handedOver.end(zone);
        return !e.end().orElseThrow().isBefore(handedOverEnd)
                && e.deadline().isPresent() && e.deadline().get().isBefore(handedOverEnd);
    }

    private static boolean byStepKnown(SopDefinition sop, StepExecution e) {
        return sop.steps().stream().anyMatch(s -> s.number() == e.step());
    }

    private static StepRow row(SopStep step, String role, List<Run> visits, int open, double threshold) {
        int runs = visits.size();
        int sentBack = (int) visits.stream().filter(r -> r.visit().sentBack()).count();
        List<Duration> actual = visits.stream().map(Run::took).sorted().toList();
        Optional<Duration> median = runs == 0 ? Optional.empty() : Optional.of(median(actual));
        Optional<Duration> worst = actual.stream().max(Comparator.naturalOrder());
        if (runs == 0) {
            return new StepRow(step.number(), step.activity(), role, step.waktuText(), step.isReview(), 0, median, worst, 0, Optional.empty(),
                    0, open, Assessment.BELUM_DINILAI, step.isBappedaWork() ? "dikerjakan Bappeda — dinilai Bappeda"
                    : open > 0 ? "belum selesai dan belum melewati mutu baku" : "tidak dijalankan dalam periode ini");
        }
        long judged = visits.stream().filter(r -> r.onTime().isPresent()).count();
        if (judged == 0) {
            return new StepRow(step.number(), step.activity(), role, step.waktuText(), step.isReview(), runs, median, worst, 0, Optional.empty(),
                    sentBack, open, Assessment.BELUM_DINILAI, "waktu belum ditetapkan dalam SOP");
        }
        int onTime = (int) visits.stream().filter(r -> r.onTime().orElse(false)).count();
        double share = (double) onTime / judged;
        Assessment assessment = onTime >= threshold * judged - 1e-9 ? Assessment.BAIK : Assessment.TIDAK_BAIK;
        long late = visits.stream().filter(r -> !r.visit().completed()).count();
        return new StepRow(step.number(), step.activity(), role, step.waktuText(), step.isReview(), runs, median, worst, onTime,
                Optional.of(share), sentBack, open, assessment,
                onTime + " dari " + judged + " tepat waktu (" + percent(share) + "), ambang " + percent(threshold)
                        + (late == 0 ? "" : ", " + late + " belum selesai melewati mutu baku"));
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
