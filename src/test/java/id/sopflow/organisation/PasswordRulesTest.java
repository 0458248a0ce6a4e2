package id.sopflow.organisation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRulesTest {

    private static final String SETTING = "sopflow.organisasi.admin-password";

    @Test
    void anEmptyAdminPasswordStopsStartUpWithHowToFixIt() {
        assertThatThrownBy(() -> PasswordRules.checkAdminPassword(SETTING, "", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Kata sandi admin belum diatur")
                .hasMessageContaining("SOPFLOW_ADMIN_PASSWORD")
                .hasMessageContaining("-Dspring-boot.run.profiles=demo");
        assertThatThrownBy(() -> PasswordRules.checkAdminPassword(SETTING, null, true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void knownDefaultsAreRefusedOutsideTheDemoProfileOnly() {
        for (String weak : new String[] {"admin", "Admin", "demo", "camunda", "password", " demo-sopflow "}) {
            assertThatThrownBy(() -> PasswordRules.checkAdminPassword(SETTING, weak, false))
                    .as(weak).hasMessageContaining("kata sandi bawaan yang mudah ditebak");
            assertThatCode(() -> PasswordRules.checkAdminPassword(SETTING, weak, true)).as(weak).doesNotThrowAnyException();
        }
    }

    @Test
    void shortPasswordsAreRefusedAndStrongOnesAccepted() {
        assertThatThrownBy(() -> PasswordRules.checkAdminPassword(SETTING, "Pendek-123", false))
                .hasMessageContaining("terlalu pendek (10 karakter, minimal 12)");
        assertThatCode(() -> PasswordRules.checkAdminPassword(SETTING, "Kuda-Lumping-Berlari-7", false)).doesNotThrowAnyException();
    }

    @Test
    void theStaffPasswordIsOptionalButNotWeak() {
        assertThatCode(() -> PasswordRules.checkStaffPassword("staff", null, false)).doesNotThrowAnyException();
        assertThatCode(() -> PasswordRules.checkStaffPassword("staff", "", false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordRules.checkStaffPassword("staff", "demo", false)).isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> PasswordRules.checkStaffPassword("staff", "demo", true)).doesNotThrowAnyException();
    }

    @Test
    void theEnginesPasswordPolicyAppliesTheSameTwoRules() {
        EnginePasswordPolicy policy = new EnginePasswordPolicy();
        java.util.function.Predicate<String> accepted = password -> policy.getRules().stream().allMatch(rule -> rule.execute(password));

        assertThat(accepted).rejects("a", "Pendek-123", "Sebelas-123", "demo-sopflow", " Demo-Sopflow ", "password123", null)
                .accepts("Dua-belas-123", "Kuda-Lumping-Berlari-7");
        assertThat(policy.getRules()).extracting(rule -> rule.getPlaceholder())
                .containsExactly("PASSWORD_POLICY_LENGTH", "Bukan kata sandi bawaan yang mudah ditebak");
        assertThat(policy.getRules().get(0).getParameters()).containsEntry("minLength", "12");
    }
}
