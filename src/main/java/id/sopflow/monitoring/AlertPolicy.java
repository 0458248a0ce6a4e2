package id.sopflow.monitoring;

import id.sopflow.organisation.Recipient;
import id.sopflow.organisation.Role;
import id.sopflow.sop.ProcessContract.AlertKind;

import java.util.List;

/**
 * Who is told of what, in plain Java. The holder of a step is reminded when the target of a range is
 * reached; the Sekcam of the kecamatan is told when a step passes its mutu baku (the Sekcam watches the
 * deadlines); the Camat when it has taken twice as long (escalation); both when a recurring report misses
 * its deadline. Bappeda's own steps (its answer to a submission, its step of the Renstra) are watched by Bappeda's
 * head, not by the kecamatan: both the overdue and the escalation go to {@code kepala-bappeda}.
 */
final class AlertPolicy {

    private AlertPolicy() {
    }

    /**
     * @param holder  who holds the step (its assignee, or its role while unclaimed); unused for a report deadline
     * @param bappeda whether the step is Bappeda's own (its instance belongs to Bappeda's tenant)
     */
    static List<Recipient> whoIsTold(AlertKind kind, Recipient holder, boolean bappeda) {
        if (bappeda && kind != AlertKind.PENGINGAT) {
            return List.of(Recipient.group(Role.KEPALA_BAPPEDA));
        }
        return switch (kind) {
            case PENGINGAT -> List.of(holder);
            case TERLAMBAT -> List.of(Recipient.group(Role.SEKCAM));
            case ESKALASI -> List.of(Recipient.group(Role.CAMAT));
            case TENGGAT_LAPORAN -> List.of(Recipient.group(Role.SEKCAM), Recipient.group(Role.CAMAT));
        };
    }
}
