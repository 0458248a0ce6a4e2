package id.sopflow.compliance;

import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.SopRole;
import id.sopflow.sop.SopStep;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The record of movement of one instance (Pencatatan dan Pendataan of the SOP AP): every visit of a step in the order the
 * work moved, who handed it over ({@code receivedFrom}), who did it, to whom it went next ({@code handedTo}), when, its
 * working time against its mutu baku, the reviewer's decision, and the documents uploaded at that visit (by whom, when).
 *
 * <p>Rules (plain Java): visits in order of hand-over, Bappeda's own step (done in Bappeda's process) among them; a visit
 * was received from whoever did the visit before it (the first from whoever started the SOP) and handed to whoever did the
 * visit after it, or holds it now (a member of its role while no one has claimed it); the last visit of a finished
 * instance is handed to no one ("SOP selesai"), of a cancelled one to "dihentikan (alasan)", and a visit cancelled with
 * its instance stays a row. A visit is on time when it ended (or, while open, is now) not after its deadline: the one its
 * timer stored at hand-over, else its waktu added to its start. A document belongs to the visit it was uploaded at; one
 * uploaded outside a visit (a starting document) to the first visit of its step; any other to "lain-lain", never dropped.
 *
 * @param stopped         why the instance was cancelled; empty when it runs or finished
 * @param otherDocuments  documents that belong to no visit shown ("lain-lain")
 */
public record Movement(String instanceId, String kode, String nama, String businessKey, String kecamatan, ZoneId zone, Instant started,
                       String startedBy, Optional<Instant> ended, Optional<String> stopped, List<Handover> rows,
                       List<DocumentEntry> otherDocuments) {

    /** One visit of a step. */
    public record Handover(int no, int step, String activity, String role, String receivedFrom, String doneBy, String handedTo,
                           Instant start, Optional<Instant> end, Optional<Duration> workingTime, String waktu, Optional<Boolean> onTime,
                           String decision, String note, List<DocumentEntry> documents) {
    }

    /** A document version uploaded at a visit. */
    public record DocumentEntry(String kind, int version, String fileName, String uploadedBy, Instant uploadedAt, String withdrawn) {
    }

    /**
     * A visit as the history has it: its task, who completed it (else who holds it), and a review's decision; the role
     * and waktu of the definition it ran in (null: the SOP's), the deadline its timer stored (empty: computed from the
     * waktu), and whether it was cancelled with its instance.
     */
    record Visit(String activityInstanceId, int step, String name, Instant start, Optional<Instant> end, String doer,
                 Optional<Boolean> approved, String note, String role, String waktu, Optional<Instant> deadline, boolean cancelled) {

        Visit(String activityInstanceId, int step, String name, Instant start, Optional<Instant> end, String doer, Optional<Boolean> approved,
              String note) {
            this(activityInstanceId, step, name, start, end, doer, approved, note, null, null, Optional.empty(), false);
        }
    }

    /** A document as the dossier has it. */
    record Upload(String visit, int step, DocumentEntry entry) {
    }

    /** How the instance ended: when, and for a cancelled one why; {@code now} judges the open visits. */
    record State(Optional<Instant> ended, Optional<String> stopped, Instant now) {
    }

    public Movement {
        rows = List.copyOf(rows);
        otherDocuments = List.copyOf(otherDocuments);
    }

    static Movement of(String instanceId, String businessKey, String kecamatan, SopDefinition sop, WorkingCalendar calendar, Instant started,
                       String startedBy, State state, List<Visit> history, List<Upload> uploads) {
        Map<String, String> roleNames = sop.roles().stream().collect(Collectors.toMap(SopRole::id, SopRole::name, (a, b) -> a));
        List<Visit> visits = history.stream().sorted(Comparator.comparing(Visit::start).thenComparing(v -> v.end().orElse(Instant.MAX))).toList();
        List<Handover> rows = new ArrayList<>();
        String stoppedText = state.stopped().map(r -> "dihentikan (" + r + ")").orElse(null);
        for (int i = 0; i < visits.size(); i++) {
            Visit visit = visits.get(i);
            Optional<SopStep> step = sop.steps().stream().filter(s -> s.number() == visit.step()).findFirst();
            String role = roleOf(sop, roleNames, visit);
            String doer = doer(visit, role);
            String from = i == 0 ? Optional.ofNullable(startedBy).orElse("SOPflow") : doer(visits.get(i - 1), roleOf(sop, roleNames, visits.get(i - 1)));
            String to;
            if (visit.cancelled()) {
                to = stoppedText == null ? "dihentikan" : stoppedText;
            } else if (visit.end().isEmpty()) {
                to = "-";
            } else if (i + 1 < visits.size()) {
                to = doer(visits.get(i + 1), roleOf(sop, roleNames, visits.get(i + 1)));
            } else if (stoppedText != null) {
                to = stoppedText;
            } else {
                to = state.ended().isPresent() ? "SOP selesai" : "-";
            }
            String waktuText = visit.waktu() != null ? visit.waktu() : step.map(SopStep::waktuText).orElse("");
            Optional<Waktu> waktu = waktuText.isBlank() ? Optional.empty() : parse(waktuText);
            Optional<Instant> deadline = StepExecution.deadline(visit.deadline(), visit.start(), waktu, calendar);
            Instant until = visit.end().orElse(state.now());
            Optional<Duration> took = visit.end().map(e -> calendar.workingTimeBetween(visit.start(), e.isBefore(visit.start()) ? visit.start() : e));
            Optional<Boolean> onTime = deadline.map(d -> !until.isAfter(d));
            OptionalInt returnTo = step.map(SopStep::returnTo).orElse(OptionalInt.empty());
            String decision = visit.approved().map(a -> a ? "disetujui" : "dikembalikan ke langkah "
                    + (returnTo.isPresent() ? String.valueOf(returnTo.getAsInt()) : "sebelumnya")).orElse(visit.cancelled() ? "dihentikan" : "");
            List<DocumentEntry> documents = uploads.stream().filter(u -> belongs(u, visit, visits))
                    .map(Upload::entry).sorted(Comparator.comparing(DocumentEntry::uploadedAt)).toList();
            rows.add(new Handover(i + 1, visit.step(), visit.name(), role, from, doer, to, visit.start(), visit.end(), took,
                    waktuText.isBlank() ? "belum ditetapkan" : waktuText, onTime, decision, Optional.ofNullable(visit.note()).orElse(""), documents));
        }
        List<DocumentEntry> others = uploads.stream().filter(u -> owner(u, visits).isEmpty()).map(Upload::entry)
                .sorted(Comparator.comparing(DocumentEntry::uploadedAt)).toList();
        return new Movement(instanceId, sop.kode(), sop.nama(), businessKey, kecamatan, calendar.zone(), started, startedBy, state.ended(),
                state.stopped(), rows, others);
    }

    private static Optional<Waktu> parse(String text) {
        try {
            return Waktu.parse(text);
        } catch (RuntimeException e) {
            return Optional.empty(); // a waktu no timer could read has no deadline
        }
    }

    private static String roleOf(SopDefinition sop, Map<String, String> roleNames, Visit visit) {
        String id = visit.role() != null ? visit.role()
                : sop.steps().stream().filter(s -> s.number() == visit.step()).findFirst().map(SopStep::roleId).orElse(null);
        return id == null ? "-" : roleNames.getOrDefault(id, id);
    }

    private static String doer(Visit visit, String role) {
        if (visit.doer() != null) {
            return visit.doer();
        }
        return visit.end().isPresent() ? "-" : role + " (belum diklaim)";
    }

    /** The visit a document belongs to: its own; else (uploaded outside a visit) the first visit of its step. */
    private static Optional<Visit> owner(Upload upload, List<Visit> visits) {
        if (upload.visit() != null) {
            Optional<Visit> own = visits.stream().filter(v -> upload.visit().equals(v.activityInstanceId())).findFirst();
            if (own.isPresent()) {
                return own;
            }
        }
        return visits.stream().filter(v -> v.step() == upload.step()).findFirst();
    }

    private static boolean belongs(Upload upload, Visit visit, List<Visit> visits) {
        return owner(upload, visits).map(v -> v == visit).orElse(false);
    }
}
