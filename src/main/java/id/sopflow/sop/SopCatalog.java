package id.sopflow.sop;

import id.sopflow.organisation.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The SOPs of an installation: every {@code <kecamatan>/<kode>.yaml} below the SOP folder
 * (by default {@code config/sop}), read, validated and turned into BPMN. Plain Java: used by the
 * application at start-up, by the {@code GenerateBpmn} command and by tests.
 */
public final class SopCatalog {

    /** Roles an SOP may name; the candidate groups of its user tasks (the organisation's roles that act in steps). */
    public static final Set<String> STANDARD_ROLES = Role.stepRoleIds();

    private final Path sopDir;
    private final List<SopDefinition> definitions;
    private final BpmnGenerator generator = new BpmnGenerator();

    private SopCatalog(Path sopDir, List<SopDefinition> definitions) {
        this.sopDir = sopDir;
        this.definitions = List.copyOf(definitions);
    }

    /**
     * Reads and validates every SOP file below {@code sopDir}. Throws {@link SopValidationException}
     * listing every problem of every file if any file is invalid: then nothing may be deployed.
     */
    public static SopCatalog load(Path sopDir, Set<String> knownRoles) {
        if (!Files.isDirectory(sopDir)) {
            throw new SopValidationException(List.of(sopDir + ": folder SOP tidak ditemukan"));
        }
        SopReader reader = new SopReader(knownRoles);
        List<String> problems = new ArrayList<>();
        List<SopDefinition> definitions = new ArrayList<>();
        Map<String, String> seenKode = new LinkedHashMap<>();
        for (Path file : sourceFiles(sopDir)) {
            Path relative = sopDir.relativize(file);
            String name = display(sopDir, file);
            if (relative.getNameCount() != 2) {
                problems.add(name + ": berkas SOP harus berada di " + sopDir + "/<kecamatan>/<kode>.yaml");
                continue;
            }
            String folder = relative.getName(0).toString();
            try {
                SopDefinition sop = reader.read(file, name, folder);
                // one shared SOP per kode, and at most one variant per kode in each kecamatan folder
                String other = seenKode.putIfAbsent(sop.tenant().orElse("") + "/" + sop.kode(), name);
                if (other != null) {
                    problems.add(name + ", isian 'kode': kode '" + sop.kode() + "' sudah dipakai oleh " + other
                            + (sop.kecamatanOnly() ? "" : " (SOP bersama; varian kecamatan memakai 'berlaku: kecamatan')"));
                    continue;
                }
                definitions.add(sop);
            } catch (SopValidationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new SopValidationException(problems);
        }
        return new SopCatalog(sopDir, definitions);
    }

    /**
     * Validates one SOP source given as text, as {@link #load} would validate it as the file {@code name} in the folder
     * {@code folder}, without reading or writing anything else (for a draft that is not in the SOP folder yet).
     *
     * @return the warnings of the source (e.g. "waktu belum ditetapkan")
     * @throws SopValidationException with every problem of the source
     */
    public static List<String> check(String source, String name, String folder, Set<String> knownRoles) {
        return new SopReader(knownRoles).read(new java.io.StringReader(source), name, folder).warnings();
    }

    public List<SopDefinition> definitions() {
        return definitions;
    }

    /** The shared SOP with this kode. */
    public SopDefinition get(String kode) {
        return definitions.stream().filter(d -> d.kode().equals(kode) && !d.kecamatanOnly()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("SOP bersama '" + kode + "' tidak ada di " + sopDir));
    }

    /** The SOP with this kode that applies to a kecamatan: its own variant, else the shared one. */
    public SopDefinition get(String kode, String kecamatan) {
        return find(kode, kecamatan).orElseThrow(() -> new IllegalArgumentException("SOP '" + kode + "' tidak berlaku di " + kecamatan));
    }

    /**
     * The SOP with this kode that applies to a kecamatan: its own variant, else the shared one; empty when the kode
     * is only another kecamatan's own SOP.
     */
    public java.util.Optional<SopDefinition> find(String kode, String kecamatan) {
        return definitions.stream().filter(d -> d.kode().equals(kode) && d.tenant().equals(java.util.Optional.of(kecamatan))).findFirst()
                .or(() -> definitions.stream().filter(d -> d.kode().equals(kode) && !d.kecamatanOnly()).findFirst());
    }

    /** The SOPs that apply to a kecamatan, one per kode: its own variants and the shared SOPs it has no variant of. */
    public List<SopDefinition> forKecamatan(String kecamatan) {
        return definitions.stream().map(SopDefinition::kode).distinct().map(kode -> find(kode, kecamatan))
                .flatMap(java.util.Optional::stream).toList();
    }

    /** The keys of Bappeda's own processes: its inbox and the processes of the SOPs' Bappeda steps. */
    public List<String> bappedaProcessKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(ProcessContract.BAPPEDA_INBOX);
        definitions.stream().filter(sop -> sop.steps().stream().anyMatch(SopStep::isBappedaWork))
                .map(sop -> ProcessContract.bappedaProcessKey(sop.kode())).distinct().forEach(keys::add);
        return List.copyOf(keys);
    }

    /** The keys of the processes that start recurring SOPs on their schedule (no user works in them). */
    public List<String> scheduleProcessKeys() {
        return definitions.stream().filter(d -> d.schedule().isPresent()).map(SopDefinition::scheduleProcessKey).distinct().toList();
    }

    /** Every warning of every SOP (for example "waktu belum ditetapkan"). */
    public List<String> warnings() {
        return definitions.stream().flatMap(d -> d.warnings().stream()).toList();
    }

    /** The generated files deployed for one kecamatan only, by path below the BPMN folder, with their tenant. */
    public Map<String, String> tenantOf() {
        Map<String, String> tenants = new LinkedHashMap<>();
        definitions.forEach(sop -> sop.tenant().ifPresent(tenant -> generator.files(sop).keySet()
                .forEach(path -> tenants.put(path, tenant))));
        return tenants;
    }

    /** Every generated file, by path below the BPMN folder, in a stable order. */
    public Map<String, String> bpmnFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        definitions.forEach(sop -> files.putAll(generator.files(sop)));
        files.put(BpmnGenerator.INBOX_PATH, generator.inboxXml());
        return files;
    }

    /** Writes {@code <bpmnDir>/<folder>/<kode>.bpmn} (and schedule files) for every SOP; returns the files whose content changed. */
    public List<Path> writeBpmn(Path bpmnDir) {
        List<Path> changed = new ArrayList<>();
        for (Map.Entry<String, String> file : bpmnFiles().entrySet()) {
            Path target = bpmnDir.resolve(file.getKey());
            String xml = file.getValue();
            try {
                if (Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(xml)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, xml, StandardCharsets.UTF_8);
                changed.add(target);
            } catch (IOException e) {
                throw new UncheckedIOException("Tidak dapat menulis " + target, e);
            }
        }
        return changed;
    }

    /** The generated files that are missing from {@code bpmnDir} or differ from what their source generates. */
    public List<String> staleBpmn(Path bpmnDir) {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> generated : bpmnFiles().entrySet()) {
            Path file = bpmnDir.resolve(generated.getKey());
            try {
                if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(generated.getValue())) {
                    stale.add(generated.getKey());
                }
            } catch (IOException e) {
                stale.add(generated.getKey());
            }
        }
        return stale;
    }

    private static List<Path> sourceFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Tidak dapat membaca folder SOP " + dir, e);
        }
    }

    private static String display(Path sopDir, Path file) {
        return (sopDir.toString() + "/" + sopDir.relativize(file)).replace('\\', '/');
    }
}
