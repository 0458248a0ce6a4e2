package id.sopflow.compliance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the compliance report ({@code sopflow.pemantauan.kepatuhan.*}).
 *
 * @param ambangTepatWaktu the share of a step's visits that must be on time for the step to be "berjalan dengan baik"
 *                         (0 &lt; x &le; 1; 0.8 when not set)
 */
@ConfigurationProperties("sopflow.pemantauan.kepatuhan")
record ComplianceSettings(Double ambangTepatWaktu) {

    static final double DEFAULT_THRESHOLD = 0.8;

    ComplianceSettings {
        ambangTepatWaktu = ambangTepatWaktu == null ? DEFAULT_THRESHOLD : ambangTepatWaktu;
        if (!(ambangTepatWaktu > 0 && ambangTepatWaktu <= 1)) {
            throw new IllegalArgumentException("sopflow.pemantauan.kepatuhan.ambang-tepat-waktu: '" + ambangTepatWaktu
                    + "' harus lebih dari 0 dan paling besar 1 (mis. 0.8 = 80% tepat waktu)");
        }
    }
}
