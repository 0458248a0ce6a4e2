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

    /**
     * As stored on the step's execution, e.g.
     * {@code mulai=2025-11-24T03:00:00Z;batas=2025-11-24T03:05:00Z;eskalasi=2025-11-24T03:10:00Z}
     * (with {@code pengingat=...} for a range): the moments are fixed when the step is handed over, so a
     * holiday added later changes only steps handed over after it.
     */
    public String format() {
        return "mulai=" + start + reminder.map(r -> ";pengingat=" + r).orElse("") + ";batas=" + due + ";eskalasi=" + escalation;
    }

    /** Reads {@link #format()}. */
    public static StepDeadlines parse(String text) {
        java.util.Map<String, Instant> parts = new java.util.HashMap<>();
        for (String part : text.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("tenggat langkah tidak terbaca: " + text);
            }
            parts.put(kv[0], Instant.parse(kv[1]));
        }
        if (!parts.containsKey("mulai") || !parts.containsKey("batas") || !parts.containsKey("eskalasi")) {
            throw new IllegalArgumentException("tenggat langkah tidak lengkap: " + text);
        }
        return new StepDeadlines(parts.get("mulai"), Optional.ofNullable(parts.get("pengingat")), parts.get("batas"), parts.get("eskalasi"));
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
