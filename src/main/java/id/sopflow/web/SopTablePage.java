package id.sopflow.web;

import id.sopflow.api.NotFound;
import id.sopflow.organisation.CurrentUser;
import id.sopflow.organisation.CurrentUsers;
import id.sopflow.organisation.Organisation;
import id.sopflow.sop.SopCatalog;
import id.sopflow.sop.SopDefinition;
import id.sopflow.sop.SopStep;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;

/**
 * Daftar SOP and each SOP as its table (issue 13): the identity sheet, then the flowchart table of the SOP AP layout
 * (Permenpan RB 35/2012) with activities as rows, roles as columns with the acting role marked, and the mutu baku on
 * the right; rendered from the SOP file that runs, so that a kecamatan checks the transcription against its paper, and
 * printable (the stylesheet's print rules drop the menu). Staff read their kecamatan's SOPs; who sees every kecamatan
 * (admin, Bappeda) reads them all; any other kecamatan is not found (404).
 */
@Controller
class SopTablePage {

    /** A row of the table: the step, and for each role column whether that role acts. */
    record Row(SopStep step, List<Boolean> acts, String waktu) {
    }

    /** A kecamatan and the SOPs that apply there. */
    record Office(String id, String nama, List<SopDefinition> sops) {
    }

    private final CurrentUsers users;
    private final SopCatalog catalog;
    private final Organisation organisation;

    SopTablePage(CurrentUsers users, SopCatalog catalog, Organisation organisation) {
        this.users = users;
        this.catalog = catalog;
        this.organisation = organisation;
    }

    @GetMapping("/sop")
    ModelAndView list() {
        CurrentUser user = users.current();
        ModelAndView page = new ModelAndView("sop-daftar");
        page.addObject("judul", "Daftar SOP");
        page.addObject("kantor", organisation.kecamatan().stream().filter(k -> mayRead(user, k.id()))
                .map(k -> new Office(k.id(), k.nama(), catalog.forKecamatan(k.id()))).toList());
        return page;
    }

    @GetMapping("/sop/{kecamatan}/{kode}")
    ModelAndView table(@PathVariable String kecamatan, @PathVariable String kode) {
        CurrentUser user = users.current();
        Organisation.Kecamatan office = organisation.kecamatan(kecamatan).filter(k -> mayRead(user, k.id()))
                .orElseThrow(() -> new NotFound("Kecamatan '" + kecamatan + "' tidak ditemukan."));
        SopDefinition sop = catalog.find(kode, office.id())
                .orElseThrow(() -> new NotFound("SOP '" + kode + "' tidak berlaku di " + office.nama() + "."));
        ModelAndView page = new ModelAndView("sop");
        page.setStatus(HttpStatus.OK);
        page.addObject("judul", sop.nama());
        page.addObject("sop", sop);
        page.addObject("kecamatan", office);
        page.addObject("adaCatatan", sop.steps().stream().anyMatch(step -> !step.note().isBlank()));
        page.addObject("baris", sop.steps().stream().map(step -> new Row(step,
                sop.roles().stream().map(role -> role.id().equals(step.roleId())).toList(),
                step.waktuText().isBlank() ? "belum ditetapkan" : step.waktuText())).toList());
        return page;
    }

    private static boolean mayRead(CurrentUser user, String kecamatan) {
        return user.seesEveryKecamatan() || user.kecamatan().contains(kecamatan);
    }
}
