package id.sopflow.calendar;

/**
 * An amount of working time in words, as staff say it: "2 hari 3 jam kerja", "45 menit kerja". A working day here is
 * 7 jam 30 menit (Perpres 21/2023: 37,5 jam a week over five days), so the days of a lateness are whole office days.
 */
public final class WorkingTimeWords {

    /** The working minutes of one office day. */
    public static final int MINUTES_PER_DAY = 450;

    private WorkingTimeWords() {
    }

    /** "tepat waktu" for none; otherwise days, hours and minutes that are not zero, then "kerja". */
    public static String of(long minutes) {
        if (minutes <= 0) {
            return "tepat waktu";
        }
        long days = minutes / MINUTES_PER_DAY;
        long hours = minutes % MINUTES_PER_DAY / 60;
        long rest = minutes % MINUTES_PER_DAY % 60;
        StringBuilder sb = new StringBuilder();
        if (days > 0) {
            sb.append(days).append(" hari");
        }
        if (hours > 0) {
            sb.append(sb.isEmpty() ? "" : " ").append(hours).append(" jam");
        }
        if (rest > 0) {
            sb.append(sb.isEmpty() ? "" : " ").append(rest).append(" menit");
        }
        return sb.append(" kerja").toString();
    }
}
