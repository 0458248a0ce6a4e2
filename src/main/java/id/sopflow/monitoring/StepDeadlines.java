package id.sopflow.monitoring;

import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WorkingCalendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The moments of one step, all in working time from the moment the step was handed over.
 *
 * @param reminder   the target of a range ("2-3 hari": 2 hari); empty for a single waktu
 * @param due        the limit: after it the step is overdue and the Sekcam is told
 * @param escalation twice the limit: the Camat is told
 */
public record StepDeadlines(Instant start, Optional<Instant> reminder, Instant due, Instant escalation) {

    public static StepDeadlines of(Instant start, Waktu waktu, WorkingCalendar calendar) {
        Optional<Instant> reminder = waktu.isRange() ? Optional.of(calendar.add(start, waktu.target())) : Optional.empty();
        return new StepDeadlines(start, reminder, calendar.add(start, waktu.limit()),
                calendar.add(start, waktu.limit().times(2)));
    }

    /** The planned finish of a sequence of steps done one after another, each within its limit. */
    public static Instant plannedFinish(Instant start, List<Waktu> steps, WorkingCalendar calendar) {
        Instant t = start;
        for (Waktu waktu : steps) {
            t = calendar.add(t, waktu.limit());
        }
        return t;
    }
}
