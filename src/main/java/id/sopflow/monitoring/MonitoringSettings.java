package id.sopflow.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Monitoring settings ({@code sopflow.pemantauan.*}).
 *
 * @param kecamatanBulanan the kecamatan (tenant ids) for which recurring SOPs such as RFK/TEPPA start on
 *                         their schedule
 */
@ConfigurationProperties("sopflow.pemantauan")
record MonitoringSettings(List<String> kecamatanBulanan) {

    MonitoringSettings {
        kecamatanBulanan = kecamatanBulanan == null ? List.of() : List.copyOf(kecamatanBulanan);
    }
}
