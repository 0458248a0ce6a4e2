package id.sopflow.web;

import id.sopflow.api.Forbidden;
import id.sopflow.organisation.CurrentUsers;
import id.sopflow.organisation.Organisation;
import id.sopflow.sopimport.ImportRefused;
import id.sopflow.sopimport.SopImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Impor SOP (the admin): upload the SOP AP table of a kecamatan as .docx or .xlsx; the page shows where the YAML draft
 * was written and its validation report, for a person to finish. Admin only (403 for everyone else): a draft lands in
 * the SOP folder of the installation.
 */
@Controller
class ImportPage {

    private static final Logger LOG = LoggerFactory.getLogger(ImportPage.class);

    private final CurrentUsers users;
    private final SopImport sopImport;

    ImportPage(CurrentUsers users, SopImport sopImport) {
        this.users = users;
        this.sopImport = sopImport;
    }

    @GetMapping("/impor")
    ModelAndView show() {
        admin();
        return page(HttpStatus.OK, "", "", null, null);
    }

    @PostMapping("/impor")
    ModelAndView importTable(@RequestParam("berkas") MultipartFile file, @RequestParam String kecamatan, @RequestParam String kode,
                             @RequestParam(defaultValue = "false") boolean timpa) {
        String admin = admin();
        try {
            SopImport.Draft draft = sopImport.importTable(file.getOriginalFilename(), file.getBytes(), kecamatan, kode, timpa);
            LOG.info("{} mengimpor {} sebagai draf {}", admin, file.getOriginalFilename(), draft.draft());
            return page(HttpStatus.OK, kecamatan, kode, draft, null);
        } catch (ImportRefused e) {
            return page(e.reason() == ImportRefused.Reason.ALREADY_EXISTS ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                    kecamatan, kode, null, "Tidak diimpor: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModelAndView page(HttpStatus status, String kecamatan, String kode, SopImport.Draft draft, String error) {
        ModelAndView page = new ModelAndView("impor");
        page.setStatus(status);
        page.addObject("judul", "Impor SOP");
        page.addObject("kecamatan", kecamatan);
        page.addObject("kode", kode);
        page.addObject("draf", draft);
        page.addObject("galat", error);
        return page;
    }

    private String admin() {
        var user = users.current();
        if (!user.groups().contains(Organisation.CAMUNDA_ADMIN_GROUP)) {
            throw new Forbidden("Impor SOP untuk admin saja: drafnya masuk ke folder SOP instalasi.");
        }
        return user.id();
    }
}
