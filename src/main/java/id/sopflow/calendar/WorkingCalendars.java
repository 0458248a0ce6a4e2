package id.sopflow.calendar;

import java.time.ZoneId;
import java.util.Map;

/**
 * The working calendar of each kecamatan: the office hours and holiday files, the kecamatan's time
 * zone, and the days the admin added at run time. Every call reads the added days again, so a change
 * applies to every deadline computed after it (and to none computed before).
 */
public final class WorkingCalendars {

    private final WorkingCalendar base;
    private final Map<String, ZoneId> zones;
    private final AddedHolidays added;

    /**
     * @param base  hours, default zone and the holiday files
     * @param zones time zone per kecamatan id; a kecamatan not listed uses the base zone
     * @param added the days added at run time
     */
    public WorkingCalendars(WorkingCalendar base, Map<String, ZoneId> zones, AddedHolidays added) {
        this.base = base;
        this.zones = Map.copyOf(zones);
        this.added = added;
    }

    /** The calendar of a kecamatan (a tenant id); {@code null} gives the installation's default. */
    public WorkingCalendar forKecamatan(String kecamatanId) {
        ZoneId zone = kecamatanId == null ? base.zone() : zones.getOrDefault(kecamatanId, base.zone());
        return base.withZone(zone).withHolidays(added.all().stream()
                .filter(day -> day.appliesTo(kecamatanId))
                .map(AddedHoliday::holiday)
                .toList());
    }

    /** Whether the installation has this kecamatan (it has a zone from the organisation). */
    public boolean knows(String kecamatanId) {
        return zones.containsKey(kecamatanId);
    }

    public AddedHolidays added() {
        return added;
    }
}
