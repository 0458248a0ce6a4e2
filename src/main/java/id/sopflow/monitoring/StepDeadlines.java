package id.sopflow.monitoring;

import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.sop.ProcessContract.AlertKind;
import id.sopflow.sop.StoredDeadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The moments of one step, all in working time from the moment the step was handed over.
 *
 * <p>A step has one timer at a time: it waits for {@link #first()} (the reminder of a range, else the limit); when it
 * fires, the moment it stands for ({@link #firedAt}) is recorded and the timer waits for the {@link #after next} one,
 * until the escalation. So a step done in time costs one timer job, however many moments it has.
 *
 * @param reminder   the target of a range ("2-3 hari": 2 hari); empty for a single waktu
 * @param due        the limit: after it the step is overdue and the Sekcam is told
 * @param escalation twice the limit: the Camat is told
 */
public record StepDeadlines(Instant start, Optional<Instant> reminder, Instant due, Instant escalation) {

    /** One moment of a step and what it records. */
    public record Moment(AlertKind kind, Instant at) {
    }

    public static StepDeadlines of(Instant start, Waktu waktu, WorkingCalendar calendar) {
        Optional<Instant> reminder = waktu.isRange() ? Optional.of(calendar.add(start, waktu.target())) : Optional.empty();
        return new StepDeadlines(start, reminder, calendar.add(start, waktu.limit()),
                calendar.add(start, waktu.limit().times(2)));
    }

    /** The moments in order: the reminder (a range only), the limit, twice the limit. */
    public List<Moment> moments() {
        List<Moment> moments = new ArrayList<>(3);
        reminder.ifPresent(r -> moments.add(new Moment(AlertKind.PENGINGAT, r)));
        moments.add(new Moment(AlertKind.TERLAMBAT, due));
        moments.add(new Moment(AlertKind.ESKALASI, escalation));
        return moments;
    }

    /** The first moment: what the step's timer waits for when the step is handed over. */
    public Instant first() {
        return reminder.orElse(due);
    }

    /**
     * The moment a timer due at {@code dueDate} stands for: the latest moment not after it (compared to the
     * millisecond, a job's precision), or the first moment if the timer was due before any.
     */
    public Moment firedAt(Instant dueDate) {
        List<Moment> moments = moments();
        Moment fired = moments.get(0);
        for (Moment moment : moments) {
            if (moment.at().toEpochMilli() <= dueDate.toEpochMilli()) {
                fired = moment;
            }
        }
        return fired;
    }

    /**
     * What a timer due at {@code dueDate} records when it fires at {@code now}: the moment it stands for
     * ({@link #firedAt}) and every later one that has passed as well (after a stop of every node, or a backlog of due
     * jobs), so a late timer catches up in one job instead of re-arming for a moment already gone.
     */
    public List<Moment> passedWhenFired(Instant dueDate, Instant now) {
        Moment fired = firedAt(dueDate);
        List<Moment> passed = new ArrayList<>(3);
        passed.add(fired);
        for (Moment next = after(fired).orElse(null); next != null && !next.at().isAfter(now); next = after(next).orElse(null)) {
            passed.add(next);
        }
        return passed;
    }

    /** The moment after {@code moment}, for which the step's timer waits next; empty after the escalation. */
    public Optional<Moment> after(Moment moment) {
        return moments().stream().filter(m -> m.at().toEpochMilli() > moment.at().toEpochMilli()).findFirst();
    }

    /**
     * As stored on the step's execution: epoch milliseconds of the start, the reminder (empty for a single waktu),
     * the limit and the escalation, e.g. {@code 1763953200000;;1763953500000;1763953800000}. The moments are fixed when
     * the step is handed over, so a holiday added later changes only steps handed over after it.
     */
    public String format() {
        return new StoredDeadlines(start, reminder, due, escalation).format();
    }

    /**
     * Reads {@link #format()}, and the readable form steps handed over before it stored, e.g.
     * {@code mulai=2025-11-24T03:00:00Z;batas=2025-11-24T03:05:00Z;eskalasi=2025-11-24T03:10:00Z} ({@link StoredDeadlines}).
     */
    public static StepDeadlines parse(String text) {
        StoredDeadlines stored = StoredDeadlines.parse(text);
        return new StepDeadlines(stored.start(), stored.reminder(), stored.due(), stored.escalation());
    }

    /**
     * The latest start from which a sequence of steps, each done within its limit, still finishes by the
     * deadline (to the minute): the inverse of {@link #plannedFinish}, found by bisection because working time
     * is monotonic but not invertible in closed form. Looked for within 62 days before the deadline.
     */
    public static Instant latestStart(Instant deadline, List<Waktu> steps, WorkingCalendar calendar) {
        long low = deadline.minus(java.time.Duration.ofDays(62)).getEpochSecond() / 60;
        long high = deadline.getEpochSecond() / 60;
        if (plannedFinish(Instant.ofEpochSecond(low * 60), steps, calendar).isAfter(deadline)) {
            return Instant.ofEpochSecond(low * 60);
        }
        while (high - low > 1) {
            long middle = (low + high) / 2;
            if (plannedFinish(Instant.ofEpochSecond(middle * 60), steps, calendar).isAfter(deadline)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return Instant.ofEpochSecond(low * 60);
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
