package id.sopflow.web;

import id.sopflow.api.InvalidInput;
import id.sopflow.api.UnacceptableFile;
import id.sopflow.dossier.Dossier;
import id.sopflow.engine.Caller;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import id.sopflow.sop.ProcessContract;
import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.SopStart;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mulai proses: the SOPs that apply to my kecamatan (its own variants, else the shared ones); start one for a year, or
 * a month for a monthly report (RFK/TEPPA), under the business key KODE-PERIODE, with starting documents; a warning
 * before a second running instance of the same SOP and period.
 */
@Controller
class StartPage {

    /** An SOP one may start. */
    record SopOption(String kode, String name, int steps, boolean monthly, String period, List<String> kinds) {
    }

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final CurrentUsers users;
    private final SopCatalog catalog;
    private final ProcessEngine engine;
    private final IdentityService identity;
    private final Dossier dossier;
    private final Clock clock;

    StartPage(CurrentUsers users, SopCatalog catalog, ProcessEngine engine, IdentityService identity, Dossier dossier, Clock clock) {
        this.users = users;
        this.catalog = catalog;
        this.engine = engine;
        this.identity = identity;
        this.dossier = dossier;
        this.clock = clock;
    }

    @GetMapping("/mulai")
    ModelAndView form() {
        return page(HttpStatus.OK, null, null);
    }

    @PostMapping("/mulai")
    ModelAndView start(@RequestParam String kode, @RequestParam String periode, @RequestParam(required = false) String konfirmasi,
                       @RequestParam(name = "berkas", required = false) MultipartFile berkas, @RequestParam(name = "jenis", required = false) String jenis,
                       RedirectAttributes flash) {
        CurrentUser user = users.current();
        String kecamatan = kecamatan(user).orElseThrow(() -> new id.sopflow.api.Forbidden("Hanya staf kecamatan yang memulai SOP."));
        SopDefinition sop = options(kecamatan).stream().filter(s -> s.kode().equals(kode)).findFirst()
                .orElseThrow(() -> new id.sopflow.api.NotFound("SOP '" + kode + "' tidak berlaku di kecamatan Anda."));
        boolean monthly = sop.schedule().isPresent();
        String period = periode == null ? "" : periode.strip();
        if (!(monthly ? MONTH : YEAR).matcher(period).matches() || (monthly && !isMonth(period))) {
            return page(HttpStatus.BAD_REQUEST, "Periode '" + period + "' tidak terbaca: tulis " + (monthly ? "bulan sebagai TTTT-BB (mis. 2026-12)"
                    : "tahun sebagai TTTT (mis. 2027)") + ".", null);
        }
        String businessKey = SopStart.businessKey(kode, kecamatan, period, monthly);
        long running = Caller.without(identity, () -> engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(kode)
                .processInstanceBusinessKey(businessKey).tenantIdIn(kecamatan).count());
        if (running > 0 && konfirmasi == null) {
            return page(HttpStatus.CONFLICT, null, new Warning(kode, period, jenis, "Sudah ada " + sop.nama() + " " + businessKey
                    + " yang berjalan di kecamatan Anda. Mulai yang kedua untuk periode yang sama?"));
        }
        ProcessInstance instance = SopStart.forKecamatan(engine, kode, kecamatan).businessKey(businessKey)
                .setVariable(ProcessContract.PERIOD, period).execute();
        String message = sop.nama() + " " + businessKey + " dimulai.";
        if (berkas != null && !berkas.isEmpty()) {
            try {
                var d = dossier.uploadAs(user.id(), instance.getId(), new Dossier.Upload(jenis, berkas.getOriginalFilename(), berkas.getSize(), berkas,
                        "dilampirkan saat memulai"));
                message += " '" + d.fileName() + "' tersimpan di berkasnya.";
            } catch (UnacceptableFile | InvalidInput e) {
                message += " Berkas awal tidak disimpan: " + e.getMessage();
            }
        }
        flash.addFlashAttribute("berhasil", message);
        return new ModelAndView("redirect:/proses/" + instance.getId());
    }

    private static boolean isMonth(String period) {
        try {
            YearMonth.parse(period);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** The confirmation asked before a second running instance of one SOP and period. */
    record Warning(String kode, String period, String kind, String message) {
    }

    private ModelAndView page(HttpStatus status, String error, Warning warning) {
        CurrentUser user = users.current();
        ModelAndView page = new ModelAndView("mulai");
        page.setStatus(status);
        page.addObject("judul", "Mulai proses");
        Optional<String> kecamatan = kecamatan(user);
        YearMonth next = YearMonth.from(clock.instant().atZone(ZoneId.of("Asia/Jakarta"))).plusMonths(1);
        page.addObject("pilihan", kecamatan.map(k -> options(k).stream().map(s -> new SopOption(s.kode(), s.nama(), s.steps().size(),
                s.schedule().isPresent(), s.schedule().isPresent() ? next.toString() : String.valueOf(next.getYear() + 1), s.documentKinds())).toList())
                .orElse(List.of()));
        page.addObject("kecamatan", kecamatan.orElse(null));
        page.addObject("galat", error);
        page.addObject("peringatan", warning);
        return page;
    }

    private List<SopDefinition> options(String kecamatan) {
        return catalog.forKecamatan(kecamatan);
    }

    private static Optional<String> kecamatan(CurrentUser user) {
        return user.kecamatan().size() == 1 && !user.seesEveryKecamatan() ? Optional.of(user.kecamatan().get(0)) : Optional.empty();
    }

}
