package id.sopflow.dossier;

import java.time.Instant;
import java.util.Optional;

/**
 * One version of a document in an instance's dossier.
 *
 * @param kind       which of the SOP's document kinds ({@code berkas}) it is
 * @param version    1, 2, ... per instance and kind: a new upload of a kind is its next version
 * @param step       the number of the step it was uploaded at
 * @param visit      that visit of the step (its activity instance): a step returned to is a new visit, and a step's
 *                   required outputs must be uploaded at the visit that completes it
 * @param fileName   the file's name as uploaded, sanitised
 * @param contentType the type its bytes were detected as (never what the client said)
 * @param sha256     the SHA-256 of its bytes, hex
 * @param contentRef where the {@link DocumentStore} keeps the bytes
 * @param withdrawal who withdrew it, when and why; the bytes stay
 */
public record Document(String id, String instanceId, String kecamatan, String processKey, String kind, int version, int step,
                       String visit, String taskId, String fileName, String contentType, long size, String sha256,
                       String contentRef, String note, String uploadedBy, Instant uploadedAt, Optional<Withdrawal> withdrawal) {

    /** A withdrawal: a recorded act, not a deletion. */
    public record Withdrawal(String by, Instant at, String reason) {
    }

    public boolean withdrawn() {
        return withdrawal.isPresent();
    }
}
