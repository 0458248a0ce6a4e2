package id.sopflow.calendar;

import id.sopflow.yaml.YamlFields;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * Periods of a day must not overlap, and at least one day must have one.
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
 * Every date must lie in {@code tahun} and appear once per file. Values are read as the text written (no YAML
 * date or number guessing).
 *
 * <p>Validation reads like that of the SOP and organisation files ({@link YamlFields}): every problem of every file
 * at once, each with file, line and field, unknown fields (typos) included, for example
 * {@code config/kalender/libur/2026.yaml baris 14, hari libur ke-3, isian 'tanggal': '2026-02-30' bukan tanggal
 * yang valid (TTTT-BB-HH, mis. 2026-08-17)}. Any problem throws a {@link CalendarFileException} listing them all;
 * nothing is read from the files then.
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
    private static final String DAY_NAMES = "senin, selasa, rabu, kamis, jumat, sabtu, minggu";
    private static final String PERIODS_EXAMPLE = "[\"07:30-12:00\", \"13:00-16:00\"], atau [] untuk hari tanpa jam kerja";
    private static final Set<String> HOURS_KEYS = Set.of("zona", "hari");
    private static final Set<String> HOLIDAY_FILE_KEYS = Set.of("tahun", "sumber", "hari");
    private static final Set<String> HOLIDAY_KEYS = Set.of("tanggal", "nama", "jenis", "sumber");
    private static final Map<String, Holiday.Kind> KINDS = Map.of(
            "libur_nasional", Holiday.Kind.LIBUR_NASIONAL,
            "cuti_bersama", Holiday.Kind.CUTI_BERSAMA,
            "libur_lokal", Holiday.Kind.LIBUR_LOKAL);

    private CalendarFiles() {
    }

    /**
     * A calendar from a kalender folder: {@code jam-kerja.yaml} (hours and zone) and every file of
     * {@code libur/}. The problems of all these files are reported together.
     */
    public static WorkingCalendar readCalendar(Path kalenderDir) {
        List<String> problems = new ArrayList<>();
        HoursFile hours = readHoursFile(kalenderDir.resolve("jam-kerja.yaml"), problems);
        List<Holiday> holidays = readHolidayFolder(kalenderDir.resolve("libur"), problems);
        failOn(problems);
        return new WorkingCalendar(hours.hours(), hours.zone(), holidays);
    }

    /** Office hours from a {@code jam-kerja.yaml} file. */
    public static OfficeHours readOfficeHours(Path file) {
        return readHoursFile(file).hours();
    }

    /** The {@code zona} of a {@code jam-kerja.yaml} file; {@link WorkingCalendar#WIB} when the field is absent. */
    public static ZoneId readZone(Path file) {
        return readHoursFile(file).zone();
    }

    /** Every holiday of every {@code *.yaml} file in {@code dir} (not its sub-folders), sorted by date. */
    public static List<Holiday> readHolidays(Path dir) {
        List<String> problems = new ArrayList<>();
        List<Holiday> holidays = readHolidayFolder(dir, problems);
        failOn(problems);
        return holidays;
    }

    // --- jam-kerja.yaml ---------------------------------------------------------------------------------------

    /** What {@code jam-kerja.yaml} says. */
    private record HoursFile(OfficeHours hours, ZoneId zone) {
    }

    private static HoursFile readHoursFile(Path file) {
        List<String> problems = new ArrayList<>();
        HoursFile hours = readHoursFile(file, problems);
        failOn(problems);
        return hours;
    }

    /** The file's hours and zone, or null with its problems added to {@code problems}. */
    private static HoursFile readHoursFile(Path file, List<String> problems) {
        YamlFields yaml = new YamlFields(file.toString());
        MappingNode root = root(file, yaml, problems);
        if (root == null) {
            return null;
        }
        Map<String, Node> top = yaml.fields(root, HOURS_KEYS, "");
        ZoneId zone = zone(yaml, top.get("zona"));
        Map<DayOfWeek, List<OfficeHours.Period>> periods = days(yaml, top.get("hari"), root);
        problems.addAll(yaml.problems());
        return yaml.hasProblems() ? null : new HoursFile(new OfficeHours(periods), zone);
    }

    private static ZoneId zone(YamlFields yaml, Node node) {
        String text = yaml.text(node, "", "zona");
        if (text == null || text.isEmpty()) {
            return WorkingCalendar.WIB;
        }
        try {
            return WorkingCalendar.zoneOf(text);
        } catch (IllegalArgumentException e) {
            yaml.problem(node, "", "zona", e.getMessage());
            return WorkingCalendar.WIB;
        }
    }

    private static Map<DayOfWeek, List<OfficeHours.Period>> days(YamlFields yaml, Node node, MappingNode root) {
        Map<DayOfWeek, List<OfficeHours.Period>> periods = new EnumMap<>(DayOfWeek.class);
        if (node == null) {
            yaml.problem(root, "", "hari", "wajib diisi: peta hari -> daftar periode kerja, mis. senin: " + PERIODS_EXAMPLE);
            return periods;
        }
        if (!(node instanceof MappingNode days)) {
            yaml.problem(node, "", "hari", "harus berupa peta hari -> daftar periode kerja, mis. senin: " + PERIODS_EXAMPLE);
            return periods;
        }
        int problemsBefore = yaml.problems().size();
        Map<DayOfWeek, Integer> lines = new EnumMap<>(DayOfWeek.class);
        for (NodeTuple tuple : days.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode s ? s.getValue() : String.valueOf(keyNode);
            String field = "hari." + key;
            DayOfWeek day = DAYS.get(key.strip().toLowerCase(Locale.ROOT));
            if (day == null) {
                yaml.problem(keyNode, "", field, "'" + key + "' bukan nama hari; yang boleh: " + DAY_NAMES);
                continue;
            }
            Integer earlier = lines.putIfAbsent(day, line(keyNode));
            if (earlier != null) {
                yaml.problem(keyNode, "", field, "hari ini sudah ditulis di baris " + earlier);
                continue;
            }
            periods.put(day, periods(yaml, tuple.getValueNode(), field));
        }
        boolean readable = yaml.problems().size() == problemsBefore;
        if (readable && periods.values().stream().allMatch(List::isEmpty)) {
            yaml.problem(node, "", "hari", "tidak ada satu pun periode kerja dalam seminggu; isi sedikitnya satu hari, mis. senin: "
                    + PERIODS_EXAMPLE);
        }
        return periods;
    }

    /** The periods of one day, sorted; problems for unreadable or overlapping ones. */
    private static List<OfficeHours.Period> periods(YamlFields yaml, Node node, String field) {
        List<OfficeHours.Period> periods = new ArrayList<>();
        if (node instanceof ScalarNode && "".equals(yaml.text(node, "", field))) {
            return periods; // "senin:" with nothing: no office hours, like []
        }
        if (!(node instanceof SequenceNode items)) {
            yaml.problem(node, "", field, "harus berupa daftar periode JJ:MM-JJ:MM, mis. " + PERIODS_EXAMPLE);
            return periods;
        }
        for (Node item : items.getValue()) {
            String text = yaml.text(item, "", field);
            if (text == null) {
                continue;
            }
            try {
                periods.add(OfficeHours.Period.parse(text));
            } catch (IllegalArgumentException e) {
                yaml.problem(item, "", field, e.getMessage());
            }
        }
        periods.sort(Comparator.comparing(OfficeHours.Period::start));
        for (int i = 1; i < periods.size(); i++) {
            OfficeHours.Period before = periods.get(i - 1);
            OfficeHours.Period period = periods.get(i);
            if (period.start().isBefore(before.end())) {
                yaml.problem(node, "", field, "periode " + before + " dan " + period + " bertumpang tindih");
            }
        }
        return periods;
    }

    // --- libur/<tahun>.yaml -----------------------------------------------------------------------------------

    /** The holidays of every file of the folder, sorted by date; the problems of every file go to {@code problems}. */
    private static List<Holiday> readHolidayFolder(Path dir, List<String> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": folder hari libur tidak ada");
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.yaml")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            problems.add(dir + ": folder hari libur tidak dapat dibaca (" + e.getMessage() + ")");
            return List.of();
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<Holiday> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(readHolidayFile(file, problems));
        }
        all.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(all);
    }

    /** The holidays of one file; none, with its problems added to {@code problems}, if it has any. */
    private static List<Holiday> readHolidayFile(Path file, List<String> problems) {
        YamlFields yaml = new YamlFields(file.toString());
        MappingNode root = root(file, yaml, problems);
        if (root == null) {
            return List.of();
        }
        Map<String, Node> top = yaml.fields(root, HOLIDAY_FILE_KEYS, "");
        Integer year = year(yaml, top.get("tahun"), root);
        String source = yaml.requiredText(top, "sumber", root, "");
        List<Holiday> holidays = new ArrayList<>();
        Node hari = top.get("hari");
        if (hari == null) {
            yaml.problem(root, "", "hari", "wajib diisi: daftar hari libur (- { tanggal: ..., nama: ..., jenis: ... }), "
                    + "atau [] bila belum ada");
        } else if (!(hari instanceof SequenceNode entries)) {
            yaml.problem(hari, "", "hari", "harus berupa daftar hari libur (- { tanggal: ..., nama: ..., jenis: ... }), "
                    + "atau [] bila belum ada");
        } else {
            Map<LocalDate, Integer> seen = new HashMap<>();
            int number = 0;
            for (Node entry : entries.getValue()) {
                number++;
                Holiday holiday = holiday(yaml, entry, "hari libur ke-" + number, year, source, seen);
                if (holiday != null) {
                    holidays.add(holiday);
                }
            }
        }
        problems.addAll(yaml.problems());
        return yaml.hasProblems() ? List.of() : holidays;
    }

    private static Integer year(YamlFields yaml, Node node, MappingNode root) {
        if (node == null) {
            yaml.problem(root, "", "tahun", "wajib diisi, mis. tahun: 2026");
            return null;
        }
        String text = yaml.text(node, "", "tahun");
        if (text == null) {
            return null;
        }
        try {
            int year = Integer.parseInt(text);
            if (year >= 1900 && year <= 2200) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        yaml.problem(node, "", "tahun", "'" + text + "' bukan tahun, mis. 2026");
        return null;
    }

    /** One entry of {@code hari}; null (with problems) when it cannot be used. */
    private static Holiday holiday(YamlFields yaml, Node node, String where, Integer year, String fileSource,
            Map<LocalDate, Integer> seen) {
        if (!(node instanceof MappingNode entry)) {
            yaml.problem(node, where, "hari", "harus berupa peta tanggal, nama, jenis, mis. "
                    + "{ tanggal: 2026-08-17, nama: Proklamasi Kemerdekaan, jenis: libur_nasional }");
            return null;
        }
        Map<String, Node> fields = yaml.fields(entry, HOLIDAY_KEYS, where);
        LocalDate date = date(yaml, fields, entry, where, year, seen);
        String name = yaml.requiredText(fields, "nama", entry, where);
        Holiday.Kind kind = kind(yaml, fields, entry, where);
        String source = fields.containsKey("sumber") ? yaml.requiredText(fields, "sumber", entry, where) : fileSource;
        if (date == null || name == null || kind == null || source == null) {
            return null;
        }
        return new Holiday(date, name, kind, source);
    }

    private static LocalDate date(YamlFields yaml, Map<String, Node> fields, MappingNode entry, String where,
            Integer year, Map<LocalDate, Integer> seen) {
        String text = yaml.requiredText(fields, "tanggal", entry, where);
        if (text == null) {
            return null;
        }
        Node node = fields.get("tanggal");
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException e) {
            yaml.problem(node, where, "tanggal", "'" + text + "' bukan tanggal yang valid (TTTT-BB-HH, mis. "
                    + (year == null ? 2026 : year) + "-08-17)");
            return null;
        }
        if (year != null && date.getYear() != year) {
            yaml.problem(node, where, "tanggal", "'" + date + "' tidak berada di tahun " + year + " (isian 'tahun' berkas ini)");
            return null;
        }
        Integer earlier = seen.putIfAbsent(date, line(node));
        if (earlier != null) {
            yaml.problem(node, where, "tanggal", "'" + date + "' sudah tercantum di baris " + earlier
                    + "; gabungkan namanya dalam satu entri");
            return null;
        }
        return date;
    }

    private static Holiday.Kind kind(YamlFields yaml, Map<String, Node> fields, MappingNode entry, String where) {
        String text = yaml.requiredText(fields, "jenis", entry, where);
        if (text == null) {
            return null;
        }
        Holiday.Kind kind = KINDS.get(text.toLowerCase(Locale.ROOT));
        if (kind == null) {
            yaml.problem(fields.get("jenis"), where, "jenis", "'" + text
                    + "' tidak dikenal; pilih libur_nasional, cuti_bersama atau libur_lokal");
        }
        return kind;
    }

    // --- both -------------------------------------------------------------------------------------------------

    /** The file's top-level mapping; null with a problem when it cannot be read or is not a mapping. */
    private static MappingNode root(Path file, YamlFields yaml, List<String> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.add(file + ": berkas tidak ada");
            return null;
        } catch (IOException e) {
            problems.add(file + ": tidak dapat dibaca (" + e.getMessage() + ")");
            return null;
        }
        Node root = yaml.compose(new StringReader(text));
        if (yaml.hasProblems()) {
            problems.addAll(yaml.problems());
            return null;
        }
        if (!(root instanceof MappingNode map)) {
            problems.add(file + ": berkas kosong atau bukan peta YAML");
            return null;
        }
        return map;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static void failOn(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new CalendarFileException(problems);
        }
    }
}
