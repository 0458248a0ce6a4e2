package id.sopflow.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Calendar settings ({@code sopflow.kalender.*}).
 *
 * @param dir the folder with {@code jam-kerja.yaml} and {@code libur/<tahun>.yaml}; the time zone of each
 *            kecamatan comes from the organisation ({@code config/organisasi.yaml})
 */
@ConfigurationProperties("sopflow.kalender")
record CalendarSettings(@DefaultValue("config/kalender") Path dir) {
}
