package id.sopflow.monitoring;

import id.sopflow.metrics.MetricNames;
import id.sopflow.metrics.OverdueSteps;
import id.sopflow.organisation.Organisation;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.SopStep;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics' overdue steps ({@link OverdueSteps}): the open TERLAMBAT alerts counted in one grouped query, each
 * step's role read from the SOP that applies in its kecamatan (Bappeda's processes: {@code bappeda}). A step that no
 * SOP file names any more (an instance of an SOP since removed) is counted under role {@value #UNKNOWN_ROLE}.
 */
@Component
class OverdueStepCounts implements OverdueSteps {

    static final String UNKNOWN_ROLE = "tidak-diketahui";

    private final AlertLog alerts;
    private final SopCatalog catalog;
    /** The role of a step by SOP, kecamatan and step number: read from the catalog once. */
    private final Map<String, String> roles = new ConcurrentHashMap<>();

    OverdueStepCounts(AlertLog alerts, SopCatalog catalog) {
        this.alerts = alerts;
        this.catalog = catalog;
    }

    @Override
    public List<Count> overdueNow() {
        return alerts.overdueByStep().stream()
                .map(o -> new Count(o.processKey(), o.kecamatan() == null ? MetricNames.NO_KECAMATAN : o.kecamatan(),
                        role(o.processKey(), o.kecamatan(), o.step()), o.count()))
                .toList();
    }

    private String role(String processKey, String kecamatan, Integer step) {
        if (ProcessContract.isBappedaProcess(processKey)) {
            return Organisation.BAPPEDA_OFFICE;
        }
        if (step == null || kecamatan == null) {
            return UNKNOWN_ROLE;
        }
        return roles.computeIfAbsent(processKey + '|' + kecamatan + '|' + step, key -> catalog.find(processKey, kecamatan)
                .flatMap(sop -> step(sop, step)).map(SopStep::roleId).orElse(UNKNOWN_ROLE));
    }

    private static Optional<SopStep> step(SopDefinition sop, int number) {
        return sop.steps().stream().filter(s -> s.number() == number).findFirst();
    }
}
