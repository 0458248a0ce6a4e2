package id.sopflow.organisation;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

import java.util.List;
import java.util.Map;

/**
 * {@link PasswordRules} as Camunda's password policy, so that the engine refuses a weak password however it
 * is set: {@code PUT /engine-rest/user/{id}/credentials}, Camunda Admin, the welcome page's profile, or
 * {@code identityService.saveUser}. Enabled in {@link OrganisationPlugin}; {@link OrganisationIdentityService}
 * turns a refusal into a 400 with {@link PasswordRules#REFUSED}. The policy is also what the web apps show
 * next to the password field ({@code GET /engine-rest/identity/password-policy}): the length rule uses
 * Camunda's placeholder {@code PASSWORD_POLICY_LENGTH}, which they translate; the known-defaults rule has no
 * translation there, so its placeholder is the Indonesian sentence itself, which they show as it is.
 */
final class EnginePasswordPolicy implements PasswordPolicy {

    private static final List<PasswordPolicyRule> RULES = List.of(new MinimumLength(), new NotAKnownDefault());

    @Override
    public List<PasswordPolicyRule> getRules() {
        return RULES;
    }

    /** At least {@value PasswordRules#MIN_LENGTH} characters. */
    record MinimumLength() implements PasswordPolicyRule {
        @Override
        public String getPlaceholder() {
            return "PASSWORD_POLICY_LENGTH";
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of("minLength", String.valueOf(PasswordRules.MIN_LENGTH));
        }

        @Override
        public boolean execute(String password) {
            return PasswordRules.isLongEnough(password);
        }
    }

    /** None of {@link PasswordRules#KNOWN_DEFAULTS}. */
    record NotAKnownDefault() implements PasswordPolicyRule {
        @Override
        public String getPlaceholder() {
            return "Bukan kata sandi bawaan yang mudah ditebak";
        }

        @Override
        public Map<String, String> getParameters() {
            return Map.of();
        }

        @Override
        public boolean execute(String password) {
            return !PasswordRules.isKnownDefault(password);
        }
    }
}
