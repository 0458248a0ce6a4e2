package id.sopflow.sop;

/**
 * A recurring SOP (the RFK/TEPPA report: "setiap awal bulan sebelum tanggal 4").
 *
 * @param startCron           when a new instance starts for every kecamatan: a Camunda (Quartz) cron
 *                            expression evaluated in the server's time zone, e.g. {@code 0 0 7 1 * ?}
 * @param deadlineBeforeDay   the report is due before this day of the month (local midnight of the
 *                            kecamatan); missing it escalates like a late step
 */
public record SopSchedule(String startCron, int deadlineBeforeDay) {
}
