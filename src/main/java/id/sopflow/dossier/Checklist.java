package id.sopflow.dossier;

import java.util.List;
import java.util.Optional;

/** What each step of an instance needs from the dossier and makes for it, against what the dossier holds. */
public record Checklist(String instanceId, String processKey, List<StepChecklist> steps) {

    public Checklist {
        steps = List.copyOf(steps);
    }

    /**
     * @param running         whether the step is being worked on now
     * @param kelengkapan     what the step needs: the table's kelengkapan and the kinds it requires at its start
     * @param requiredOutputs what must be uploaded at the step before it is completed (approved)
     */
    public record StepChecklist(int step, String name, boolean running, List<Item> kelengkapan, List<Item> requiredOutputs) {

        public StepChecklist {
            kelengkapan = List.copyOf(kelengkapan);
            requiredOutputs = List.copyOf(requiredOutputs);
        }
    }

    /**
     * @param document   whether it is a kind of document the dossier keeps (a kelengkapan such as a disposition on paper
     *                   is not)
     * @param required   whether the step cannot start (kelengkapan) or be completed (output) without it
     * @param present    whether the dossier holds it (for an output: uploaded at the step)
     * @param documentId the latest such document
     */
    public record Item(String name, boolean document, boolean required, boolean present, Optional<String> documentId) {
    }
}
