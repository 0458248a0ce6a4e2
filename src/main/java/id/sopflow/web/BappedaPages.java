package id.sopflow.web;

import id.sopflow.api.Conflict;
import id.sopflow.api.Forbidden;
import id.sopflow.api.InvalidInput;
import id.sopflow.bappeda.Overview;
import id.sopflow.bappeda.Submission;
import id.sopflow.bappeda.Submissions;
import id.sopflow.calendar.WorkingCalendars;
import id.sopflow.organisation.CurrentUsers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Bappeda's pages: the inbox ({@code /kiriman}: what the kecamatan sent, filtered by SOP, kecamatan, year, month and
 * status; a kecamatan's Sekcam and Camat see their own kecamatan's there), one submission with its documents by version,
 * its history and the two answers "Terima" and "Kembalikan" (with a required note), and the kabupaten overview
 * ({@code /ikhtisar}) whose cells open the instances behind them. {@link Submissions} decides who reads and who answers.
 */
@Controller
class BappedaPages {

    /** A submission in the inbox. */
    record Row(String id, String kecamatan, String document, String businessKey, String period, int version, String status,
               String sentBy, String sentAt, String receipt, String note) {
    }

    /** A document of one version of a submission. */
    record DocumentRow(String kind, String fileName, String type, long size, String href) {
    }

    /** One act on a submission. */
    record EventRow(int version, String act, String who, String at, String note, String receipt) {
    }

    /** An instance behind an overview cell. */
    record CellRow(String businessKey, String started, boolean late, String status, String submissionId) {
    }

    /** Submissions a page, the newest first. */
    static final int PAGE_SIZE = 50;

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    private final Submissions submissions;
    private final CurrentUsers users;
    private final WorkingCalendars calendars;
    private final Clock clock;

    BappedaPages(Submissions submissions, CurrentUsers users, WorkingCalendars calendars, Clock clock) {
        this.submissions = submissions;
        this.users = users;
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/kiriman")
    String inbox(@RequestParam(required = false) String sop, @RequestParam(required = false) String kecamatan,
                 @RequestParam(required = false) Integer tahun, @RequestParam(required = false) Integer bulan,
                 @RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int halaman, Model model) {
        List<Submission> all = submissions.inbox(sop, kecamatan, tahun, bulan, status);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, halaman), pages);
        List<Row> rows = all.subList((page - 1) * PAGE_SIZE, Math.min(all.size(), page * PAGE_SIZE)).stream().map(this::row).toList();
        boolean bappeda = Submissions.readsEveryKecamatan(users.current());
        model.addAttribute("judul", bappeda ? "Kotak masuk Bappeda" : "Kiriman ke Bappeda");
        model.addAttribute("bappeda", bappeda);
        model.addAttribute("jumlah", all.size());
        model.addAttribute("baris", rows);
        model.addAttribute("halaman", Paging.of(page, pages, UriComponentsBuilder.fromPath("/kiriman")
                .queryParamIfPresent("sop", given(sop)).queryParamIfPresent("kecamatan", given(kecamatan))
                .queryParamIfPresent("tahun", Optional.ofNullable(tahun)).queryParamIfPresent("bulan", Optional.ofNullable(bulan))
                .queryParamIfPresent("status", given(status)).encode().build().toUriString()));
        model.addAttribute("pilihanSop", new TreeSet<>(all.stream().map(Submission::processKey).toList()));
        model.addAttribute("pilihanKecamatan", bappeda ? new TreeSet<>(all.stream().map(Submission::kecamatan).toList()) : List.of());
        model.addAttribute("pilihanStatus", List.of(Submission.Status.values()).stream().map(Submission.Status::label).toList());
        model.addAttribute("sop", sop);
        model.addAttribute("kecamatan", kecamatan);
        model.addAttribute("tahun", tahun);
        model.addAttribute("bulan", bulan);
        model.addAttribute("status", status);
        return "kiriman";
    }

    @GetMapping("/kiriman/{id}")
    ModelAndView detail(@PathVariable String id) {
        return page(id, HttpStatus.OK, null, null);
    }

    @PostMapping("/kiriman/{id}/terima")
    ModelAndView receive(@PathVariable String id, RedirectAttributes flash) {
        try {
            Submission s = submissions.receive(id);
            flash.addFlashAttribute("berhasil", "Kiriman diterima dengan tanda terima " + s.receiptNumber().orElse("-")
                    + "; kecamatan " + s.kecamatan() + " sudah diberi tahu.");
            return new ModelAndView("redirect:/kiriman/" + id);
        } catch (Conflict e) {
            return page(id, HttpStatus.CONFLICT, e.getMessage(), null);
        } catch (Forbidden e) {
            return page(id, HttpStatus.FORBIDDEN, e.getMessage(), null);
        }
    }

    @PostMapping("/kiriman/{id}/kembalikan")
    ModelAndView sendBack(@PathVariable String id, @RequestParam(name = "catatan", required = false) String catatan,
                          RedirectAttributes flash) {
        try {
            Submission s = submissions.sendBack(id, catatan);
            flash.addFlashAttribute("berhasil", "Kiriman dikembalikan ke kecamatan " + s.kecamatan() + " dengan catatan Anda.");
            return new ModelAndView("redirect:/kiriman/" + id);
        } catch (InvalidInput e) {
            return page(id, HttpStatus.BAD_REQUEST, e.getMessage(), catatan);
        } catch (Conflict e) {
            return page(id, HttpStatus.CONFLICT, e.getMessage(), null);
        } catch (Forbidden e) {
            return page(id, HttpStatus.FORBIDDEN, e.getMessage(), null);
        }
    }

    @GetMapping("/ikhtisar")
    String overview(@RequestParam(required = false) Integer tahun, Model model) {
        int thisYear = clock.instant().atZone(OFFICE).getYear();
        int year = tahun == null ? thisYear : tahun;
        Overview.Matrix matrix = submissions.overview(year);
        List<String> counts = new ArrayList<>();
        for (Overview.State state : Overview.State.values()) {
            counts.add(matrix.count(state) + " " + state.label());
        }
        model.addAttribute("judul", "Ikhtisar kabupaten " + year);
        model.addAttribute("matriks", matrix);
        model.addAttribute("ringkasan", String.join(", ", counts));
        model.addAttribute("tahun", year);
        model.addAttribute("tahunLalu", year - 1);
        model.addAttribute("tahunDepan", year + 1);
        return "ikhtisar";
    }

    @GetMapping("/ikhtisar/sel")
    String cell(@RequestParam String kecamatan, @RequestParam String sop, @RequestParam String periode, Model model) {
        ZoneId zone = calendars.forKecamatan(kecamatan).zone();
        List<CellRow> rows = submissions.cell(kecamatan, sop, periode).stream().map(c -> new CellRow(
                Optional.ofNullable(c.businessKey()).orElse(c.instanceId()), Formats.moment(c.started(), zone), c.late(),
                c.submission().map(s -> s.status().label() + s.receiptNumber().map(n -> " (" + n + ")").orElse("")).orElse("belum dikirim"),
                c.submission().map(Submission::id).orElse(null))).toList();
        model.addAttribute("judul", sop + " " + periode + ", " + kecamatan);
        model.addAttribute("baris", rows);
        model.addAttribute("tahun", periode.substring(0, 4));
        return "ikhtisar-sel";
    }

    private ModelAndView page(String id, HttpStatus status, String error, String note) {
        Submissions.Detail detail = submissions.detail(id); // 404 for whoever may not read it
        Submission s = detail.submission();
        ZoneId zone = calendars.forKecamatan(s.kecamatan()).zone();
        java.util.Map<Integer, List<DocumentRow>> versions = new java.util.LinkedHashMap<>();
        detail.versions().forEach((v, docs) -> versions.put(v, docs.stream().map(d -> new DocumentRow(d.kind(), d.fileName(),
                d.contentType(), d.size(), "/api/kiriman/" + s.id() + "/dokumen/" + d.id() + "/isi")).toList()));
        ModelAndView page = new ModelAndView("kiriman-detail", status);
        page.addObject("judul", s.document() + " " + s.kecamatan() + " " + s.period());
        page.addObject("kiriman", row(s));
        page.addObject("nama", s.sopName());
        page.addObject("langkah", s.step());
        page.addObject("instanceId", s.instanceId());
        page.addObject("versi", versions);
        page.addObject("riwayat", detail.events().stream().map(e -> new EventRow(e.version(), act(e.act()), e.who(),
                Formats.moment(e.at(), zone), e.note().orElse(null), e.receiptNumber().orElse(null))).toList());
        page.addObject("bolehMenjawab", detail.mayAnswer() && !s.answered());
        page.addObject("bappeda", Submissions.readsEveryKecamatan(users.current()));
        page.addObject("galat", error);
        page.addObject("catatan", note);
        return page;
    }

    private Row row(Submission s) {
        ZoneId zone = calendars.forKecamatan(s.kecamatan()).zone();
        return new Row(s.id(), s.kecamatan(), s.document(), s.businessKey(), s.period(), s.version(), s.status().label(),
                Optional.ofNullable(s.sentBy()).orElse("SOPflow"), Formats.moment(s.sentAt(), zone), s.receiptNumber().orElse(null),
                s.note().orElse(null));
    }

    private static String act(String act) {
        return switch (act) {
            case "DIKIRIM" -> "dikirim";
            case "DITERIMA" -> "diterima";
            case "DIKEMBALIKAN" -> "dikembalikan";
            default -> act.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Optional<String> given(String text) {
        return Optional.ofNullable(text).filter(t -> !t.isBlank());
    }
}
