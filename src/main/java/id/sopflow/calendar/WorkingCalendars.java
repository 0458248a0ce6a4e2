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
        return build(kecamatanId, added.all());
    }

    /**
     * The calendars of one look at many instances (a page, a list of alerts): the added days are read once, and each
     * kecamatan's calendar is built once. For one request only; a day added later is not in it.
     */
    public java.util.function.Function<String, WorkingCalendar> snapshot() {
        java.util.List<AddedHoliday> days = added.all();
        java.util.Map<String, WorkingCalendar> built = new java.util.HashMap<>();
        return kecamatanId -> built.computeIfAbsent(kecamatanId == null ? "" : kecamatanId,
                key -> build(kecamatanId, days));
    }

    private WorkingCalendar build(String kecamatanId, java.util.List<AddedHoliday> days) {
        ZoneId zone = kecamatanId == null ? base.zone() : zones.getOrDefault(kecamatanId, base.zone());
        return base.withZone(zone).withHolidays(days.stream()
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
