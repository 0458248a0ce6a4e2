package id.sopflow.sop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a client may send to the engine, as plain rules: nothing a client sends decides a deadline, an
 * approval it did not give, or a step order. Each method returns every problem at once, in Bahasa
 * Indonesia, naming the variable; an empty list means the input is acceptable.
 *
 * <ul>
 *   <li>Starting an SOP: only {@link ProcessContract#START_VARIABLES}; the deadlines come from the calendar
 *       and the schedule.</li>
 *   <li>Completing a review step: {@code disetujui} is required and boolean; a rejection needs a
 *       {@code catatan}; nothing else.</li>
 *   <li>Completing any other step: no variables (its documents go to the dossier, not into variables).</li>
 *   <li>Setting variables directly (the admin in Cockpit): never one that SOPflow computes.</li>
 * </ul>
 * Values are plain Java values ({@link Boolean}, {@link String}, numbers, dates), or {@link Serialized} for
 * an object the client sent in serialized form, which is never accepted.
 */
public final class ClientInput {

    /** A value the client sent as a serialized object (Java, JSON or XML object variable). */
    public record Serialized(String type) {
    }

    private ClientInput() {
    }

    public static List<String> startProblems(Map<String, ?> variables, String businessKey) {
        List<String> problems = new ArrayList<>(limits(variables));
        if (businessKey != null && businessKey.length() > ProcessContract.BUSINESS_KEY_MAX_LENGTH) {
            problems.add("business key terlalu panjang (" + businessKey.length() + " karakter, maksimal "
                    + ProcessContract.BUSINESS_KEY_MAX_LENGTH + ")");
        }
        for (String name : new TreeSet<>(variables.keySet())) {
            if (ProcessContract.isComputed(name)) {
                problems.add("variabel '" + name + "' dihitung oleh SOPflow dari mutu baku dan jadwal; tidak boleh dikirim saat memulai SOP");
            } else if (!ProcessContract.START_VARIABLES.contains(name)) {
                problems.add("variabel '" + name + "' tidak diterima saat memulai SOP; yang diterima: "
                        + String.join(", ", new TreeSet<>(ProcessContract.START_VARIABLES)));
            } else if (!(variables.get(name) instanceof String) && variables.get(name) != null) {
                problems.add("variabel '" + name + "' harus berupa teks");
            } else if (ProcessContract.PERIOD.equals(name) && variables.get(name) instanceof String p
                    && !p.strip().matches("(20\\d{2}|2100)(-(0[1-9]|1[0-2]))?")) {
                problems.add("variabel 'periode' '" + p + "' bukan periode; gunakan tahun (2026) atau tahun-bulan (2026-11)");
            }
        }
        return problems;
    }

    /**
     * @param step the step being completed; empty for a task that is no SOP step (then only the limits apply)
     */
    public static List<String> completionProblems(Optional<StepMetadata> step, Map<String, ?> variables) {
        List<String> problems = new ArrayList<>(limits(variables));
        if (step.isEmpty()) {
            return problems;
        }
        StepMetadata s = step.get();
        if (!s.isReview()) {
            if (!variables.isEmpty()) {
                problems.add("langkah " + s.number() + " bukan langkah pemeriksaan dan tidak menerima variabel ("
                        + String.join(", ", new TreeSet<>(variables.keySet())) + "); selesaikan tanpa variabel");
            }
            return problems;
        }
        String back = s.returnTo().isPresent() ? "langkah " + s.returnTo().getAsInt() : "kecamatan pengirim";
        for (String name : new TreeSet<>(variables.keySet())) {
            if (!ProcessContract.REVIEW_VARIABLES.contains(name)) {
                problems.add("variabel '" + name + "' tidak diterima pada langkah " + s.number() + "; yang diterima: "
                        + ProcessContract.APPROVED + ", " + ProcessContract.NOTE);
            }
        }
        Object approved = variables.get(ProcessContract.APPROVED);
        if (approved == null) {
            problems.add("langkah " + s.number() + " adalah langkah pemeriksaan: kirim '" + ProcessContract.APPROVED
                    + "' (true untuk setuju, false untuk mengembalikan ke " + back + ")");
        } else if (!(approved instanceof Boolean)) {
            problems.add("'" + ProcessContract.APPROVED + "' harus boolean (true atau false), bukan " + describe(approved));
        }
        Object note = variables.get(ProcessContract.NOTE);
        if (note != null && !(note instanceof String)) {
            problems.add("'" + ProcessContract.NOTE + "' harus berupa teks, bukan " + describe(note));
        } else if (note instanceof String text && text.length() > ProcessContract.NOTE_MAX_LENGTH) {
            problems.add("'" + ProcessContract.NOTE + "' terlalu panjang (" + text.length() + " karakter, maksimal "
                    + ProcessContract.NOTE_MAX_LENGTH + ")");
        }
        if (Boolean.FALSE.equals(approved) && (note == null || note.toString().isBlank())) {
            problems.add("mengembalikan ke " + back + " memerlukan '" + ProcessContract.NOTE
                    + "' yang menyebutkan apa yang harus diperbaiki");
        }
        return problems;
    }

    /** Setting variables directly (admin): limits, and never a computed variable. */
    public static List<String> updateProblems(Map<String, ?> variables) {
        List<String> problems = new ArrayList<>(limits(variables));
        for (String name : new TreeSet<>(variables.keySet())) {
            if (ProcessContract.isComputed(name)) {
                problems.add("variabel '" + name + "' dihitung oleh SOPflow dan tidak dapat diubah lewat API");
            }
        }
        return problems;
    }

    /** Removing variables directly (admin): never one that SOPflow computes. */
    public static List<String> removalProblems(java.util.Collection<String> names) {
        List<String> problems = new ArrayList<>();
        if (names != null) {
            for (String name : new TreeSet<>(names)) {
                if (ProcessContract.isComputed(name)) {
                    problems.add("variabel '" + name + "' dihitung oleh SOPflow dan tidak dapat dihapus lewat API");
                }
            }
        }
        return problems;
    }

    /** What holds for every request: how many variables, no serialized objects, text that fits the database. */
    private static List<String> limits(Map<String, ?> variables) {
        List<String> problems = new ArrayList<>();
        if (variables.size() > ProcessContract.MAX_VARIABLES) {
            problems.add("terlalu banyak variabel dalam satu permintaan (" + variables.size() + ", maksimal "
                    + ProcessContract.MAX_VARIABLES + ")");
            return problems;
        }
        for (var entry : new java.util.TreeMap<String, Object>(variables).entrySet()) {
            String name = entry.getKey();
            if (name == null || name.isBlank() || name.length() > 255) {
                problems.add("nama variabel kosong atau terlalu panjang");
            } else if (entry.getValue() instanceof Serialized s) {
                problems.add("variabel '" + name + "' berupa objek terserialisasi (" + s.type() + "); hanya boolean, angka, tanggal atau teks yang diterima");
            } else if (entry.getValue() instanceof String text && text.length() > ProcessContract.TEXT_MAX_LENGTH) {
                problems.add("variabel '" + name + "' terlalu panjang (" + text.length() + " karakter, maksimal "
                        + ProcessContract.TEXT_MAX_LENGTH + ")");
            }
        }
        return problems;
    }

    private static String describe(Object value) {
        return value instanceof String s ? "teks \"" + (s.length() > 20 ? s.substring(0, 20) + "…" : s) + "\""
                : value instanceof Number ? "angka " + value : value.getClass().getSimpleName();
    }
}
