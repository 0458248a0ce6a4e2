package id.sopflow.compliance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sopflow.pemantauan.kepatuhan.ambang-tepat-waktu: a share of at most 1, more than 0; 0.8 when not set. */
class ComplianceSettingsTest {

    @Test
    void theThresholdIsAShare() {
        assertThat(new ComplianceSettings(null).ambangTepatWaktu()).isEqualTo(0.8);
        assertThat(new ComplianceSettings(1.0).ambangTepatWaktu()).isEqualTo(1.0);
        for (double wrong : new double[]{0, -0.1, 1.01, 80, Double.NaN}) {
            assertThatThrownBy(() -> new ComplianceSettings(wrong)).as(String.valueOf(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sopflow.pemantauan.kepatuhan.ambang-tepat-waktu");
        }
    }
}
