package id.sopflow.web;

import id.sopflow.organisation.AccessTestBase;
import id.sopflow.sop.SopStep;
import id.sopflow.sopimport.OfficeFiles;
import id.sopflow.sopimport.SeedTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Impor SOP over HTTP: only the admin sees the page and imports (403 for every other role, the login for nobody), the
 * form needs its CSRF token, an SOP table becomes a draft in the configured folder with its report on the page, and a
 * broken file or an existing draft is refused with nothing written.
 */
class ImportPageIT extends AccessTestBase {

    /** The drafts' folder of the test profile (application-test.yaml), one kecamatan folder per test. */
    private static final Path DRAFTS = Path.of("target/impor-uji");
    private final String kecamatan = "uji-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeDrafts() throws IOException {
        FileSystemUtils.deleteRecursively(DRAFTS.resolve(kecamatan));
    }

    @Test
    void onlyTheAdminSeesAndUsesTheImportPage() {
        for (String user : List.of("pelaksana.arut-selatan", "sekcam.arut-selatan", "camat.ajibarang", "staf.bappeda")) {
            Session session = login(user);
            assertThat(get(session, "/impor").getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(get(session, "/impor").getBody()).as(user).contains("Impor SOP untuk admin saja");
            assertThat(get(session, "/").getBody()).as(user).doesNotContain("href=\"/impor\"");
            // the token of a page they may open: the refusal is the role, not the token
            ResponseEntity<String> posted = upload(session, token(session, "/"), "dpa.docx", dpa());
            assertThat(posted.getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(DRAFTS.resolve(kecamatan)).doesNotExist();
        assertThat(noRedirects().getForEntity("/impor", String.class).getHeaders().getLocation()).hasPath("/login");

        Session admin = login("admin");
        ResponseEntity<String> page = get(admin, "/impor");
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("<h1>Impor SOP</h1>", "Unggah tabel SOP", "name=\"_csrf\"", "enctype=\"multipart/form-data\"");
        assertThat(get(admin, "/").getBody()).contains("href=\"/impor\"");
    }

    @Test
    void anImportWithoutTheFormsTokenIsRefused() {
        Session admin = login("admin");
        assertThat(upload(admin, null, "dpa.docx", dpa()).getStatusCode().value()).isEqualTo(403);
        assertThat(upload(admin, "salah", "dpa.docx", dpa()).getStatusCode().value()).isEqualTo(403);
        assertThat(DRAFTS.resolve(kecamatan)).doesNotExist();
    }

    @Test
    void theAdminImportsATableAndSeesTheDraftsReport() throws IOException {
        Session admin = login("admin");

        ResponseEntity<String> imported = upload(admin, token(admin, "/impor"), "SOP DPA.docx", dpa());

        assertThat(imported.getStatusCode().value()).isEqualTo(200);
        Path draft = DRAFTS.resolve(kecamatan + "/dpa.yaml.draf");
        assertThat(draft).exists();
        assertThat(Files.readString(draft)).contains("kode: dpa", "    pelaksana: camat", "    waktu: 1 hari kerja");
        assertThat(imported.getBody()).contains("Laporan draf", "target/impor-uji/" + kecamatan + "/dpa.yaml.draf", "6 langkah",
                "Harus diselesaikan sebelum SOP dapat dipakai (1)", "langkah 4, isian &#39;pelaksana&#39;: wajib diisi",
                "langkah 4 (tabel 2 baris 7): tidak ada tanda di kolom pelaksana");

        ResponseEntity<String> again = upload(admin, token(admin, "/impor"), "SOP DPA.docx", dpa());
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("Tidak diimpor:", "dpa.yaml.draf sudah ada");
    }

    @Test
    void aBrokenFileIsRefusedAndNothingIsWritten() {
        Session admin = login("admin");
        ResponseEntity<String> noTable = upload(admin, token(admin, "/impor"), "dpa.docx", OfficeFiles.docx());
        assertThat(noTable.getStatusCode().value()).isEqualTo(400);
        assertThat(noTable.getBody()).contains("Tidak diimpor: &#39;dpa.docx&#39; tidak memuat tabel");
        ResponseEntity<String> notWord = upload(admin, token(admin, "/impor"), "dpa.docx", "%PDF-1.7".getBytes());
        assertThat(notWord.getStatusCode().value()).isEqualTo(400);
        assertThat(notWord.getBody()).contains("bukan dokumen Word .docx");
        assertThat(DRAFTS.resolve(kecamatan)).doesNotExist();
    }

    private static byte[] dpa() {
        return OfficeFiles.docx(SeedTables.dpaIdentity(),
                SeedTables.dpa(step -> step.number() == 4 ? List.of() : SeedTables.acting(step), SopStep::waktuText));
    }

    private ResponseEntity<String> upload(Session session, String csrf, String fileName, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        if (csrf != null) {
            form.add("_csrf", csrf);
        }
        form.add("kecamatan", kecamatan);
        form.add("kode", "dpa");
        form.add("berkas", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = session.headers();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return noRedirects().exchange("/impor", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }
}
