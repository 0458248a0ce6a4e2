package id.sopflow.bappeda;

import id.sopflow.engine.Caller;
import id.sopflow.monitoring.Monitoring;
import id.sopflow.organisation.Recipient;
import id.sopflow.organisation.Role;
import id.sopflow.sop.ProcessContract;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import id.sopflow.engine.StepNotReady;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bean {@code jawabanBappeda} ({@link ProcessContract#ANSWER_BEAN}): the answer Bappeda's inbox throws back when its task
 * is completed. Received: the next tanda terima of the year, the submission received; returned: the note kept. Then the
 * kecamatan's instance, waiting after its sending step, gets the answer ({@code langkah_NN_diterima}) and goes on: to the
 * end (or Bappeda's own step), or back to its revision step. The sender and the Sekcam are told. All in the transaction
 * of Bappeda's completion; an answer to a submission already answered is refused (409) and nothing is stored.
 */
@Component(ProcessContract.ANSWER_BEAN)
class AnswerDelegate implements JavaDelegate {

    private final SubmissionRecords records;
    private final Monitoring monitoring;
    private final Clock clock;
    private final id.sopflow.metrics.Metrics metrics;

    AnswerDelegate(SubmissionRecords records, Monitoring monitoring, Clock clock, id.sopflow.metrics.Metrics metrics) {
        this.records = records;
        this.monitoring = monitoring;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = (String) execution.getVariable(ProcessContract.SUBMISSION_ID);
        Submission submission = records.find(id).orElseThrow(() -> new IllegalStateException("kiriman " + id + " tidak ada"));
        boolean received = Boolean.TRUE.equals(execution.getVariable(ProcessContract.RECEIVED));
        String note = (String) execution.getVariable(ProcessContract.ANSWER_NOTE);
        String by = Caller.of(execution.getProcessEngineServices().getIdentityService()).map(Caller::userId).orElse(null);
        Instant now = clock.instant();
        String receipt = null;
        if (received) {
            int year = now.atZone(java.time.ZoneId.of("Asia/Jakarta")).getYear();
            receipt = "TT/%d/%04d".formatted(year, records.nextReceipt(year));
        }
        Submission.Status status = received ? Submission.Status.DITERIMA : Submission.Status.DIKEMBALIKAN;
        if (!records.answer(id, submission.version(), status, by, now, received ? null : note, receipt)) {
            throw new StepNotReady("Kiriman " + submission.document() + " " + submission.kecamatan() + " sudah dijawab Bappeda.");
        }
        records.event(id, submission.version(), status.name(), by, now, received ? null : note, receipt);
        if (received) {
            metrics.submissionReceived(submission.processKey(), submission.kecamatan());
        }
        String finalReceipt = receipt;
        try {
            Caller.without(execution.getProcessEngineServices().getIdentityService(), () -> execution.getProcessEngineServices()
                    .getRuntimeService().createMessageCorrelation(ProcessContract.ANSWER_MESSAGE)
                    .processInstanceId(submission.instanceId())
                    .setVariable(ProcessContract.receivedVariable(submission.step()), received)
                    .correlateWithResult());
        } catch (org.camunda.bpm.engine.MismatchingMessageCorrelationException notWaiting) {
            throw new StepNotReady("Proses " + submission.document() + " " + submission.kecamatan() + " tidak lagi menunggu jawaban "
                    + "Bappeda (dihentikan atau dipindahkan admin); kiriman ini tidak dapat dijawab.");
        }
        List<Recipient> told = new ArrayList<>();
        if (submission.sentBy() != null) {
            told.add(Recipient.user(submission.sentBy()));
        }
        told.add(Recipient.group(Role.SEKCAM));
        String what = submission.document() + " " + (submission.businessKey() == null ? "" : submission.businessKey() + " ");
        monitoring.notify("kiriman:" + id, submission.kecamatan(), told, received
                ? what + "diterima Bappeda dengan tanda terima " + finalReceipt + "."
                : what + "dikembalikan Bappeda untuk diperbaiki: " + note);
    }
}
