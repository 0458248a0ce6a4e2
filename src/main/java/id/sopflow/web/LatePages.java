package id.sopflow.web;

import id.sopflow.api.Forbidden;
import id.sopflow.calendar.WorkingCalendar;
import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.monitoring.Monitoring;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Terlambat: every overdue step the user may see (the Sekcam and Camat of their kecamatan, Bappeda and the admin of
 * all), how late in working time, who holds it, since when, escalated or not; filtered by SOP, role and kecamatan.
 * Pemberitahuan: what the user or their groups were told; mark as read.
 */
@Controller
class LatePages {

    /** One overdue step. */
    record LateRow(String kecamatan, String sop, String businessKey, String processInstanceId, Integer step, String activity, String holder,
                   String since, String due, String late, long lateMinutes, boolean escalated) {
    }

    /** One notification. */
    record NoteRow(String id, String message, String at, boolean unread) {
    }

    /** Overdue steps a page, the most late first (the earliest deadline). */
    static final int PAGE_SIZE = 50;

    private final CurrentUsers users;
    private final Monitoring monitoring;
    private final WorkingCalendars calendars;

    LatePages(CurrentUsers users, Monitoring monitoring, WorkingCalendars calendars) {
        this.users = users;
        this.monitoring = monitoring;
        this.calendars = calendars;
    }

    @GetMapping("/terlambat")
    String late(@RequestParam(required = false) String sop, @RequestParam(required = false) String peran,
                @RequestParam(required = false) String kecamatan, @RequestParam(defaultValue = "1") int halaman, Model model) {
        CurrentUser user = users.current();
        if (!user.seesWholeOffice()) {
            throw new Forbidden("Halaman Terlambat untuk Sekcam dan Camat (dan Bappeda); langkah Anda sendiri ada di Tugas Saya.");
        }
        String wanted = kecamatan == null || kecamatan.isBlank() ? null : kecamatan;
        Monitoring.Paged<Monitoring.LateStep> late = monitoring.lateSteps(sop, peran, wanted,
                new Monitoring.PageRequest(Math.max(1, halaman), PAGE_SIZE));
        java.util.function.Function<String, WorkingCalendar> calendarOf = calendars.snapshot();
        List<LateRow> rows = late.isi().stream()
                .map(step -> {
                    Monitoring.AlertView a = step.alert();
                    WorkingCalendar calendar = calendarOf.apply(a.kecamatan());
                    return new LateRow(a.kecamatan(), a.kode(), a.businessKey(), a.prosesInstanceId(), a.langkah(), a.namaLangkah(),
                            holder(a.pemegang()), Formats.moment(a.mulai().toInstant(), calendar.zone()),
                            Formats.moment(a.tenggat().toInstant(), calendar.zone()), Formats.late(a.terlambatMenit()), a.terlambatMenit(),
                            step.escalated());
                })
                .toList();
        Monitoring.LateChoices choices = monitoring.lateChoices(wanted);
        model.addAttribute("judul", "Terlambat");
        model.addAttribute("jumlah", late.jumlah());
        model.addAttribute("baris", rows);
        model.addAttribute("halaman", Paging.of(late.halaman(), late.jumlahHalaman(), org.springframework.web.util.UriComponentsBuilder.fromPath("/terlambat")
                .queryParamIfPresent("sop", java.util.Optional.ofNullable(sop).filter(x -> !x.isBlank()))
                .queryParamIfPresent("peran", java.util.Optional.ofNullable(peran).filter(x -> !x.isBlank()))
                .queryParamIfPresent("kecamatan", java.util.Optional.ofNullable(wanted)).encode().build().toUriString()));
        model.addAttribute("pilihanSop", choices.sop());
        model.addAttribute("pilihanPeran", new TreeSet<>(choices.pemegang().stream()
                .filter(h -> h.startsWith("grup:")).map(h -> h.substring(5)).toList()));
        model.addAttribute("pilihanKecamatan", user.seesEveryKecamatan() ? choices.kecamatan() : Set.of());
        model.addAttribute("sop", sop);
        model.addAttribute("peran", peran);
        model.addAttribute("kecamatan", wanted);
        return "terlambat";
    }

    @GetMapping("/pemberitahuan")
    String notifications(Model model) {
        List<NoteRow> rows = monitoring.notifications(false).stream()
                .map(n -> new NoteRow(n.id(), n.pesan(), Formats.moment(n.dibuatPada().toInstant(), n.dibuatPada().toZonedDateTime().getZone()),
                        n.dibacaPada() == null))
                .toList();
        model.addAttribute("judul", "Pemberitahuan");
        model.addAttribute("baris", rows);
        return "pemberitahuan";
    }

    @PostMapping("/pemberitahuan/{id}/dibaca")
    String markRead(@PathVariable String id, RedirectAttributes flash) {
        monitoring.markRead(id);
        flash.addFlashAttribute("berhasil", "Pemberitahuan ditandai sudah dibaca.");
        return "redirect:/pemberitahuan";
    }

    private static String holder(String holder) {
        if (holder == null) {
            return "-";
        }
        return holder.startsWith("grup:") ? "peran " + holder.substring(5) + " (belum diklaim)" : holder;
    }
}
