package id.sopflow.compliance;

import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WorkingCalendar;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One visit of a step as the history has it: when it was handed over, when it ended and how (completed, or cancelled with
 * its instance), or that it is still open; its deadline (the limit its timer fixed at hand-over); and whether its
 * decision sent the work back ({@code disetujui = false} at a review step).
 *
 * <p>An end before the start (clocks of two nodes apart) is read as the start: a visit of no duration, never an error.
 *
 * @param end      when it was completed or cancelled; empty while open
 * @param outcome  how it ended, or {@link Outcome#OPEN}
 * @param deadline its limit; empty for a step without waktu
 */
record StepExecution(String processInstanceId, int step, Instant start, Optional<Instant> end, Outcome outcome, Optional<Instant> deadline,
                     boolean sentBack) {

    /** How a visit ended. */
    enum Outcome {
        COMPLETED, CANCELLED, OPEN
    }

    StepExecution {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(deadline, "deadline");
        if ((outcome == Outcome.OPEN) != end.isEmpty()) {
            throw new IllegalArgumentException("an open visit has no end, an ended one has: " + outcome + " " + end);
        }
        end = end.map(e -> e.isBefore(start) ? start : e);
    }

    static StepExecution completed(String processInstanceId, int step, Instant start, Instant end, Optional<Instant> deadline,
                                   boolean sentBack) {
        return new StepExecution(processInstanceId, step, start, Optional.of(end), Outcome.COMPLETED, deadline, sentBack);
    }

    static StepExecution cancelled(String processInstanceId, int step, Instant start, Instant end, Optional<Instant> deadline) {
        return new StepExecution(processInstanceId, step, start, Optional.of(end), Outcome.CANCELLED, deadline, false);
    }

    static StepExecution open(String processInstanceId, int step, Instant start, Optional<Instant> deadline) {
        return new StepExecution(processInstanceId, step, start, Optional.empty(), Outcome.OPEN, deadline, false);
    }

    boolean completed() {
        return outcome == Outcome.COMPLETED;
    }

    /**
     * A visit's deadline: the one its timer stored at hand-over when there is one (a holiday added later does not move
     * it), else its waktu (of the definition it ran in) added to its start in the kecamatan's calendar; empty without waktu.
     */
    static Optional<Instant> deadline(Optional<Instant> stored, Instant start, Optional<Waktu> waktu, WorkingCalendar calendar) {
        return stored.isPresent() ? stored : waktu.map(w -> calendar.add(start, w));
    }
}
