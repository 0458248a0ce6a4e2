package id.sopflow.dossier;

import id.sopflow.api.InvalidInput;
import id.sopflow.sop.StepMetadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the dossier allows and what a step lacks: plain rules, no engine, no database. */
final class DossierRules {

    /** The most characters of an upload's note or a withdrawal's reason (the column). */
    static final int NOTE_MAX_LENGTH = 2000;

    private DossierRules() {
    }

    /** The required kinds not among {@code present}, in the order required. */
    static List<String> missing(Collection<String> required, Set<String> present) {
        return required.stream().filter(kind -> !present.contains(kind)).toList();
    }

    /** Why a step cannot be handed over yet: a kelengkapan it requires is not in the dossier. */
    static String handOverRefused(int step, String name, List<String> missing) {
        return "Langkah " + step + " (" + shorten(name) + ") belum dapat dimulai: " + listed(missing) + " belum ada di berkas instance ini. "
                + "Unggah dulu ke berkas (langkah yang sedang berjalan), lalu selesaikan langkah ini lagi.";
    }

    /** Why a step cannot be completed (a review step: approved) yet: an output it requires was not uploaded at it. */
    static String completionRefused(int step, String name, boolean review, List<String> missing) {
        return "Langkah " + step + " (" + shorten(name) + ") belum dapat " + (review ? "disetujui" : "diselesaikan") + ": " + listed(missing)
                + " belum diunggah pada langkah ini. Unggah ke berkas instance ini (jenis " + quoted(missing) + "), lalu coba lagi.";
    }

    /** The SOP's kind a client names: exactly one of {@code kinds}, ignoring case and surrounding spaces. */
    static String kind(String requested, List<String> kinds) {
        if (kinds.isEmpty()) {
            throw new InvalidInput("SOP instance ini tidak punya daftar jenis dokumen ('berkas' di berkas SOP-nya); tidak ada yang dapat diunggah.");
        }
        if (requested == null || requested.isBlank()) {
            throw new InvalidInput("Isian 'jenis' wajib diisi: salah satu dari " + quoted(kinds) + ".");
        }
        String wanted = requested.strip();
        return kinds.stream().filter(k -> k.equalsIgnoreCase(wanted)).findFirst().orElseThrow(() -> new InvalidInput(
                "Jenis dokumen '" + shorten(wanted) + "' tidak dikenal SOP ini; gunakan salah satu dari " + quoted(kinds) + "."));
    }

    /** An optional note: blank is none; at most {@value #NOTE_MAX_LENGTH} characters. */
    static String note(String note, String field) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > NOTE_MAX_LENGTH) {
            throw new InvalidInput("Isian '" + field + "' terlalu panjang (" + note.length() + " karakter; paling banyak " + NOTE_MAX_LENGTH + ").");
        }
        return note.strip();
    }

    /** A required text, such as the reason of a withdrawal. */
    static String required(String text, String field, String what) {
        String value = note(text, field);
        if (value == null) {
            throw new InvalidInput("Isian '" + field + "' wajib diisi: " + what + ".");
        }
        return value;
    }

    /** A step of an SOP process as its dossier sees it. */
    record Step(int number, String name, StepMetadata metadata) {
    }

    /**
     * The kelengkapan checklist of every step: each kelengkapan of the table (and each kind the step requires at its
     * start), whether it is a kind of the dossier and present in it; each output the step requires, and whether it
     * was uploaded at the step (at its running visit, if it is running).
     *
     * @param runningVisits the visit (activity instance) of each running step, by step number
     */
    static List<Checklist.StepChecklist> checklist(List<Step> steps, List<String> kinds, List<Document> documents,
                                                  java.util.Map<Integer, String> runningVisits) {
        List<Document> present = documents.stream().filter(d -> !d.withdrawn()).toList();
        List<Checklist.StepChecklist> result = new ArrayList<>();
        for (Step step : steps) {
            List<Checklist.Item> kelengkapan = new ArrayList<>();
            List<String> names = new ArrayList<>(step.metadata().kelengkapan());
            step.metadata().requiredKelengkapan().stream()
                    .filter(k -> names.stream().noneMatch(n -> n.equalsIgnoreCase(k))).forEach(names::add);
            for (String name : names) {
                Optional<String> kind = kinds.stream().filter(k -> k.equalsIgnoreCase(name.strip())).findFirst();
                boolean required = kind.isPresent() && step.metadata().requiredKelengkapan().contains(kind.get());
                Optional<Document> latest = kind.flatMap(k -> present.stream().filter(d -> d.kind().equals(k)).findFirst());
                kelengkapan.add(new Checklist.Item(name, kind.isPresent(), required, latest.isPresent(), latest.map(Document::id)));
            }
            String visit = runningVisits.get(step.number());
            List<Checklist.Item> outputs = new ArrayList<>();
            for (String kind : step.metadata().requiredOutputs()) {
                Optional<Document> uploaded = present.stream().filter(d -> d.kind().equals(kind))
                        .filter(d -> visit != null ? d.visit().equals(visit) : d.step() == step.number()).findFirst();
                outputs.add(new Checklist.Item(kind, true, true, uploaded.isPresent(), uploaded.map(Document::id)));
            }
            result.add(new Checklist.StepChecklist(step.number(), step.name(), visit != null, kelengkapan, outputs));
        }
        return result;
    }

    private static String listed(List<String> kinds) {
        return "dokumen " + quoted(kinds);
    }

    private static String quoted(Collection<String> kinds) {
        List<String> q = kinds.stream().map(k -> "'" + k + "'").toList();
        return q.size() <= 1 ? String.join("", q) : String.join(", ", q.subList(0, q.size() - 1)) + " dan " + q.get(q.size() - 1);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 80 ? flat : flat.substring(0, 77).strip() + "...";
    }
}
