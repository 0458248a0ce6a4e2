package id.sopflow.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Monitoring settings ({@code sopflow.pemantauan.*}).
 *
 * @param kecamatanBulanan the kecamatan (tenant ids) for which recurring SOPs such as RFK/TEPPA start on
 *                         their schedule
 * @param mutuBakuBappeda  how long Bappeda may take to answer a submission (receive or return), e.g. {@code 3 hari
 *                         kerja}; empty: the waktu its inbox was generated with
 */
@ConfigurationProperties("sopflow.pemantauan")
record MonitoringSettings(List<String> kecamatanBulanan, String mutuBakuBappeda) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    MonitoringSettings {
        kecamatanBulanan = kecamatanBulanan == null ? List.of() : List.copyOf(kecamatanBulanan);
        mutuBakuBappeda = mutuBakuBappeda == null ? "" : mutuBakuBappeda.strip();
        if (!mutuBakuBappeda.isEmpty() && id.sopflow.calendar.Waktu.parse(mutuBakuBappeda).isEmpty()) {
            throw new IllegalArgumentException("sopflow.pemantauan.mutu-baku-bappeda: '" + mutuBakuBappeda + "' bukan waktu");
        }
    }

    MonitoringSettings(List<String> kecamatanBulanan) {
        this(kecamatanBulanan, "");
    }
}
