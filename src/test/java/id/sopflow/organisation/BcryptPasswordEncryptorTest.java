package id.sopflow.organisation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BcryptPasswordEncryptorTest {

    private final OrganisationPlugin.BcryptPasswordEncryptor encryptor = new OrganisationPlugin.BcryptPasswordEncryptor(4);

    @Test
    void hashesAreSaltedBcryptAndVerify() {
        String hash = encryptor.encrypt("kata-sandi-uji" + "garam-camunda");

        assertThat(hash).startsWith("$2a$04$").isNotEqualTo(encryptor.encrypt("kata-sandi-uji" + "garam-camunda"));
        assertThat(encryptor.check("kata-sandi-uji" + "garam-camunda", hash)).isTrue();
        assertThat(encryptor.check("kata-sandi-salah" + "garam-camunda", hash)).isFalse();
        assertThat(encryptor.check("apa saja", null)).isFalse();
        assertThat(encryptor.hashAlgorithmName()).isEqualTo("BCRYPT");
    }

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesStillDifferInTheirTail() {
        String base = "a".repeat(80);
        String hash = encryptor.encrypt(base + "1");

        assertThat(encryptor.check(base + "1", hash)).isTrue();
        assertThat(encryptor.check(base + "2", hash)).isFalse();
    }
}
