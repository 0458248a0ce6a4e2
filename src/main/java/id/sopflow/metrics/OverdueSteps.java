package id.sopflow.metrics;

import java.util.List;

/**
 * Port: how many steps are overdue now, counted in the database where the alerts are kept (so the figure is the same on
 * every node and right after a restart). Implemented by monitoring, which owns the alerts.
 */
public interface OverdueSteps {

    /** Overdue open steps of one SOP in one kecamatan held by one role. */
    record Count(String sop, String kecamatan, String role, long steps) {
    }

    /** Every group with at least one overdue open step: one grouped query, not a walk over instances. */
    List<Count> overdueNow();
}
