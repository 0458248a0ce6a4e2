package id.sopflow.monitoring;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The timer job firing in the current command, as the engine itself sees it: the one place SOPflow touches the
 * engine's internals for the mutu baku. A step's timer is re-armed the way the engine repeats a timer cycle
 * ({@link TimerEntity#createNewTimerJob}): a copy of the firing job (same step execution, boundary event, job
 * definition and tenant) due at the next moment, created in the same transaction, so it exists exactly when the
 * alert of this moment is stored.
 */
final class StepTimer {

    private StepTimer() {
    }

    /** When the firing timer job was due; empty outside a timer job (e.g. a boundary event started by a modification). */
    static Optional<Instant> firedDueDate() {
        return firing().map(JobEntity::getDuedate).map(Date::toInstant);
    }

    /**
     * A follow-up of the firing timer job, due at {@code at}; nothing outside a timer job (the step's own timer then
     * still waits).
     */
    static void rearm(Instant at) {
        firing().ifPresent(timer -> timer.createNewTimerJob(Date.from(at)));
    }

    private static Optional<TimerEntity> firing() {
        CommandContext command = Context.getCommandContext();
        return command != null && command.getCurrentJob() instanceof TimerEntity timer ? Optional.of(timer) : Optional.empty();
    }
}
