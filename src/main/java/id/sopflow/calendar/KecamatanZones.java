package id.sopflow.calendar;

import java.time.ZoneId;
import java.util.Map;

/** The time zone of each kecamatan (tenant id), provided by whoever knows the offices (the organisation). */
@FunctionalInterface
public interface KecamatanZones {

    Map<String, ZoneId> zones();
}
