package id.sopflow.bappeda;

import id.sopflow.sop.ProcessContract;

import java.time.Instant;
import java.util.Optional;

/**
 * What a kecamatan sent Bappeda from one sending step of one instance, in its latest version.
 *
 * @param step         the sending step's number
 * @param month        the month of a monthly report (RFK/TEPPA), empty for a yearly document
 * @param version      1 for the first sending, +1 for each re-sending after a return
 * @param note         Bappeda's note when it returned the submission
 * @param receiptNumber the tanda terima when Bappeda received it, e.g. {@code TT/2026/0007}
 */
public record Submission(String id, String instanceId, int step, String kecamatan, String processKey, String sopName,
                         String document, String businessKey, int year, Optional<Integer> month, int version, Status status,
                         String sentBy, Instant sentAt, Optional<String> answeredBy, Optional<Instant> answeredAt,
                         Optional<String> note, Optional<String> receiptNumber) {

    /** Where a submission stands. */
    public enum Status {
        /** Sent, Bappeda has not answered yet. */
        TERKIRIM("terkirim"),
        /** Received with a tanda terima: the kecamatan's process goes on (or ends). */
        DITERIMA("diterima"),
        /** Returned with a note: the kecamatan corrects and sends again. */
        DIKEMBALIKAN("dikembalikan");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The business key of a Bappeda process started for a kecamatan's instance (its inbox instance, its step of an SOP):
     * {@code arut-selatan:RUP-2026}, or the instance id for an instance without a business key.
     */
    static String bappedaBusinessKey(String kecamatan, String businessKey, String instanceId) {
        String key = kecamatan + ":" + (businessKey == null ? instanceId : businessKey);
        return key.length() <= ProcessContract.BUSINESS_KEY_MAX_LENGTH ? key : kecamatan + ":" + instanceId;
    }

    /** The period as the overview counts it: {@code 2026} or {@code 2026-11}. */
    public String period() {
        return month.map(m -> "%d-%02d".formatted(year, m)).orElse(String.valueOf(year));
    }

    public boolean answered() {
        return status != Status.TERKIRIM;
    }

    /** One act on a submission: sent (a version), received or returned. */
    public record Event(int version, String act, String who, Instant at, Optional<String> note, Optional<String> receiptNumber) {
    }
}
