/**
 * Mutu baku monitoring: the due date of every step in working time, the timers that record a step
 * as overdue (and remind, and escalate), the planned finish and lateness of every instance, the
 * monthly start of recurring SOPs (RFK/TEPPA), and {@code /api/keterlambatan} where the Sekcam sees
 * which steps are late and by how much.
 *
 * <p>The generated processes call this package only through bean names ({@code mutuBaku},
 * {@code mutuBakuTugas}, {@code mutuBakuProses}, {@code mutuBakuPeringatan}, {@code jadwalBulanan}).
 * The arithmetic is plain Java ({@link id.sopflow.monitoring.StepDeadlines}, the calendar package);
 * the beans are thin adapters that read "now" from the engine's clock ({@code ClockUtil}) so that
 * tests and engine agree. The same beans tell {@link id.sopflow.metrics.Metrics} what happened (instances started and
 * finished, steps completed with their working time, escalations), and {@code OverdueStepCounts} gives the metrics'
 * overdue gauge its figures from the alerts.
 */
package id.sopflow.monitoring;
