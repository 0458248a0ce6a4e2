package id.sopflow.organisation;

import id.sopflow.organisation.Organisation.Member;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganisationReaderTest {

    private static final String VALID = """
            kabupaten:
              nama: Kabupaten Uji
            kecamatan:
              - id: alpha
                nama: Alpha
                zona: WIB
              - id: beta
                nama: Beta
                zona: WITA
            bappeda:
              nama: Bappeda Uji
            peran:
              - {id: camat, nama: Camat}
              - {id: sekcam, nama: Sekcam}
              - {id: kasubbag, nama: Kasubbag}
              - {id: pelaksana, nama: Pelaksana}
              - {id: tim, nama: Tim}
              - {id: pengadministrasi, nama: Pengadministrasi}
              - {id: bappeda, nama: Bappeda}
              - {id: admin, nama: Admin}
            pengguna:
              - id: camat.alpha
                nama: Camat Alpha
                peran: [camat]
                kantor: alpha
              - id: staf.bappeda
                nama: Staf Bappeda
                peran: [bappeda]
                kantor: bappeda
              - id: admin
                nama: Admin
                peran: [admin]
                kantor: bappeda
            """;

    private static Organisation read(String yaml) {
        return new OrganisationReader().read(new StringReader(yaml), "organisasi.yaml");
    }

    @Test
    void theShippedFileHasEveryRoleInEachKecamatanPlusBappedaAndAdmin() {
        Organisation org = Organisation.read(Path.of("config/organisasi.yaml"));

        // the kecamatan of the seed SOP tables (issue 13): seed 004's name is not in its text, hence a neutral id
        assertThat(org.kecamatan()).extracting(Organisation.Kecamatan::id)
                .contains("arut-selatan", "ajibarang", "wangon", "baturraden", "kecamatan-004").doesNotHaveDuplicates();
        assertThat(org.kecamatan()).extracting(Organisation.Kecamatan::zona).containsOnly("WIB");
        assertThat(org.roles()).extracting(Organisation.RoleEntry::id).containsExactlyInAnyOrderElementsOf(Organisation.ROLES);
        for (String kecamatan : org.kecamatan().stream().map(Organisation.Kecamatan::id).toList()) {
            assertThat(org.members().stream().filter(m -> m.office().equals(kecamatan)).flatMap(m -> m.roles().stream()))
                    .as("peran di " + kecamatan).containsExactlyInAnyOrderElementsOf(Organisation.KECAMATAN_ROLES);
        }
        assertThat(org.members().stream().filter(m -> m.roles().contains("bappeda")).map(Member::office)).containsOnly("bappeda");
        assertThat(org.members().stream().filter(m -> m.roles().contains("kepala-bappeda")).map(Member::id)).containsExactly("kepala.bappeda");
        assertThat(org.members().stream().filter(Member::isAdmin).map(Member::id)).containsExactly("admin");
    }

    @Test
    void aValidFileIsReadCompletely() {
        Organisation org = read(VALID);

        assertThat(org.kabupaten()).isEqualTo("Kabupaten Uji");
        assertThat(org.bappeda()).isEqualTo("Bappeda Uji");
        assertThat(org.kecamatan("beta")).get().extracting(Organisation.Kecamatan::zona).isEqualTo("WITA");
        assertThat(org.member("camat.alpha")).get().satisfies(m -> {
            assertThat(m.roles()).containsExactly("camat");
            assertThat(m.worksInKecamatan()).isTrue();
        });
        assertThat(org.member("staf.bappeda")).get().extracting(Member::worksInKecamatan).isEqualTo(false);
    }

    @Test
    void brokenYamlNamesTheLine() {
        String broken = VALID.replace("  - id: beta\n", "  - id: beta\n   x: [\n");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOf(OrganisationException.class)
                .hasMessageStartingWith("Berkas organisasi tidak valid: organisasi.yaml baris ")
                .hasMessageContaining("YAML tidak valid");
    }

    @Test
    void anUnknownOfficeIsReportedWithFileLineUserAndField() {
        String broken = VALID.replace("    kantor: alpha", "    kantor: gamma");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOf(OrganisationException.class)
                .hasMessageContaining("organisasi.yaml baris 25, pengguna camat.alpha, isian 'kantor': 'gamma' bukan kecamatan");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnce() {
        String broken = VALID
                .replace("    zona: WITA", "    zona: WITB")
                .replace("    peran: [camat]", "    peran: [lurah]")
                .replace("  - {id: tim, nama: Tim}\n", "")
                .replace("    peran: [bappeda]\n    kantor: bappeda", "    peran: [bappeda]\n    kantor: alpha");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOfSatisfying(OrganisationException.class, e -> assertThat(e.problems()).containsExactly(
                        "organisasi.yaml baris 9, kecamatan beta, isian 'zona': 'WITB' tidak dikenal; yang boleh: WIB, WITA, WIT",
                        "organisasi.yaml baris 13, isian 'peran': peran berikut wajib ada (dipakai langkah SOP dan hak akses): tim",
                        "organisasi.yaml baris 23, pengguna camat.alpha, isian 'peran': peran 'lurah' tidak dikenal; peran yang dikenal: "
                                + "admin, bappeda, camat, kasubbag, kepala-bappeda, pelaksana, pengadministrasi, sekcam, tim",
                        "organisasi.yaml baris 27, pengguna staf.bappeda, isian 'peran': peran 'bappeda' hanya untuk pegawai yang kantornya 'bappeda'"))
                .hasMessageStartingWith("Berkas organisasi tidak valid (4 masalah):");
    }

    @Test
    void duplicateUsersUnknownFieldsAndKecamatanRolesAtBappedaAreRefused() {
        String broken = VALID
                .replace("  - id: staf.bappeda\n    nama: Staf Bappeda\n    peran: [bappeda]",
                        "  - id: camat.alpha\n    nama: Staf Bappeda\n    peran: [pelaksana]")
                .replace("    nama: Camat Alpha\n", "    nama: Camat Alpha\n    sandi: rahasia\n");

        assertThatThrownBy(() -> read(broken))
                .isInstanceOfSatisfying(OrganisationException.class, e -> assertThat(e.problems()).containsExactly(
                        "organisasi.yaml baris 24, pengguna, isian 'sandi': isian tidak dikenal; yang boleh: id, kantor, nama, peran",
                        "organisasi.yaml baris 27, pengguna camat.alpha, isian 'id': pengguna 'camat.alpha' tercantum dua kali atau memakai nama yang dicadangkan",
                        "organisasi.yaml baris 29, pengguna camat.alpha, isian 'peran': peran 'pelaksana' adalah peran kantor kecamatan, tetapi kantornya 'bappeda'"));
    }

    @Test
    void aFileWithoutAdminIsRefused() {
        String noAdmin = VALID.replace("  - id: admin\n    nama: Admin\n    peran: [admin]\n    kantor: bappeda\n", "");

        assertThatThrownBy(() -> read(noAdmin))
                .hasMessageContaining("isian 'pengguna': harus ada sedikitnya satu pengguna berperan admin");
    }

    @Test
    void anEmptyOrMissingFileIsRefusedWithItsName() {
        assertThatThrownBy(() -> read("")).hasMessage("Berkas organisasi tidak valid: organisasi.yaml: berkas kosong atau bukan peta YAML");
        assertThatThrownBy(() -> Organisation.read(Path.of("config/tidak-ada.yaml")))
                .hasMessageStartingWith("Berkas organisasi tidak valid: config/tidak-ada.yaml: tidak dapat dibaca");
    }
}
