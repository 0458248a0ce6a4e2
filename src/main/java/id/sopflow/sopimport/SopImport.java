package id.sopflow.sopimport;

import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopValidationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports the SOP AP table of a kecamatan from a Word (.docx) or Excel (.xlsx) file: reads the table and the identity
 * sheet, writes a YAML draft {@code <sopDir>/<kecamatan>/<kode>.yaml.draf} and reports what a person must finish,
 * by running the SOP validation on the draft.
 *
 * <p>The draft ends in {@code .draf} so that the SOP folder keeps loading while it is unfinished (the loader reads
 * {@code .yaml} files only, and one invalid file would stop every SOP): a person finishes it, renames it to
 * {@code <kode>.yaml}, regenerates the BPMN and commits both (README, "Importing an SOP table").
 *
 * <p>Nothing is written when the file cannot be read; an existing draft, or an SOP of that kode in that folder, is
 * only replaced when asked for ({@code replace}). The draft is written to a temporary file and moved into place, so it
 * is never half-written.
 */
public final class SopImport {

    /** A kecamatan folder and a kode: lower case letters, digits and '-' (as the SOP reader requires of a kode). */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,59}");
    /** The draft's file name after the kode. */
    public static final String DRAFT_SUFFIX = ".yaml.draf";

    private final Path sopDir;
    private final Set<String> knownRoles;

    /**
     * @param sopDir     the SOP folder ({@code config/sop}); drafts go to its kecamatan folders
     * @param knownRoles the roles an SOP may name ({@link SopCatalog#STANDARD_ROLES})
     */
    public SopImport(Path sopDir, Set<String> knownRoles) {
        this.sopDir = sopDir;
        this.knownRoles = Set.copyOf(knownRoles);
    }

    /**
     * The draft written and its report.
     *
     * @param draft       the file written, {@code <sopDir>/<kecamatan>/<kode>.yaml.draf}
     * @param sopFile     the name it must have when finished, {@code <sopDir>/<kecamatan>/<kode>.yaml}
     * @param yaml        the draft's text
     * @param steps       how many steps were read
     * @param roles       the role columns read, as {@code id (title)}
     * @param problems    what the SOP validation refuses in the draft, each with line, step and field: what a person
     *                    must finish before the SOP can run
     * @param warnings    what the validation accepts but lists (e.g. "waktu belum ditetapkan")
     * @param notes       what the reading could not decide (steps without a role mark, missing columns, ...)
     */
    public record Draft(Path draft, String sopFile, String yaml, int steps, List<String> roles, List<String> problems,
                        List<String> warnings, List<String> notes) {
        public Draft {
            roles = List.copyOf(roles);
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }

        /** Whether the draft passes validation as it is (it may still deserve a look). */
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads the document and writes its draft.
     *
     * @param fileName  the document's name as given (its extension decides .docx or .xlsx)
     * @param content   the document
     * @param kecamatan the kecamatan's folder under the SOP folder, e.g. {@code wangon}
     * @param kode      the SOP's kode, the process key, e.g. {@code dpa}
     * @param replace   whether an existing draft or SOP file of that kode in that folder may be replaced by the draft
     * @throws ImportRefused when the names are invalid, the document unreadable or the draft exists; nothing is written
     */
    public Draft importTable(String fileName, byte[] content, String kecamatan, String kode, boolean replace) {
        String folder = name(kecamatan, "kecamatan", "nama folder kecamatan, mis. wangon atau arut-selatan");
        String key = name(kode, "kode", "kode SOP, mis. dpa atau rfk-teppa");
        String shownName = shownName(fileName);
        Path dir = sopDir.resolve(folder);
        Path draftFile = dir.resolve(key + DRAFT_SUFFIX);
        Path sopFile = dir.resolve(key + ".yaml");
        if (!replace) {
            refuseExisting(draftFile, "draf");
            refuseExisting(sopFile, "SOP");
        }
        List<Grid> grids = OfficeTables.read(shownName, content);
        StepTable.Table table = StepTable.find(shownName, grids);
        Optional<IdentitySheet> identity = IdentitySheet.find(grids, table.source());
        DraftWriter.Result written = DraftWriter.write(shownName, folder, displayName(folder), key, table, identity);
        String sopName = display(sopFile);
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            warnings.addAll(SopCatalog.check(written.yaml(), sopName, folder, knownRoles));
        } catch (SopValidationException e) {
            problems.addAll(e.problems());
            int number = 0;
            for (StepTable.Row row : table.rows()) {
                number++;
                if (row.waktu().isEmpty()) {
                    warnings.add(sopName + ", langkah " + number + ": waktu belum ditetapkan");
                }
            }
        }
        write(dir, draftFile, written.yaml(), replace);
        List<String> roles = table.roles().stream().map(r -> RoleNames.of(r.title()).map(role -> role.id() + " (" + r.title() + ")")
                .orElse("? (" + r.title() + ")")).toList();
        return new Draft(draftFile, sopName, written.yaml(), table.rows().size(), roles, problems, warnings, written.notes());
    }

    /** The report as plain text, for the command line. */
    public static String report(Draft draft) {
        StringBuilder text = new StringBuilder();
        text.append("Draf ditulis: ").append(display(draft.draft())).append('\n');
        text.append(draft.steps()).append(" langkah; kolom pelaksana: ").append(String.join(", ", draft.roles())).append('\n');
        section(text, "Harus diselesaikan sebelum SOP dapat dipakai", draft.problems());
        section(text, "Belum dapat dibaca dari tabel", draft.notes());
        section(text, "Peringatan", draft.warnings());
        text.append(draft.valid()
                ? "Draf lolos validasi. Periksa terhadap dokumen aslinya, lalu ganti namanya menjadi " + draft.sopFile() + ".\n"
                : "Selesaikan draf, lalu ganti namanya menjadi " + draft.sopFile() + " dan jalankan mvn -q compile exec:java@bpmn.\n");
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            text.append(title).append(" (").append(lines.size()).append("):\n");
            lines.forEach(l -> text.append("- ").append(l).append('\n'));
        }
    }

    private static String name(String value, String field, String example) {
        String v = value == null ? "" : value.strip();
        if (!NAME.matcher(v).matches()) {
            throw new ImportRefused(ImportRefused.Reason.INVALID_NAME, v.isEmpty() ? field + " wajib diisi (" + example + ")"
                    : field + " '" + v + "' tidak valid: gunakan huruf kecil, angka dan '-' (" + example + ")");
        }
        return v;
    }

    private static void refuseExisting(Path file, String what) {
        if (Files.exists(file)) {
            throw new ImportRefused(ImportRefused.Reason.ALREADY_EXISTS, display(file) + " sudah ada; " + what
                    + " itu tidak ditimpa kecuali diminta (timpa)");
        }
    }

    /** The file's own name for messages and comments: without folders and control characters ("berkas" when none). */
    static String shownName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("\\p{Cntrl}", "").strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? "berkas" : name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** "arut-selatan" → "Arut Selatan". */
    static String displayName(String folder) {
        return Arrays.stream(folder.split("-")).filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1)).collect(Collectors.joining(" "));
    }

    private static void write(Path dir, Path target, String text, boolean replace) {
        Path temporary = null;
        try {
            Files.createDirectories(dir);
            temporary = Files.createTempFile(dir, ".impor-", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                // readable like the other SOP files (a temporary file is the owner's only)
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its defaults apply
            }
            if (!replace) {
                Files.move(temporary, target); // refuses a draft written meanwhile by another import
            } else {
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new ImportRefused(ImportRefused.Reason.ALREADY_EXISTS, display(target) + " sudah ada; draf itu tidak ditimpa kecuali diminta (timpa)");
        } catch (IOException e) {
            throw new UncheckedIOException("Tidak dapat menulis " + display(target), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the move took it, or it stays as a hidden .tmp: never the draft itself
                }
            }
        }
    }

    private static String display(Path file) {
        return file.toString().replace('\\', '/');
    }
}
