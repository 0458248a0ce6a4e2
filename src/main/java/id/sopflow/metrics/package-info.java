/**
 * SOPflow's own metrics at {@code /actuator/prometheus} (admin only): steps overdue now, how long steps took in
 * working time against their mutu baku, instances started and finished (late or not), escalations, and submissions
 * sent to and received by Bappeda.
 *
 * <p>Entry: {@link id.sopflow.metrics.Metrics}, which the capabilities call when something happened (in the engine's
 * transaction; the counters and histograms move only once it commits). The overdue gauge is read from the database
 * through the port {@link id.sopflow.metrics.OverdueSteps} (implemented by monitoring), so it is right after a restart
 * and the same on every node. Every name and label is spelled once, in {@link id.sopflow.metrics.MetricNames}.
 * This package depends on no other capability: they depend on it.
 */
package id.sopflow.metrics;
