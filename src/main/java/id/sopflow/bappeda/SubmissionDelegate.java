package id.sopflow.bappeda;

import id.sopflow.dossier.Document;
import id.sopflow.dossier.Dossier;
import id.sopflow.engine.Caller;
import id.sopflow.engine.StepNotReady;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.StepMetadata;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bean {@code kirimanBappeda} ({@link ProcessContract#SUBMISSION_BEAN}): the message a sending step throws. Records the
 * submission (or its next version after a return) with the documents the step requires (its {@code kelengkapanWajib}:
 * the signed document and the signed cover letter, as they are in the dossier now), then starts Bappeda's inbox with
 * the message. All in the transaction that completes the sending step.
 */
@Component(ProcessContract.SUBMISSION_BEAN)
class SubmissionDelegate implements JavaDelegate {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(\\d{2}))?$");
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    private final SubmissionRecords records;
    private final Dossier dossier;
    private final Clock clock;
    private final id.sopflow.metrics.Metrics metrics;

    SubmissionDelegate(SubmissionRecords records, Dossier dossier, Clock clock, id.sopflow.metrics.Metrics metrics) {
        this.records = records;
        this.dossier = dossier;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sendId = execution.getCurrentActivityId();
        StepMetadata step = ProcessContract.stepOfSendElement(sendId)
                .map(n -> execution.getBpmnModelInstance().<FlowElement>getModelElementById(ProcessContract.stepElement(n)))
                .flatMap(StepMetadata::of).orElseThrow(() -> new IllegalStateException(sendId + " tidak mengikuti langkah SOP"));
        String instanceId = execution.getProcessInstanceId();
        List<Document> documents = dossier.newestOf(instanceId, step.requiredKelengkapan());
        if (documents.size() < step.requiredKelengkapan().size()) {
            List<String> missing = step.requiredKelengkapan().stream()
                    .filter(kind -> documents.stream().noneMatch(d -> d.kind().equals(kind))).toList();
            throw new StepNotReady("Langkah " + step.number() + " tidak dapat mengirim ke Bappeda: dokumen " + String.join(", ", missing)
                    + " tidak ada di berkas.");
        }
        String by = Caller.of(execution.getProcessEngineServices().getIdentityService()).map(Caller::userId).orElse(null);
        Instant now = clock.instant();
        Optional<Submission> earlier = records.find(instanceId, step.number());
        Submission sent;
        if (earlier.isPresent()) {
            Submission before = earlier.get();
            if (!records.resend(before.id(), before.version() + 1, by, now)) {
                throw new IllegalStateException("kiriman " + before.id() + " dikirim lagi sebelum dijawab Bappeda");
            }
            sent = records.find(before.id()).orElseThrow();
        } else {
            Process process = (Process) execution.getBpmnModelElementInstance().getParentElement();
            String businessKey = execution.getProcessBusinessKey();
            int[] period = period(execution.getVariable(ProcessContract.PERIOD), businessKey, now,
                    ProcessContract.reportDeadlineDay(process).isPresent());
            String document = StepMetadata.properties(process).getOrDefault(ProcessContract.DOCUMENT_PROPERTY, process.getId());
            sent = new Submission(UUID.randomUUID().toString(), instanceId, step.number(), execution.getTenantId(),
                    process.getId(), process.getName(), document, businessKey, period[0],
                    period[1] == 0 ? Optional.empty() : Optional.of(period[1]), 1, Submission.Status.TERKIRIM, by, now,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            records.insert(sent);
        }
        documents.forEach(d -> records.addDocument(sent.id(), sent.version(), d.id()));
        records.event(sent.id(), sent.version(), "DIKIRIM", by, now, null, null);
        metrics.submissionSent(sent.processKey(), sent.kecamatan());
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        // the inbox is Bappeda's (its tenant); the sender may not start it, SOPflow does
        Caller.without(identity, () -> execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(ProcessContract.SUBMISSION_MESSAGE)
                .processInstanceBusinessKey(Submission.bappedaBusinessKey(sent.kecamatan(), sent.businessKey(), instanceId))
                .setVariable(ProcessContract.SUBMISSION_ID, sent.id())
                .correlateStartMessage());
    }

    /**
     * Year and month (0: none) of what is sent: the start's {@code periode} (2026 or 2026-11), else the end of the business
     * key ({@code RENJA-2026}, {@code RFK-TEPPA-arut-selatan-2026-11}), else the moment of sending. A monthly report keeps
     * its month; a yearly document only its year.
     */
    static int[] period(Object periode, String businessKey, Instant now, boolean monthly) {
        for (String text : new String[] {periode instanceof String p ? p.strip() : null, businessKey}) {
            if (text == null) {
                continue;
            }
            Matcher m = PERIOD.matcher(text);
            if (m.find()) {
                int year = Integer.parseInt(m.group(1));
                int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                if (year >= 2000 && year <= 2100 && month <= 12) {
                    return new int[] {year, monthly ? month : 0};
                }
            }
        }
        java.time.LocalDate today = now.atZone(OFFICE).toLocalDate();
        return new int[] {today.getYear(), monthly ? today.getMonthValue() : 0};
    }
}
