package id.sopflow.calendar;

import id.sopflow.api.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /api/kalender}: the closed days of a year, days added by the admin without a redeploy, and
 * the due moment of a waktu from a start (what the engine will compute).
 */
@RestController
@RequestMapping("/api/kalender")
class CalendarController {

    private final WorkingCalendars calendars;
    private final CalendarDays days;

    CalendarController(WorkingCalendars calendars, CalendarDays days) {
        this.calendars = calendars;
        this.days = days;
    }

    record Due(OffsetDateTime mulai, String waktu, OffsetDateTime target, OffsetDateTime batas, String zona) {
    }

    @GetMapping("/libur")
    List<CalendarDays.Day> holidays(@RequestParam int tahun, @RequestParam(required = false) String kecamatan) {
        return days.of(tahun, kecamatan);
    }

    /** Answers the day as {@code GET /libur} lists it, with its address (for {@code DELETE}) in {@code Location}. */
    @PostMapping("/libur")
    ResponseEntity<CalendarDays.Day> add(@RequestBody CalendarDays.NewDay day, Principal user) {
        CalendarDays.Day added = days.add(day, user == null ? null : user.getName());
        return ResponseEntity.created(URI.create("/api/kalender/libur/" + added.tanggal()
                + (added.kecamatan() == null ? "" : "?kecamatan=" + added.kecamatan()))).body(added);
    }

    @DeleteMapping("/libur/{tanggal}")
    ResponseEntity<Void> remove(@PathVariable LocalDate tanggal, @RequestParam(required = false) String kecamatan) {
        days.remove(tanggal, kecamatan);
        return ResponseEntity.noContent().build();
    }

    /** The due moment of {@code waktu} from {@code mulai} (ISO; without offset it is local time of the kecamatan). */
    @GetMapping("/tenggat")
    Due due(@RequestParam String mulai, @RequestParam String waktu, @RequestParam(required = false) String kecamatan) {
        if (kecamatan != null && !kecamatan.isBlank()) {
            days.known(kecamatan);
        }
        WorkingCalendar calendar = calendars.forKecamatan(kecamatan);
        Instant start;
        try {
            start = mulai.length() <= 19 ? LocalDateTime.parse(mulai).atZone(calendar.zone()).toInstant()
                    : OffsetDateTime.parse(mulai).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("'mulai' harus berformat ISO, contoh 2026-11-23T10:00 (waktu setempat kecamatan) "
                    + "atau 2026-11-23T10:00:00+07:00");
        }
        CalendarDays.inRange(start.atZone(calendar.zone()).getYear(), "mulai");
        Waktu parsed;
        try {
            parsed = Waktu.parse(waktu).orElseThrow(() -> new InvalidInput("'waktu' kosong"));
        } catch (WaktuFormatException e) {
            throw new InvalidInput(e.getMessage());
        }
        return new Due(start.atZone(calendar.zone()).toOffsetDateTime(), parsed.text(),
                calendar.add(start, parsed.target()).atZone(calendar.zone()).toOffsetDateTime(),
                calendar.add(start, parsed.limit()).atZone(calendar.zone()).toOffsetDateTime(),
                calendar.zone().getId());
    }
}
