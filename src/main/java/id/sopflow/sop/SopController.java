package id.sopflow.sop;

import id.sopflow.engine.Caller;
import id.sopflow.api.InvalidInput;
import id.sopflow.api.NotFound;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code /api/sop}: the SOPs that apply to the caller's kecamatan (its own variants, else the shared
 * ones) and starting one for that kecamatan without having to know which definition applies.
 */
@RestController
@RequestMapping("/api/sop")
class SopController {

    private final SopCatalog catalog;
    private final ProcessEngine engine;
    private final IdentityService identity;

    SopController(SopCatalog catalog, ProcessEngine engine) {
        this.catalog = catalog;
        this.engine = engine;
        this.identity = engine.getIdentityService();
    }

    record SopView(String kode, String nama, String dokumen, String sumber, boolean varianKecamatan, int jumlahLangkah) {
    }

    record StartRequest(String businessKey, String kecamatan) {
    }

    record Started(String id, String kode, String businessKey, String kecamatan, String definisiId) {
    }

    @GetMapping
    List<SopView> list(@RequestParam(required = false) String kecamatan) {
        String office = kecamatan(kecamatan, false);
        // one per kode: for a kecamatan the SOP that applies there; otherwise the shared one, or each kecamatan's own
        // where the kode is only some kecamatan's
        List<SopDefinition> applicable = office != null ? catalog.forKecamatan(office) : catalog.definitions().stream()
                .filter(d -> !d.kecamatanOnly() || catalog.definitions().stream().noneMatch(s -> s.kode().equals(d.kode()) && !s.kecamatanOnly()))
                .toList();
        return applicable.stream()
                .map(s -> new SopView(s.kode(), s.nama(), s.dokumen(), s.kecamatan(), s.kecamatanOnly(), s.steps().size()))
                .toList();
    }

    @PostMapping("/{kode}/mulai")
    @ResponseStatus(HttpStatus.CREATED)
    Started start(@PathVariable String kode, @RequestBody(required = false) StartRequest request) {
        if (catalog.definitions().stream().noneMatch(s -> s.kode().equals(kode))) {
            throw new NotFound("SOP '" + kode + "' tidak ada");
        }
        String office = kecamatan(request == null ? null : request.kecamatan(), true);
        var builder = SopStart.forKecamatan(engine, kode, office);
        if (request != null && request.businessKey() != null && !request.businessKey().isBlank()) {
            builder.businessKey(request.businessKey().strip());
        }
        ProcessInstance instance = builder.execute();
        return new Started(instance.getId(), kode, instance.getBusinessKey(), office, instance.getProcessDefinitionId());
    }

    /** The kecamatan asked for, or the caller's only one; required to start. */
    private String kecamatan(String asked, boolean required) {
        List<String> own = Caller.of(identity).map(Caller::tenants).orElse(List.of());
        if (asked != null && !asked.isBlank()) {
            return asked.strip();
        }
        if (own.size() == 1) {
            return own.get(0);
        }
        if (required) {
            throw new InvalidInput("sebutkan 'kecamatan' (id kecamatan) untuk memulai SOP");
        }
        return null;
    }
}
