package id.sopflow.sop;

import java.nio.file.Path;
import java.util.List;

/**
 * Regenerates {@code bpmn/} from {@code config/sop}: {@code mvn -q compile exec:java@bpmn}.
 * Arguments (optional): the SOP folder and the BPMN folder.
 */
public final class GenerateBpmn {

    private GenerateBpmn() {
    }

    public static void main(String[] args) {
        Path sopDir = Path.of(args.length > 0 ? args[0] : "config/sop");
        Path bpmnDir = Path.of(args.length > 1 ? args[1] : "bpmn");
        try {
            SopCatalog catalog = SopCatalog.load(sopDir, SopCatalog.STANDARD_ROLES);
            catalog.warnings().forEach(w -> System.out.println("peringatan: " + w));
            List<Path> changed = catalog.writeBpmn(bpmnDir);
            System.out.println(catalog.definitions().size() + " SOP dibaca, " + changed.size() + " berkas BPMN diperbarui");
            changed.forEach(p -> System.out.println("  " + p));
        } catch (SopValidationException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
