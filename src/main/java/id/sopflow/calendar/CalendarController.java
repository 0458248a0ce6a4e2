package id.sopflow.calendar;

import id.sopflow.api.Conflict;
import id.sopflow.api.InvalidInput;
import id.sopflow.api.NotFound;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /api/kalender}: the closed days of a year, days added by the admin without a redeploy, and
 * the due moment of a waktu from a start (what the engine will compute).
 */
@RestController
@RequestMapping("/api/kalender")
class CalendarController {

    private final WorkingCalendars calendars;
    private final Clock clock;

    CalendarController(WorkingCalendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    record Day(LocalDate tanggal, String nama, String jenis, String sumber, boolean ditambahkan, String kecamatan) {
    }

    record NewDay(LocalDate tanggal, String nama, String jenis, String sumber, String kecamatan) {
    }

    record Due(OffsetDateTime mulai, String waktu, OffsetDateTime target, OffsetDateTime batas, String zona) {
    }

    @GetMapping("/libur")
    List<Day> holidays(@RequestParam int tahun, @RequestParam(required = false) String kecamatan) {
        List<AddedHoliday> added = calendars.added().all();
        return calendars.forKecamatan(kecamatan).holidays().stream()
                .filter(h -> h.date().getYear() == tahun)
                .map(h -> {
                    Optional<AddedHoliday> a = added.stream()
                            .filter(x -> x.holiday().date().equals(h.date()) && x.appliesTo(kecamatan)).findFirst();
                    return new Day(h.date(), h.name(), h.kind().name(), h.source(), a.isPresent(),
                            a.flatMap(AddedHoliday::kecamatan).orElse(null));
                })
                .toList();
    }

    /** Answers the day as {@code GET /libur} lists it, with its address (for {@code DELETE}) in {@code Location}. */
    @PostMapping("/libur")
    ResponseEntity<Day> add(@RequestBody NewDay day, Principal user) {
        if (day.tanggal() == null) {
            throw new InvalidInput("isian 'tanggal' wajib diisi (format YYYY-MM-DD)");
        }
        if (day.nama() == null || day.nama().isBlank()) {
            throw new InvalidInput("isian 'nama' wajib diisi");
        }
        Holiday.Kind kind = kind(day.jenis());
        Optional<String> kecamatan = Optional.ofNullable(day.kecamatan()).filter(k -> !k.isBlank()).map(String::strip);
        kecamatan.ifPresent(this::known);
        inRange(day.tanggal().getYear(), "tanggal");
        AddedHoliday added = new AddedHoliday(new Holiday(day.tanggal(), day.nama(), kind, day.sumber()), kecamatan,
                user == null ? "sistem" : user.getName(), clock.instant());
        if (!calendars.added().add(added)) {
            throw new Conflict("tanggal " + day.tanggal() + " sudah ditambahkan" + kecamatan.map(k -> " untuk " + k).orElse(""));
        }
        Holiday h = added.holiday();
        return ResponseEntity.created(URI.create("/api/kalender/libur/" + h.date() + kecamatan.map(k -> "?kecamatan=" + k).orElse("")))
                .body(new Day(h.date(), h.name(), h.kind().name(), h.source(), true, kecamatan.orElse(null)));
    }

    @DeleteMapping("/libur/{tanggal}")
    ResponseEntity<Void> remove(@PathVariable LocalDate tanggal, @RequestParam(required = false) String kecamatan) {
        if (!calendars.added().remove(tanggal, Optional.ofNullable(kecamatan).filter(k -> !k.isBlank()))) {
            throw new NotFound("tidak ada hari libur tambahan pada " + tanggal);
        }
        return ResponseEntity.noContent().build();
    }

    /** The due moment of {@code waktu} from {@code mulai} (ISO; without offset it is local time of the kecamatan). */
    @GetMapping("/tenggat")
    Due due(@RequestParam String mulai, @RequestParam String waktu, @RequestParam(required = false) String kecamatan) {
        if (kecamatan != null && !kecamatan.isBlank()) {
            known(kecamatan);
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
        inRange(start.atZone(calendar.zone()).getYear(), "mulai");
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

    /** Deadlines are computed for the years the calendar can know (holiday files are yearly). */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private static void inRange(int year, String field) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInput("'" + field + "' di luar rentang kalender (tahun " + FIRST_YEAR + " sampai " + LAST_YEAR + ")");
        }
    }

    private void known(String kecamatan) {
        if (!calendars.knows(kecamatan)) {
            throw new InvalidInput("kecamatan '" + kecamatan + "' tidak dikenal");
        }
    }

    private static Holiday.Kind kind(String text) {
        if (text == null || text.isBlank()) {
            return Holiday.Kind.LIBUR_LOKAL;
        }
        try {
            return Holiday.Kind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("jenis '" + text + "' tidak dikenal; gunakan libur_nasional, cuti_bersama atau libur_lokal");
        }
    }
}
