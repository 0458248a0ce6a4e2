package id.sopflow.calendar;

import java.util.Objects;

/**
 * An amount of office time: either office minutes or whole working days.
 *
 * <p>Office minutes are counted only inside the working periods of working days; working days skip weekends,
 * holidays and cuti bersama. See {@link WorkingCalendar} for the arithmetic.
 *
 * @param amount how many units, zero or more
 * @param unit   minutes of office time or working days
 */
public record WorkAmount(long amount, Unit unit) {

    /** The unit of a {@link WorkAmount}. */
    public enum Unit {
        /** Office minutes (also used for "jam": one jam is 60 office minutes). */
        MINUTES,
        /** Working days ("hari", "hari kerja"; a minggu is 5, a bulan is 20). */
        WORKING_DAYS
    }

    public WorkAmount {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("WorkAmount must not be negative, was " + amount + " " + unit);
        }
    }

    /** Office minutes. */
    public static WorkAmount minutes(long minutes) {
        return new WorkAmount(minutes, Unit.MINUTES);
    }

    /** Working days. */
    public static WorkAmount workingDays(long days) {
        return new WorkAmount(days, Unit.WORKING_DAYS);
    }

    /** This amount repeated {@code factor} times (same unit), e.g. for a step done several times. */
    public WorkAmount times(int factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("factor must not be negative, was " + factor);
        }
        return new WorkAmount(Math.multiplyExact(amount, (long) factor), unit);
    }

    /** Readable and parseable back by {@link Waktu#parse}: "90 menit" or "3 hari kerja". */
    @Override
    public String toString() {
        return amount + (unit == Unit.MINUTES ? " menit" : " hari kerja");
    }
}
