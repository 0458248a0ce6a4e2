package id.sopflow.sop;

import id.sopflow.calendar.Waktu;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of the SOP table: the activity, the role that acts and its mutu baku.
 *
 * @param waktuText the time standard exactly as written in the table ("" when blank)
 * @param waktu     the parsed time standard, empty when the table gives none
 * @param returnTo  for a review step, the step the work goes back to when the reviewer rejects
 * @param note      the transcriber's note (how the acting role was read, OCR oddities)
 * @param requiredKelengkapan the document kinds that must be in the instance's dossier when the step is handed over
 * @param requiredOutputs     the document kinds that must be uploaded at this step before it can be completed
 *                            (for a review step: before it can be approved)
 * @param sendsToBappeda      whether completing the step sends its {@code requiredKelengkapan} to Bappeda
 *                            ({@code kirimKe: bappeda}), after which the instance waits for Bappeda's answer
 * @param bappedaReturnTo     for a sending step, the step the work goes back to when Bappeda returns it
 */
public record SopStep(
        int number,
        String activity,
        String roleId,
        List<String> kelengkapan,
        String waktuText,
        Optional<Waktu> waktu,
        String output,
        String keterangan,
        OptionalInt returnTo,
        String note,
        List<String> requiredKelengkapan,
        List<String> requiredOutputs,
        boolean sendsToBappeda,
        OptionalInt bappedaReturnTo) {

    public SopStep(int number, String activity, String roleId, List<String> kelengkapan, String waktuText, Optional<Waktu> waktu,
                   String output, String keterangan, OptionalInt returnTo, String note, List<String> requiredKelengkapan,
                   List<String> requiredOutputs) {
        this(number, activity, roleId, kelengkapan, waktuText, waktu, output, keterangan, returnTo, note, requiredKelengkapan,
                requiredOutputs, false, OptionalInt.empty());
    }

    public SopStep {
        kelengkapan = List.copyOf(kelengkapan);
        requiredKelengkapan = List.copyOf(requiredKelengkapan);
        requiredOutputs = List.copyOf(requiredOutputs);
    }

    public boolean isReview() {
        return returnTo.isPresent();
    }

    /** Whether the step is Bappeda's own work (Renstra step 13): a task of Bappeda's process, called from the SOP. */
    public boolean isBappedaWork() {
        return id.sopflow.organisation.Role.BAPPEDA.id().equals(roleId);
    }

    /** The BPMN element id of this step's user task, e.g. {@code langkah_05}. */
    public String elementId() {
        return elementId(number);
    }

    static String elementId(int stepNumber) {
        return "langkah_%02d".formatted(stepNumber);
    }
}
