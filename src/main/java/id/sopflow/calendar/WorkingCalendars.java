package id.sopflow.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The working calendar of each kecamatan: the office hours and holiday files, the kecamatan's time
 * zone, and the days the admin added at run time. The added days are read from their store at most once per
 * {@code freshFor} (and each kecamatan's calendar built once from them), not at every hand-over of a step: a day added
 * or removed through {@link #added()} applies at once on this node, to every deadline computed after it (and to none
 * computed before); one added on another node of a cluster applies here within {@code freshFor} (30 s in the
 * application, {@link #CLUSTER_DELAY}).
 */
public final class WorkingCalendars {

    /** How long a node may compute deadlines without a day another node added (the application's {@code freshFor}). */
    public static final Duration CLUSTER_DELAY = Duration.ofSeconds(30);

    /** The added days as read once, and the calendars built from them. */
    private record Read(long atNanos, List<AddedHoliday> days, Map<String, WorkingCalendar> built) {
    }

    private final WorkingCalendar base;
    private final Map<String, ZoneId> zones;
    private final AddedHolidays added;
    private final long freshForNanos;
    private volatile Read read;

    /** Reads the added days for every calendar asked for (tools and tests). */
    public WorkingCalendars(WorkingCalendar base, Map<String, ZoneId> zones, AddedHolidays added) {
        this(base, zones, added, Duration.ZERO);
    }

    /**
     * @param base     hours, default zone and the holiday files
     * @param zones    time zone per kecamatan id; a kecamatan not listed uses the base zone
     * @param added    the days added at run time
     * @param freshFor how long the added days, once read, are used without reading them again (zero: never)
     */
    public WorkingCalendars(WorkingCalendar base, Map<String, ZoneId> zones, AddedHolidays added, Duration freshFor) {
        this.base = base;
        this.zones = Map.copyOf(zones);
        this.added = new Rereading(added);
        this.freshForNanos = freshFor.toNanos();
    }

    /** The calendar of a kecamatan (a tenant id); {@code null} gives the installation's default. */
    public WorkingCalendar forKecamatan(String kecamatanId) {
        Read current = current();
        return current.built().computeIfAbsent(kecamatanId == null ? "" : kecamatanId, key -> build(kecamatanId, current.days()));
    }

    /**
     * The calendars of one look at many instances (a page, a list of alerts): one reading of the added days for all
     * of them. For one request only; a day added later is not in it.
     */
    public Function<String, WorkingCalendar> snapshot() {
        Read current = current();
        return kecamatanId -> current.built().computeIfAbsent(kecamatanId == null ? "" : kecamatanId,
                key -> build(kecamatanId, current.days()));
    }

    /** Reads the added days again at the next calendar asked for: after the table was changed behind this node's back. */
    public void reread() {
        read = null;
    }

    private Read current() {
        Read current = read;
        long now = System.nanoTime(); // freshness of a cache, not a moment of the domain: not the engine's clock
        if (current == null || now - current.atNanos() >= freshForNanos) {
            current = new Read(now, List.copyOf(added.all()), new ConcurrentHashMap<>());
            if (freshForNanos > 0) {
                read = current;
            }
        }
        return current;
    }

    private WorkingCalendar build(String kecamatanId, List<AddedHoliday> days) {
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

    /** The added days; a change through this store applies to the calendars at once. */
    public AddedHolidays added() {
        return added;
    }

    /** The store, with every change making the calendars read the added days again. */
    private final class Rereading implements AddedHolidays {

        private final AddedHolidays store;

        Rereading(AddedHolidays store) {
            this.store = store;
        }

        @Override
        public List<AddedHoliday> all() {
            return store.all();
        }

        @Override
        public boolean add(AddedHoliday day) {
            try {
                return store.add(day);
            } finally {
                reread();
            }
        }

        @Override
        public boolean remove(LocalDate date, Optional<String> kecamatan) {
            try {
                return store.remove(date, kecamatan);
            } finally {
                reread();
            }
        }
    }
}
