package id.sopflow.organisation;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScrapeTokenTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    void onlyTheBearerOfTheSameTokenIsLetIn() {
        ScrapeToken token = ScrapeToken.of(TOKEN);
        assertThat(token.presentedBy(request("Bearer " + TOKEN))).isTrue();
        assertThat(token.presentedBy(request("bearer " + TOKEN))).as("the scheme is case-insensitive").isTrue();
        assertThat(token.presentedBy(request("Bearer " + TOKEN + "0"))).isFalse();
        assertThat(token.presentedBy(request("Bearer " + TOKEN.toUpperCase()))).isFalse();
        assertThat(token.presentedBy(request("Basic " + TOKEN))).isFalse();
        assertThat(token.presentedBy(request("Bearer"))).isFalse();
        assertThat(token.presentedBy(request(null))).isFalse();
    }

    @Test
    void noTokenLetsNobodyInAndAShortOneIsRefusedAtStartUp() {
        assertThat(ScrapeToken.of(null).presentedBy(request("Bearer "))).isFalse();
        assertThat(ScrapeToken.of("  ").presentedBy(request("Bearer   "))).isFalse();
        assertThatThrownBy(() -> ScrapeToken.of("pendek")).hasMessageContaining("SOPFLOW_METRICS_TOKEN").hasMessageContaining("32");
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
