package id.sopflow.engine;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock of SOPflow: it follows the engine's clock ({@code ClockUtil}), so that deadlines, alerts and
 * the records of who did what agree with the engine's own timestamps, and process tests move them all at
 * once with {@code ClockUtil.setCurrentTime}. Inject {@link Clock}; never read the wall clock directly.
 */
public final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock() {
        this(ZoneOffset.UTC);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    /** Moves the engine's clock (and so SOPflow's) to a moment: demo data made in the past, tests. */
    public static void setTo(Instant moment) {
        ClockUtil.setCurrentTime(java.util.Date.from(moment));
    }

    /** Puts the engine's clock back to the real time. */
    public static void reset() {
        ClockUtil.reset();
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
