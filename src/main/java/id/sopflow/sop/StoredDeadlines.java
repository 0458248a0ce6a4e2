package id.sopflow.sop;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A step's moments as its timers store them at hand-over in the step-local variable {@value ProcessContract#STEP_DEADLINES}:
 * epoch milliseconds of the start, the reminder (empty for a single waktu), the limit (due) and the escalation, e.g.
 * {@code 1763953200000;;1763953500000;1763953800000}; steps handed over before that format stored the readable one,
 * {@code mulai=2025-11-24T03:00:00Z;batas=2025-11-24T03:05:00Z;eskalasi=2025-11-24T03:10:00Z}. Written once here for the
 * timers (monitoring) and read back by whoever judges a visit against the deadline it had (compliance).
 */
public record StoredDeadlines(Instant start, Optional<Instant> reminder, Instant due, Instant escalation) {

    /** As stored: {@code start;reminder;due;escalation} in epoch milliseconds. */
    public String format() {
        return start.toEpochMilli() + ";" + reminder.map(r -> Long.toString(r.toEpochMilli())).orElse("") + ";"
                + due.toEpochMilli() + ";" + escalation.toEpochMilli();
    }

    /**
     * Reads {@link #format()}, and the readable older form.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static StoredDeadlines parse(String text) {
        if (text.contains("=")) {
            return parseReadable(text);
        }
        String[] parts = text.split(";", -1);
        if (parts.length != 4 || parts[0].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()) {
            throw new IllegalArgumentException("tenggat langkah tidak lengkap: " + text);
        }
        try {
            return new StoredDeadlines(millis(parts[0]), parts[1].isEmpty() ? Optional.empty() : Optional.of(millis(parts[1])),
                    millis(parts[2]), millis(parts[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tenggat langkah tidak terbaca: " + text, e);
        }
    }

    /** The limit of a stored value; empty for a value that is not a text or cannot be read (a visit judged by its waktu). */
    public static Optional<Instant> dueOf(Object stored) {
        if (!(stored instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text).due());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Instant millis(String text) {
        return Instant.ofEpochMilli(Long.parseLong(text));
    }

    private static StoredDeadlines parseReadable(String text) {
        Map<String, Instant> parts = new HashMap<>();
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
        return new StoredDeadlines(parts.get("mulai"), Optional.ofNullable(parts.get("pengingat")), parts.get("batas"), parts.get("eskalasi"));
    }
}
