/**
 * Working time ("waktu" in the mutu baku of an SOP AP) for a kecamatan office, in plain Java.
 *
 * <p>This package owns:
 * <ul>
 *   <li>reading a Waktu string from an SOP table ("5 menit", "1,5 jam", "2-3 hari", "2 minggu") into
 *       office-time amounts: {@link id.sopflow.calendar.Waktu}, {@link id.sopflow.calendar.WorkAmount},
 *       {@link id.sopflow.calendar.WaktuFormatException};</li>
 *   <li>the office hours of a five-day week (Perpres 21/2023 by default): {@link id.sopflow.calendar.OfficeHours};</li>
 *   <li>holidays and cuti bersama (SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB), plus local
 *       holidays: {@link id.sopflow.calendar.Holiday};</li>
 *   <li>due-date arithmetic and "late by how much" in office time, per time zone (WIB, WITA, WIT):
 *       {@link id.sopflow.calendar.WorkingCalendar};</li>
 *   <li>reading the data files {@code config/kalender/jam-kerja.yaml} and {@code config/kalender/libur/*.yaml}:
 *       {@link id.sopflow.calendar.CalendarFiles}.</li>
 * </ul>
 *
 * <p>It depends on the JDK and SnakeYAML only (and on {@code id.sopflow.api}'s plain exceptions for what a caller
 * typed wrong): no Spring, no Camunda. Everything is immutable and free of the
 * wall clock; callers pass the instants.
 */
package id.sopflow.calendar;
