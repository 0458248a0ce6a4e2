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
import java.util.stream.Collectors;

/**
 * The record of movement of one instance (Pencatatan dan Pendataan of the SOP AP): every visit of a step in the order the
 * work moved, who handed it over ({@code receivedFrom}), who did it, to whom it went next ({@code handedTo}), when, its
 * working time against its mutu baku, the reviewer's decision, and the documents uploaded at that visit (by whom, when).
 *
 * <p>Rules (plain Java): visits in order of hand-over; a visit was received from whoever did the visit before it (the
 * first from whoever started the SOP) and handed to whoever did the visit after it, or holds it now (a member of its role
 * while no one has claimed it); the last visit of a finished instance is handed to no one ("SOP selesai"). A document
 * belongs to the visit it was uploaded at; one uploaded outside a visit (a starting document) to the first visit of its
 * step.
 */
public record Movement(String instanceId, String kode, String nama, String businessKey, String kecamatan, ZoneId zone, Instant started,
                       String startedBy, Optional<Instant> ended, List<Handover> rows) {

    /** One visit of a step. */
    public record Handover(int no, int step, String activity, String role, String receivedFrom, String doneBy, String handedTo,
                           Instant start, Optional<Instant> end, Optional<Duration> workingTime, String waktu, Optional<Boolean> onTime,
                           String decision, String note, List<DocumentEntry> documents) {
    }

    /** A document version uploaded at a visit. */
    public record DocumentEntry(String kind, int version, String fileName, String uploadedBy, Instant uploadedAt, String withdrawn) {
    }

    /** A visit as the history has it: its task, who completed it (else who holds it), and a review's decision. */
    record Visit(String activityInstanceId, int step, String name, Instant start, Optional<Instant> end, String doer,
                 Optional<Boolean> approved, String note) {
    }

    /** A document as the dossier has it. */
    record Upload(String visit, int step, DocumentEntry entry) {
    }

    public Movement {
        rows = List.copyOf(rows);
    }

    static Movement of(String instanceId, String businessKey, String kecamatan, SopDefinition sop, WorkingCalendar calendar, Instant started,
                       String startedBy, Optional<Instant> ended, List<Visit> history, List<Upload> uploads) {
        Map<String, String> roleNames = sop.roles().stream().collect(Collectors.toMap(SopRole::id, SopRole::name, (a, b) -> a));
        List<Visit> visits = history.stream().sorted(Comparator.comparing(Visit::start).thenComparing(v -> v.end().orElse(Instant.MAX))).toList();
        List<Handover> rows = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            Visit visit = visits.get(i);
            Optional<SopStep> step = sop.steps().stream().filter(s -> s.number() == visit.step()).findFirst();
            String role = step.map(s -> roleNames.getOrDefault(s.roleId(), s.roleId())).orElse("-");
            String doer = doer(visit, role);
            String from = i == 0 ? Optional.ofNullable(startedBy).orElse("SOPflow") : doer(visits.get(i - 1), roleOf(sop, roleNames, visits.get(i - 1)));
            String to;
            if (visit.end().isEmpty()) {
                to = "-";
            } else if (i + 1 < visits.size()) {
                to = doer(visits.get(i + 1), roleOf(sop, roleNames, visits.get(i + 1)));
            } else {
                to = ended.isPresent() ? "SOP selesai" : "-";
            }
            Optional<Waktu> waktu = step.flatMap(SopStep::waktu);
            Optional<Duration> took = visit.end().map(e -> calendar.workingTimeBetween(visit.start(), e));
            Optional<Boolean> onTime = visit.end().flatMap(e -> waktu.map(w -> !e.isAfter(calendar.add(visit.start(), w))));
            String decision = visit.approved().map(a -> a ? "disetujui" : "dikembalikan ke langkah "
                    + step.flatMap(s -> s.returnTo().isPresent() ? Optional.of(s.returnTo().getAsInt()) : Optional.empty())
                    .map(String::valueOf).orElse("sebelumnya")).orElse("");
            int index = i;
            List<DocumentEntry> documents = uploads.stream().filter(u -> belongs(u, visit, visits, index))
                    .map(Upload::entry).sorted(Comparator.comparing(DocumentEntry::uploadedAt)).toList();
            rows.add(new Handover(i + 1, visit.step(), visit.name(), role, from, doer, to, visit.start(), visit.end(), took,
                    step.map(SopStep::waktuText).filter(w -> !w.isBlank()).orElse("belum ditetapkan"), onTime, decision,
                    Optional.ofNullable(visit.note()).orElse(""), documents));
        }
        return new Movement(instanceId, sop.kode(), sop.nama(), businessKey, kecamatan, calendar.zone(), started, startedBy, ended, rows);
    }

    private static String roleOf(SopDefinition sop, Map<String, String> roleNames, Visit visit) {
        return sop.steps().stream().filter(s -> s.number() == visit.step()).findFirst()
                .map(s -> roleNames.getOrDefault(s.roleId(), s.roleId())).orElse("-");
    }

    private static String doer(Visit visit, String role) {
        if (visit.doer() != null) {
            return visit.doer();
        }
        return visit.end().isPresent() ? "-" : role + " (belum diklaim)";
    }

    /** At its own visit; else (uploaded outside a visit) at the first visit of its step. */
    private static boolean belongs(Upload upload, Visit visit, List<Visit> visits, int index) {
        if (upload.visit() != null && visits.stream().anyMatch(v -> upload.visit().equals(v.activityInstanceId()))) {
            return upload.visit().equals(visit.activityInstanceId());
        }
        return upload.step() == visit.step() && visits.subList(0, index).stream().noneMatch(v -> v.step() == upload.step());
    }
}
