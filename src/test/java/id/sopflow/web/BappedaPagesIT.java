package id.sopflow.web;

import id.sopflow.organisation.AccessTestBase;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bappeda's pages over HTTP with a browser session: the inbox, a submission with its two answers, the overview and its
 * cells; the kecamatan's view of what it sent on its instance page. Whoever may not read a submission gets 404, who may
 * read but not answer 403, a missing note 400 with nothing stored, a second answer 409.
 */
class BappedaPagesIT extends AccessTestBase {

    private static final String PELAKSANA = "pelaksana.arut-selatan";

    @Test
    void bappedaReceivesFromItsInboxAndTheKecamatanSeesTheTandaTerima() {
        ProcessInstance rup = startAs(PELAKSANA, "rup");
        walk(rup.getId(), 99, "arut-selatan");
        String id = submissionOf(rup.getId());
        Session bappeda = login("staf.bappeda");

        String home = get(bappeda, "/").getBody();
        assertThat(home).contains("Kiriman menunggu jawaban", "Kotak masuk", "Ikhtisar").doesNotContain("Mulai proses");
        assertThat(get(bappeda, "/kiriman?status=terkirim&sop=rup").getBody()).contains("Kotak masuk Bappeda", "/kiriman/" + id, "terkirim");
        String page = get(bappeda, "/kiriman/" + id).getBody();
        assertThat(page).contains("RUP yang ditandatangani", "surat pengantar yang ditandatangani", ">Terima<", ">Kembalikan<")
                .contains("/api/kiriman/" + id + "/dokumen/");
        // the kecamatan waits, and says so
        Session sekcam = login("sekcam.arut-selatan");
        assertThat(get(sekcam, "/proses/" + rup.getId()).getBody()).contains("menunggu jawaban Bappeda atas kiriman langkah 11", "terkirim");

        ResponseEntity<String> noNote = post(bappeda, "/kiriman/" + id, "/kiriman/" + id + "/kembalikan", Map.of("catatan", "  "));
        assertThat(noNote.getStatusCode().value()).isEqualTo(400);
        assertThat(noNote.getBody()).contains("catatan wajib diisi");
        assertThat(getMap(as("staf.bappeda"), "/api/kiriman/" + id).getBody().get("kiriman").toString()).contains("status=terkirim");

        ResponseEntity<String> received = post(bappeda, "/kiriman/" + id, "/kiriman/" + id + "/terima", Map.of());
        assertThat(received.getStatusCode().value()).isEqualTo(302);
        String after = get(bappeda, "/kiriman/" + id).getBody();
        assertThat(after).contains("Tanda terima", "TT/").doesNotContain(">Terima<");
        String receipt = after.replaceAll("(?s).*(TT/\\d{4}/\\d{4}).*", "$1");
        assertThat(get(sekcam, "/proses/" + rup.getId()).getBody()).contains("diterima", receipt, "selesai pada");
        assertThat(get(sekcam, "/kiriman").getBody()).contains("Kiriman ke Bappeda", receipt);
        assertThat(get(sekcam, "/pemberitahuan").getBody()).contains("diterima Bappeda dengan tanda terima " + receipt);

        // a second answer from a page opened before the first: refused, and says why
        ResponseEntity<String> again = post(bappeda, "/kiriman/" + id, "/kiriman/" + id + "/kembalikan", Map.of("catatan", "terlambat"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("sudah diterima", receipt);
    }

    @Test
    void whoMayNotReadASubmissionGets404AndWhoMayReadButNotAnswer403() {
        ProcessInstance rup = startAs(PELAKSANA, "rup");
        walk(rup.getId(), 99, "arut-selatan");
        String id = submissionOf(rup.getId());

        Session ajibarang = login("camat.ajibarang");
        assertThat(get(ajibarang, "/kiriman/" + id).getStatusCode().value()).isEqualTo(404);
        assertThat(get(ajibarang, "/kiriman").getBody()).doesNotContain(id);
        assertThat(get(ajibarang, "/kiriman?kecamatan=arut-selatan").getStatusCode().value()).isEqualTo(404);
        Session own = login("sekcam.arut-selatan");
        assertThat(get(own, "/kiriman/" + id).getBody()).contains("RUP").doesNotContain(">Terima<");
        // the answer forms are not on the kecamatan's page; posted anyway with a token of another page, they are refused
        ResponseEntity<String> forged = post(own, "/kiriman", "/kiriman/" + id + "/terima", Map.of());
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(post(ajibarang, "/kiriman", "/kiriman/" + id + "/terima", Map.of()).getStatusCode().value()).isEqualTo(404);
        assertThat(get(own, "/ikhtisar").getStatusCode().value()).isEqualTo(403);
        assertThat(get(ajibarang, "/ikhtisar/sel?kecamatan=arut-selatan&sop=rup&periode=2026").getStatusCode().value()).isEqualTo(403);
        assertThat(getMap(as("staf.bappeda"), "/api/kiriman/" + id).getBody().get("kiriman").toString()).contains("status=terkirim");
        assertThat(get(login("staf.bappeda"), "/proses/" + rup.getId()).getStatusCode().value()).as("no kecamatan instance for Bappeda")
                .isEqualTo(404);
    }

    @Test
    void theOverviewLinksEachCellAndRefusesNonsense() {
        Session bappeda = login("kepala.bappeda");
        String overview = get(bappeda, "/ikhtisar?tahun=2026").getBody();
        assertThat(overview).contains("Ikhtisar kabupaten 2026", "Arut Selatan", "Ajibarang", "/ikhtisar/sel?kecamatan=arut-selatan&amp;sop=rup&amp;periode=2026",
                "RFK/TEPPA");
        assertThat(get(bappeda, "/ikhtisar/sel?kecamatan=arut-selatan&sop=rup&periode=2026").getStatusCode().value()).isEqualTo(200);
        for (String bad : List.of("/ikhtisar?tahun=dua", "/ikhtisar?tahun=99999", "/ikhtisar/sel?kecamatan=arut-selatan&sop=rup&periode=2026-13",
                "/ikhtisar/sel?kecamatan=arut-selatan&sop=rup", "/kiriman?bulan=13", "/kiriman?tahun=x", "/kiriman?status=hilang")) {
            ResponseEntity<String> r = get(bappeda, bad);
            assertThat(r.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(r.getBody()).as(bad).contains("<html lang=\"id\"").doesNotContain("Exception");
        }
        assertThat(get(bappeda, "/kiriman/tidak-ada").getStatusCode().value()).isEqualTo(404);
    }
}
