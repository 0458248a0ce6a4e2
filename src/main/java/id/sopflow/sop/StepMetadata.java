package id.sopflow.sop;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The mutu baku of one step as the generated BPMN carries it (the extension properties of its user task),
 * read back typed. Every reader of a step's properties goes through here, so the property names are spelled
 * once, by the generator's side.
 *
 * @param number   the step's number in the SOP table ({@value #STEP})
 * @param role     the acting role, a candidate group ({@value #ROLE})
 * @param waktu    the time standard as written, empty when the table gives none ({@value #WAKTU})
 * @param returnTo for a review step, where a rejection sends the work ({@value #RETURN_TO})
 * @param requiredKelengkapan document kinds that must be in the dossier when the step is handed over
 *                 ({@value #REQUIRED_KELENGKAPAN})
 * @param requiredOutputs document kinds that must be uploaded at the step before it is completed, or for a review
 *                 step approved ({@value #REQUIRED_OUTPUTS})
 * @param sendsToBappeda whether completing the step sends its required kelengkapan to Bappeda ({@value #SEND_TO})
 * @param bappedaReturnTo for a sending step, where Bappeda's return sends the work ({@value #BAPPEDA_RETURN_TO})
 * @param answersSubmission whether the task is Bappeda's answer to a submission ({@value #ANSWERS_SUBMISSION}): like a
 *                 review, it is completed with {@value ProcessContract#APPROVED} (terima) or a note (kembalikan)
 */
public record StepMetadata(int number, String role, List<String> kelengkapan, Optional<String> waktu, String output,
                           String keterangan, OptionalInt returnTo, List<String> requiredKelengkapan,
                           List<String> requiredOutputs, boolean sendsToBappeda, OptionalInt bappedaReturnTo,
                           boolean answersSubmission) {

    static final String STEP = "langkah";
    static final String ROLE = "peran";
    static final String KELENGKAPAN = "kelengkapan";
    static final String WAKTU = "waktu";
    static final String OUTPUT = "output";
    static final String KETERANGAN = "keterangan";
    static final String RETURN_TO = "kembaliKe";
    static final String REQUIRED_KELENGKAPAN = "kelengkapanWajib";
    static final String REQUIRED_OUTPUTS = "hasilWajib";
    static final String SEND_TO = "kirimKe";
    static final String BAPPEDA_RETURN_TO = "jikaDikembalikanKe";
    static final String ANSWERS_SUBMISSION = "menjawabKiriman";
    /** How a property holds a list: its items joined by this (document kinds never contain ';'). */
    static final String LIST_SEPARATOR = "; ";

    public StepMetadata(int number, String role, List<String> kelengkapan, Optional<String> waktu, String output, String keterangan,
                        OptionalInt returnTo, List<String> requiredKelengkapan, List<String> requiredOutputs) {
        this(number, role, kelengkapan, waktu, output, keterangan, returnTo, requiredKelengkapan, requiredOutputs, false,
                OptionalInt.empty(), false);
    }

    public StepMetadata {
        kelengkapan = List.copyOf(kelengkapan);
        requiredKelengkapan = List.copyOf(requiredKelengkapan);
        requiredOutputs = List.copyOf(requiredOutputs);
    }

    /** The step a user task stands for; empty for an element that is no SOP step. */
    public static Optional<StepMetadata> of(BaseElement userTask) {
        Map<String, String> p = properties(userTask);
        if (!p.containsKey(STEP)) {
            return Optional.empty();
        }
        return Optional.of(new StepMetadata(Integer.parseInt(p.get(STEP)), p.getOrDefault(ROLE, ""), list(p.get(KELENGKAPAN)),
                Optional.ofNullable(p.get(WAKTU)).filter(w -> !w.isBlank()), p.getOrDefault(OUTPUT, ""),
                p.getOrDefault(KETERANGAN, ""),
                p.containsKey(RETURN_TO) ? OptionalInt.of(Integer.parseInt(p.get(RETURN_TO))) : OptionalInt.empty(),
                list(p.get(REQUIRED_KELENGKAPAN)), list(p.get(REQUIRED_OUTPUTS)), p.containsKey(SEND_TO),
                p.containsKey(BAPPEDA_RETURN_TO) ? OptionalInt.of(Integer.parseInt(p.get(BAPPEDA_RETURN_TO))) : OptionalInt.empty(),
                Boolean.parseBoolean(p.get(ANSWERS_SUBMISSION))));
    }

    /** The items of a list property; empty when absent. */
    static List<String> list(String property) {
        return property == null || property.isBlank() ? List.of() : Arrays.stream(property.split(";\\s*")).map(String::strip).toList();
    }

    /** A decision: a review step, or Bappeda's answer to a submission (approve/receive, or send back with a note). */
    public boolean isReview() {
        return returnTo.isPresent() || answersSubmission;
    }

    /** The properties the generator writes for a step, in order. */
    static Map<String, String> propertiesOf(SopStep step) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(STEP, String.valueOf(step.number()));
        props.put(ROLE, step.roleId());
        if (!step.kelengkapan().isEmpty()) {
            props.put(KELENGKAPAN, String.join("; ", step.kelengkapan()));
        }
        if (!step.waktuText().isBlank()) {
            props.put(WAKTU, step.waktuText());
        }
        if (!step.output().isBlank()) {
            props.put(OUTPUT, step.output());
        }
        if (!step.keterangan().isBlank()) {
            props.put(KETERANGAN, step.keterangan());
        }
        step.returnTo().ifPresent(r -> props.put(RETURN_TO, String.valueOf(r)));
        if (!step.requiredKelengkapan().isEmpty()) {
            props.put(REQUIRED_KELENGKAPAN, String.join(LIST_SEPARATOR, step.requiredKelengkapan()));
        }
        if (!step.requiredOutputs().isEmpty()) {
            props.put(REQUIRED_OUTPUTS, String.join(LIST_SEPARATOR, step.requiredOutputs()));
        }
        if (step.sendsToBappeda()) {
            props.put(SEND_TO, id.sopflow.organisation.Organisation.BAPPEDA_OFFICE);
            step.bappedaReturnTo().ifPresent(r -> props.put(BAPPEDA_RETURN_TO, String.valueOf(r)));
        }
        return props;
    }

    /** The camunda:properties of an element, by name. */
    public static Map<String, String> properties(BaseElement element) {
        Map<String, String> values = new LinkedHashMap<>();
        if (element == null || element.getExtensionElements() == null) {
            return values;
        }
        element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                .forEach(p -> p.getCamundaProperties().forEach((CamundaProperty c) -> values.put(c.getCamundaName(), c.getCamundaValue())));
        return values;
    }
}
