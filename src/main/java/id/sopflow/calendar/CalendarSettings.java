package id.sopflow.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.Map;

/**
 * Calendar settings ({@code sopflow.kalender.*}).
 *
 * @param dir  the folder with {@code jam-kerja.yaml} and {@code libur/<tahun>.yaml}
 * @param zona time zone per kecamatan id (WIB, WITA, WIT or an IANA id); others use the zone of jam-kerja.yaml
 */
@ConfigurationProperties("sopflow.kalender")
record CalendarSettings(@DefaultValue("config/kalender") Path dir, Map<String, String> zona) {

    CalendarSettings {
        zona = zona == null ? Map.of() : Map.copyOf(zona);
    }
}
