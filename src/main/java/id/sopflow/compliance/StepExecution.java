package id.sopflow.compliance;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished visit of a step (a completed user task of the history): when it was handed over and when it was done, and
 * whether its decision sent the work back ({@code disetujui = false} at a review step).
 */
record StepExecution(String processInstanceId, int step, Instant start, Instant end, boolean sentBack) {

    StepExecution {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("step " + step + " ends before it starts: " + start + " > " + end);
        }
    }
}
