package id.sopflow.calendar;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the calendar data files.
 *
 * <p>{@code config/kalender/jam-kerja.yaml}:
 * <pre>
 * zona: Asia/Jakarta          # optional, default Asia/Jakarta; also WIB, WITA, WIT
 * hari:
 *   senin: ["07:30-12:00", "13:00-16:00"]
 *   ...
 *   jumat: ["07:30-11:30", "13:00-16:30"]
 *   sabtu: []                 # a day left out or empty has no office hours
 *   minggu: []
 * </pre>
 *
 * <p>{@code config/kalender/libur/*.yaml}, one file per year:
 * <pre>
 * tahun: 2025
 * sumber: SKB ...             # legal source, copied into every Holiday
 * hari:
 *   - tanggal: 2025-01-01
 *     nama: Tahun Baru 2025 Masehi
 *     jenis: libur_nasional   # libur_nasional | cuti_bersama | libur_lokal
 *     sumber: ...             # optional, overrides the file's sumber (e.g. an amending SKB)
 * </pre>
 * Every date must lie in {@code tahun} and appear once per file. Unknown keys are refused so that typing errors
 * are not silently ignored. All values are read as text (no YAML date or number guessing).
 *
 * <p>Every problem is an {@link IllegalArgumentException} whose message names the file, the entry and the field.
 */
public final class CalendarFiles {

    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "senin", DayOfWeek.MONDAY,
            "selasa", DayOfWeek.TUESDAY,
            "rabu", DayOfWeek.WEDNESDAY,
            "kamis", DayOfWeek.THURSDAY,
            "jumat", DayOfWeek.FRIDAY,
            "jum'at", DayOfWeek.FRIDAY,
            "sabtu", DayOfWeek.SATURDAY,
            "minggu", DayOfWeek.SUNDAY);
    private static final Set<String> HOURS_KEYS = Set.of("zona", "hari");
    private static final Set<String> HOLIDAY_FILE_KEYS = Set.of("tahun", "sumber", "hari");
    private static final Set<String> HOLIDAY_KEYS = Set.of("tanggal", "nama", "jenis", "sumber");

    private CalendarFiles() {
    }

    /** Office hours from a {@code jam-kerja.yaml} file. */
    public static OfficeHours readOfficeHours(Path file) {
        Map<String, Object> root = rootMap(file);
        checkKeys(file, "", root, HOURS_KEYS);
        Object hari = root.get("hari");
        if (!(hari instanceof Map<?, ?> days)) {
            throw error(file, "field 'hari'", "wajib berupa peta hari -> daftar periode (senin: [\"07:30-12:00\"])");
        }
        Map<DayOfWeek, List<OfficeHours.Period>> periods = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<?, ?> e : days.entrySet()) {
            String key = String.valueOf(e.getKey());
            DayOfWeek day = DAYS.get(key.strip().toLowerCase(Locale.ROOT));
            if (day == null) {
                throw error(file, "hari '" + key + "'", "bukan nama hari; pilih senin, selasa, rabu, kamis, jumat, "
                        + "sabtu atau minggu");
            }
            if (periods.containsKey(day)) {
                throw error(file, "hari '" + key + "'", "hari ini sudah ditulis sekali");
            }
            Object value = e.getValue();
            List<OfficeHours.Period> list = new ArrayList<>();
            if (value != null) {
                if (!(value instanceof List<?> items)) {
                    throw error(file, "hari '" + key + "'", "wajib berupa daftar periode, mis. [\"07:30-12:00\", "
                            + "\"13:00-16:00\"] atau [] untuk hari libur");
                }
                for (int i = 0; i < items.size(); i++) {
                    String where = "hari '" + key + "', periode ke-" + (i + 1);
                    Object item = items.get(i);
                    if (!(item instanceof String text)) {
                        throw error(file, where, "wajib teks JJ:MM-JJ:MM, bukan " + describe(item));
                    }
                    try {
                        list.add(OfficeHours.Period.parse(text));
                    } catch (IllegalArgumentException ex) {
                        throw error(file, where, ex.getMessage());
                    }
                }
            }
            periods.put(day, list);
        }
        try {
            return new OfficeHours(periods);
        } catch (IllegalArgumentException ex) {
            throw error(file, "field 'hari'", ex.getMessage());
        }
    }

    /** The {@code zona} of a {@code jam-kerja.yaml} file; {@link WorkingCalendar#WIB} when the field is absent. */
    public static ZoneId readZone(Path file) {
        Map<String, Object> root = rootMap(file);
        Object zona = root.get("zona");
        if (zona == null) {
            return WorkingCalendar.WIB;
        }
        try {
            return WorkingCalendar.zoneOf(String.valueOf(zona));
        } catch (IllegalArgumentException ex) {
            throw error(file, "field 'zona'", ex.getMessage());
        }
    }

    /** Every holiday of every {@code *.yaml} file in {@code dir} (not its sub-folders), sorted by date. */
    public static List<Holiday> readHolidays(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": folder hari libur tidak ada");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.yaml")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": folder hari libur tidak terbaca: " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<Holiday> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(readHolidayFile(file));
        }
        all.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(all);
    }

    /**
     * A calendar from a kalender folder: {@code jam-kerja.yaml} (hours and zone) and every file of
     * {@code libur/}.
     */
    public static WorkingCalendar readCalendar(Path kalenderDir) {
        Path hoursFile = kalenderDir.resolve("jam-kerja.yaml");
        return new WorkingCalendar(readOfficeHours(hoursFile), readZone(hoursFile),
                readHolidays(kalenderDir.resolve("libur")));
    }

    static List<Holiday> readHolidayFile(Path file) {
        Map<String, Object> root = rootMap(file);
        checkKeys(file, "", root, HOLIDAY_FILE_KEYS);
        int year = year(file, root.get("tahun"));
        String source = text(file, "field 'sumber'", root.get("sumber"));
        Object hari = root.get("hari");
        if (!(hari instanceof List<?> entries)) {
            throw error(file, "field 'hari'", "wajib berupa daftar hari libur (- tanggal: ..., nama: ..., jenis: ...)");
        }
        List<Holiday> holidays = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            int number = i + 1;
            if (!(entries.get(i) instanceof Map<?, ?> raw)) {
                throw error(file, "hari, entri ke-" + number, "wajib berupa peta tanggal/nama/jenis, bukan "
                        + describe(entries.get(i)));
            }
            Map<String, Object> entry = stringKeys(raw);
            String where = "hari, entri ke-" + number + describeEntry(entry);
            checkKeys(file, where + ", ", entry, HOLIDAY_KEYS);
            LocalDate date = date(file, where, entry.get("tanggal"));
            if (date.getYear() != year) {
                throw error(file, where + ", field 'tanggal'", date + " tidak berada di tahun " + year
                        + " (field 'tahun')");
            }
            Integer earlier = seen.putIfAbsent(date, number);
            if (earlier != null) {
                throw error(file, where + ", field 'tanggal'", date + " sudah ada di entri ke-" + earlier
                        + "; gabungkan namanya dalam satu entri");
            }
            String name = text(file, where + ", field 'nama'", entry.get("nama"));
            Holiday.Kind kind = kind(file, where, entry.get("jenis"));
            String entrySource = entry.containsKey("sumber")
                    ? text(file, where + ", field 'sumber'", entry.get("sumber"))
                    : source;
            holidays.add(new Holiday(date, name, kind, entrySource));
        }
        return holidays;
    }

    // --- helpers ---

    private static Map<String, Object> rootMap(Path file) {
        Object loaded;
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
                new TextOnlyResolver());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded = yaml.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": file tidak terbaca: " + e, e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + ": bukan YAML yang sah: " + e.getMessage(), e);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + ": isi file wajib berupa peta (key: value), bukan "
                    + describe(loaded));
        }
        return stringKeys(map);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new HashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    private static void checkKeys(Path file, String where, Map<String, Object> map, Set<String> allowed) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw error(file, where + "field '" + key + "'", "tidak dikenal; yang boleh: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private static int year(Path file, Object value) {
        String text = text(file, "field 'tahun'", value);
        try {
            int year = Integer.parseInt(text);
            if (year < 1900 || year > 2200) {
                throw new NumberFormatException();
            }
            return year;
        } catch (NumberFormatException e) {
            throw error(file, "field 'tahun'", "\"" + text + "\" bukan tahun (mis. 2025)");
        }
    }

    private static LocalDate date(Path file, String where, Object value) {
        String text = text(file, where + ", field 'tanggal'", value);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw error(file, where + ", field 'tanggal'", "\"" + text + "\" bukan tanggal YYYY-MM-DD yang sah");
        }
    }

    private static Holiday.Kind kind(Path file, String where, Object value) {
        String text = text(file, where + ", field 'jenis'", value);
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "libur_nasional" -> Holiday.Kind.LIBUR_NASIONAL;
            case "cuti_bersama" -> Holiday.Kind.CUTI_BERSAMA;
            case "libur_lokal" -> Holiday.Kind.LIBUR_LOKAL;
            default -> throw error(file, where + ", field 'jenis'", "\"" + text
                    + "\" tidak dikenal; pilih libur_nasional, cuti_bersama atau libur_lokal");
        };
    }

    private static String text(Path file, String where, Object value) {
        if (value == null) {
            throw error(file, where, "wajib diisi");
        }
        if (!(value instanceof String s)) {
            throw error(file, where, "wajib berupa teks, bukan " + describe(value));
        }
        if (s.isBlank()) {
            throw error(file, where, "wajib diisi");
        }
        return s.strip();
    }

    private static String describeEntry(Map<String, Object> entry) {
        Object date = entry.get("tanggal");
        Object name = entry.get("nama");
        List<String> parts = new ArrayList<>();
        if (date instanceof String d) {
            parts.add("tanggal " + d);
        }
        if (name instanceof String n) {
            parts.add("\"" + n + "\"");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String describe(Object value) {
        if (value == null) {
            return "kosong";
        }
        if (value instanceof List<?>) {
            return "daftar " + value;
        }
        if (value instanceof Map<?, ?>) {
            return "peta " + value;
        }
        return "\"" + value + "\"";
    }

    private static IllegalArgumentException error(Path file, String where, String problem) {
        return new IllegalArgumentException(file + ": " + where + ": " + problem);
    }

    /** Resolves plain scalars only to text or null: no YAML 1.1 dates, booleans, sexagesimal numbers. */
    private static final class TextOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }
}
