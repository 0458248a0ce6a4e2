package id.sopflow.monitoring;

import id.sopflow.organisation.Recipient;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.ProcessContract.AlertKind;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Bean {@code mutuBakuPeringatan} ({@link ProcessContract#ALERT_LISTENER_BEAN}), on the end events behind the
 * timers: records the alert once, addressed to whom {@link AlertPolicy} says. The task stays open.
 *
 * <p>A step's one timer ({@link ProcessContract#deadlineTimer}) stands for the moment it was due at: the reminder,
 * the limit or the escalation ({@link StepDeadlines#firedAt}); after recording it (and the later moments already gone,
 * when it fires late: {@link StepDeadlines#passedWhenFired}), the timer is re-armed for the next moment
 * ({@link StepTimer#rearm}), so a step has at most one timer job at a time and none after its escalation.
 * The end event of a report deadline, and those of process versions generated before (a timer per kind), name the
 * kind they record ({@value ProcessContract#ALERT_KIND_PROPERTY}).
 */
@Component(ProcessContract.ALERT_LISTENER_BEAN)
class AlertRecorder implements ExecutionListener {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final MutuBakuTimers timers;
    private final AlertLog alerts;
    private final id.sopflow.metrics.Metrics metrics;

    AlertRecorder(MutuBakuTimers timers, AlertLog alerts, id.sopflow.metrics.Metrics metrics) {
        this.timers = timers;
        this.alerts = alerts;
        this.metrics = metrics;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FlowNode end = (FlowNode) execution.getBpmnModelElementInstance();
        Optional<AlertKind> fixed = ProcessContract.alertKind(end);
        String kecamatan = InstanceKecamatan.kecamatan(execution);
        boolean bappeda = id.sopflow.organisation.Organisation.BAPPEDA_TENANT.equals(kecamatan);
        ZoneId zone = timers.calendar(execution).zone();
        Instant now = timers.now();
        String processKey = InstanceKecamatan.processKey(execution);
        String businessKey = execution.getProcessBusinessKey();
        if (fixed.equals(Optional.of(AlertKind.TENGGAT_LAPORAN))) {
            Instant deadline = timers.reportDeadline(execution).toInstant();
            Alert alert = new Alert(UUID.randomUUID().toString(), AlertKind.TENGGAT_LAPORAN, execution.getProcessInstanceId(), processKey,
                    businessKey, kecamatan, null, null, processName(execution), null, null, null, null, deadline, now,
                    formatted(AlertPolicy.whoIsTold(AlertKind.TENGGAT_LAPORAN, null, bappeda)), Optional.empty());
            alerts.record(alert, "Laporan " + label(processKey, businessKey) + " belum selesai pada tenggat " + format(deadline, zone) + ".");
            return;
        }
        BoundaryEvent timer = (BoundaryEvent) end.getIncoming().iterator().next().getSource();
        UserTask step = (UserTask) timer.getAttachedTo();
        Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(step.getId()).singleResult();
        if (task == null) {
            return; // the step ended in the same moment: nothing is late
        }
        StepDeadlines deadlines = StepDeadlines.parse((String) execution.getProcessEngineServices().getRuntimeService()
                .getVariableLocal(task.getExecutionId(), MutuBakuTimers.STEP_DEADLINES));
        // the step's one timer stands for the moment it was due at, and records the later ones already gone too;
        // a process version generated before had a timer per kind
        List<StepDeadlines.Moment> moments = fixed
                .map(kind -> List.of(deadlines.moments().stream().filter(m -> m.kind() == kind).findFirst().orElseThrow()))
                .orElseGet(() -> deadlines.passedWhenFired(StepTimer.firedDueDate().orElse(now), now));
        StepMetadata metadata = StepMetadata.of(step).orElseThrow();
        String waktu = timers.waktuText(step);
        Recipient holder = holder(execution, task);
        String what = "Langkah " + metadata.number() + " " + label(processKey, businessKey) + " (" + holder.label() + ")";
        for (StepDeadlines.Moment moment : moments) {
            AlertKind kind = moment.kind();
            Instant deadline = moment.at();
            Alert alert = new Alert(UUID.randomUUID().toString(), kind, execution.getProcessInstanceId(), processKey, businessKey,
                    kecamatan, metadata.number(), step.getId(), step.getName(), task.getId(), holder.isGroup() ? holder.format() : holder.id(),
                    waktu, deadlines.start(), deadline, now, formatted(AlertPolicy.whoIsTold(kind, holder, bappeda)), Optional.empty());
            String message = switch (kind) {
                case PENGINGAT -> what + " mencapai target waktu " + format(deadline, zone) + "; batas " + format(deadlines.due(), zone) + ".";
                case ESKALASI -> what + " sudah dua kali mutu baku " + waktu + " (sejak " + format(deadline, zone) + ").";
                default -> what + " melewati mutu baku " + waktu + " pada " + format(deadline, zone) + ".";
            };
            if (alerts.record(alert, message) && kind == AlertKind.ESKALASI) {
                metrics.escalated(processKey, kecamatan);
            }
        }
        if (fixed.isEmpty()) {
            deadlines.after(moments.get(moments.size() - 1)).ifPresent(next -> StepTimer.rearm(next.at()));
        }
    }

    /** Who holds the step: its assignee, or its candidate group while unclaimed. */
    private static Recipient holder(DelegateExecution execution, Task task) {
        if (task.getAssignee() != null) {
            return Recipient.user(task.getAssignee());
        }
        return execution.getProcessEngineServices().getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().map(Recipient::group).orElse(Recipient.group("?"));
    }

    private static List<String> formatted(List<Recipient> recipients) {
        return recipients.stream().map(Recipient::format).toList();
    }

    private static String processName(DelegateExecution execution) {
        return execution.getBpmnModelInstance().getModelElementsByType(Process.class).iterator().next().getName();
    }

    private static String label(String processKey, String businessKey) {
        return processKey.toUpperCase() + (businessKey == null ? "" : " " + businessKey);
    }

    private static String format(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " " + zoneName(zone);
    }

    private static String zoneName(ZoneId zone) {
        return switch (zone.getId()) {
            case "Asia/Jakarta" -> "WIB";
            case "Asia/Makassar" -> "WITA";
            case "Asia/Jayapura" -> "WIT";
            default -> zone.getId();
        };
    }
}
