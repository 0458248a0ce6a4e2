package id.sopflow.sop;

import java.util.List;
import java.util.Optional;

/**
 * A validated SOP: identity sheet, roles and steps.
 *
 * @param kode      process definition key, also the file name ({@code <kode>.yaml})
 * @param folder    the folder under {@code config/sop} it was read from (the kecamatan's folder)
 * @param kecamatan the kecamatan whose SOP table this is
 * @param dokumen   the document the SOP produces (Renja, DPA, ...)
 * @param kecamatanOnly true for a kecamatan's own variant ({@code berlaku: kecamatan}): deployed for the
 *                  tenant named by {@code folder} only, where it replaces the shared SOP of the same kode
 * @param schedule  for a recurring SOP, when instances start and when each is due
 * @param documentKinds the kinds of document an instance's dossier holds ({@code berkas}): what the steps require
 *                  and produce, by the names the SOP file gives them
 * @param warnings  findings that do not stop deployment, e.g. "waktu belum ditetapkan"
 */
public record SopDefinition(
        String kode,
        String folder,
        String nama,
        String kecamatan,
        String dokumen,
        SopIdentity identitas,
        List<SopRole> roles,
        List<SopStep> steps,
        boolean kecamatanOnly,
        Optional<SopSchedule> schedule,
        List<String> documentKinds,
        List<String> warnings) {

    public SopDefinition {
        roles = List.copyOf(roles);
        steps = List.copyOf(steps);
        documentKinds = List.copyOf(documentKinds);
        warnings = List.copyOf(warnings);
    }

    /** The tenant the process is deployed for: the folder for a kecamatan variant, empty for a shared SOP. */
    public Optional<String> tenant() {
        return kecamatanOnly ? Optional.of(folder) : Optional.empty();
    }

    public Optional<SopRole> role(String id) {
        return roles.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public SopStep step(int number) {
        return steps.stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("SOP " + kode + " tidak punya langkah " + number));
    }

    /** Where the generated process lives, relative to {@code bpmn/}: {@code <folder>/<kode>.bpmn}. */
    public String bpmnPath() {
        return folder + "/" + kode + ".bpmn";
    }

    /** The key of the process that starts a recurring SOP on its schedule: {@code <kode>-bulanan}. */
    /** The schedule process of a recurring SOP is its kode with this suffix, e.g. {@code rfk-teppa-bulanan}. */
    static final String SCHEDULE_SUFFIX = "-bulanan";

    public String scheduleProcessKey() {
        return kode + SCHEDULE_SUFFIX;
    }

    /** Where the schedule process lives, relative to {@code bpmn/}. */
    public String scheduleBpmnPath() {
        return folder + "/" + scheduleProcessKey() + ".bpmn";
    }
}
