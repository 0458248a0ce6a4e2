package id.sopflow.monitoring;

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
 * Bean {@code mutuBakuPeringatan}, on the end events behind the timers: records the alert once and
 * tells who must know — the holder (reminder), the Sekcam group of the kecamatan (overdue), the Camat
 * group (escalation at twice the mutu baku), both (missed report deadline). The task stays open.
 */
@Component("mutuBakuPeringatan")
class AlertRecorder implements ExecutionListener {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final MutuBakuTimers timers;
    private final AlertLog alerts;

    AlertRecorder(MutuBakuTimers timers, AlertLog alerts) {
        this.timers = timers;
        this.alerts = alerts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FlowNode end = (FlowNode) execution.getBpmnModelElementInstance();
        Alert.Kind kind = Alert.Kind.valueOf(ModelProperties.of(end).get("jenis"));
        String kecamatan = ModelProperties.kecamatan(execution);
        ZoneId zone = timers.calendar(execution).zone();
        Instant now = MutuBakuTimers.now();
        String processKey = execution.getProcessDefinitionId().split(":")[0];
        String businessKey = execution.getProcessBusinessKey();
        Alert alert;
        String message;
        if (kind == Alert.Kind.TENGGAT_LAPORAN) {
            Instant deadline = timers.reportDeadline(execution).toInstant();
            alert = new Alert(UUID.randomUUID().toString(), kind, execution.getProcessInstanceId(), processKey, businessKey,
                    kecamatan, null, null, processName(execution), null, null, null, null, deadline, now,
                    List.of("grup:sekcam", "grup:camat"), Optional.empty());
            message = "Laporan " + label(processKey, businessKey) + " belum selesai pada tenggat " + format(deadline, zone) + ".";
        } else {
            BoundaryEvent timer = (BoundaryEvent) end.getIncoming().iterator().next().getSource();
            UserTask step = (UserTask) timer.getAttachedTo();
            Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                    .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(step.getId()).singleResult();
            if (task == null) {
                return; // the step ended in the same moment: nothing is late
            }
            var properties = ModelProperties.of(step);
            StepDeadlines deadlines = StepDeadlines.parse((String) execution.getProcessEngineServices().getRuntimeService()
                    .getVariableLocal(task.getExecutionId(), MutuBakuTimers.STEP_DEADLINES));
            String holder = holder(execution, task);
            Instant deadline = switch (kind) {
                case PENGINGAT -> deadlines.reminder().orElseThrow();
                case ESKALASI -> deadlines.escalation();
                default -> deadlines.due();
            };
            List<String> notified = switch (kind) {
                case PENGINGAT -> List.of(holder.startsWith("grup:") ? holder : "pengguna:" + holder);
                case ESKALASI -> List.of("grup:camat");
                default -> List.of("grup:sekcam");
            };
            alert = new Alert(UUID.randomUUID().toString(), kind, execution.getProcessInstanceId(), processKey, businessKey,
                    kecamatan, Integer.valueOf(properties.get("langkah")), step.getId(), step.getName(), task.getId(), holder,
                    properties.get("waktu"), deadlines.start(), deadline, now, notified, Optional.empty());
            String what = "Langkah " + properties.get("langkah") + " " + label(processKey, businessKey)
                    + " (" + holder.replace("grup:", "grup ") + ")";
            message = switch (kind) {
                case PENGINGAT -> what + " mencapai target waktu " + format(deadline, zone) + "; batas " + format(deadlines.due(), zone) + ".";
                case ESKALASI -> what + " sudah dua kali mutu baku " + properties.get("waktu") + " (sejak " + format(deadline, zone) + ").";
                default -> what + " melewati mutu baku " + properties.get("waktu") + " pada " + format(deadline, zone) + ".";
            };
        }
        alerts.record(alert, message);
    }

    private static String holder(DelegateExecution execution, Task task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return execution.getProcessEngineServices().getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().map(g -> "grup:" + g).orElse("grup:?");
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
