package id.sopflow.web;

import id.sopflow.api.Conflict;
import id.sopflow.api.Forbidden;
import id.sopflow.api.InvalidInput;
import id.sopflow.api.NotFound;
import id.sopflow.calendar.CalendarDays;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import id.sopflow.organisation.Organisation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Kalender (the admin): the closed days of a year, those added at run time among them; add and remove a day. */
@Controller
class CalendarPage {

    private final CurrentUsers users;
    private final CalendarDays days;
    private final Clock clock;

    CalendarPage(CurrentUsers users, CalendarDays days, Clock clock) {
        this.users = users;
        this.days = days;
        this.clock = clock;
    }

    @GetMapping("/kalender")
    ModelAndView show(@RequestParam(required = false) Integer tahun) {
        admin();
        return page(tahun == null ? LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Jakarta")).getYear() : tahun, HttpStatus.OK, null);
    }

    @PostMapping("/kalender")
    ModelAndView add(@RequestParam String tanggal, @RequestParam String nama, @RequestParam(required = false) String jenis,
                     @RequestParam(required = false) String sumber, @RequestParam(required = false) String kecamatan, RedirectAttributes flash) {
        CurrentUser user = admin();
        LocalDate date;
        try {
            date = LocalDate.parse(tanggal.strip());
        } catch (DateTimeParseException e) {
            return page(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Jakarta")).getYear(), HttpStatus.BAD_REQUEST,
                    "Tanggal '" + tanggal + "' tidak terbaca; tulis TTTT-BB-HH, mis. 2026-08-17.");
        }
        try {
            CalendarDays.Day day = days.add(new CalendarDays.NewDay(date, nama, jenis, sumber, kecamatan), user.id());
            flash.addFlashAttribute("berhasil", Formats.date(day.tanggal()) + " (" + day.nama() + ") ditambahkan; berlaku untuk tenggat yang dihitung sesudah ini.");
        } catch (InvalidInput | Conflict e) {
            int shown = date.getYear() >= 2000 && date.getYear() <= 2100 ? date.getYear() : LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Jakarta")).getYear();
            return page(shown, e instanceof Conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return new ModelAndView("redirect:/kalender?tahun=" + date.getYear());
    }

    @PostMapping("/kalender/hapus")
    ModelAndView remove(@RequestParam String tanggal, @RequestParam(required = false) String kecamatan, RedirectAttributes flash) {
        admin();
        LocalDate date = LocalDate.parse(tanggal);
        try {
            days.remove(date, kecamatan);
            flash.addFlashAttribute("berhasil", Formats.date(date) + " dihapus dari hari libur tambahan.");
        } catch (NotFound e) {
            flash.addFlashAttribute("galat", e.getMessage());
        }
        return new ModelAndView("redirect:/kalender?tahun=" + date.getYear());
    }

    private ModelAndView page(int year, HttpStatus status, String error) {
        ModelAndView page = new ModelAndView("kalender");
        page.setStatus(status);
        page.addObject("judul", "Kalender " + year);
        page.addObject("tahun", year);
        page.addObject("hari", days.allOf(year).stream().map(d -> new Row(d, Formats.date(d.tanggal()))).toList()); // 400 outside 2000-2100
        page.addObject("galat", error);
        return page;
    }

    /** A closed day with its date in words. */
    record Row(CalendarDays.Day day, String date) {
    }

    private CurrentUser admin() {
        CurrentUser user = users.current();
        if (!user.groups().contains(Organisation.CAMUNDA_ADMIN_GROUP)) {
            throw new Forbidden("Kalender diubah oleh admin saja; tenggat semua langkah bergantung padanya.");
        }
        return user;
    }
}
