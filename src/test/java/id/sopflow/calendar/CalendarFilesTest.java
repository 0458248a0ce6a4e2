package id.sopflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarFilesTest {

    static final Path KALENDER = Path.of("config", "kalender");
    static final String HEADER = "tahun: 2025\nsumber: SKB uji\nhari:\n";

    @TempDir
    Path tmp;

    Path write(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }


    @Test
    void jamKerjaIsPerpres21of2023InWib() {
        Path file = KALENDER.resolve("jam-kerja.yaml");
        assertThat(CalendarFiles.readOfficeHours(file)).isEqualTo(OfficeHours.perpres21of2023());
        assertThat(CalendarFiles.readZone(file)).isEqualTo(ZoneId.of("Asia/Jakarta"));
    }

    @Test
    void holidays2025And2026() {
        List<Holiday> all = CalendarFiles.readHolidays(KALENDER.resolve("libur"));

        List<Holiday> y2025 = all.stream().filter(h -> h.date().getYear() == 2025).toList();
        List<Holiday> y2026 = all.stream().filter(h -> h.date().getYear() == 2026).toList();
        // SKB 2025: 17 libur nasional, 10 cuti bersama, plus cuti bersama 18 Agustus 2025 (SKB perubahan)
        assertThat(y2025).filteredOn(h -> h.kind() == Holiday.Kind.LIBUR_NASIONAL).hasSize(17);
        assertThat(y2025).filteredOn(h -> h.kind() == Holiday.Kind.CUTI_BERSAMA).hasSize(11);
        // SKB 2026: 17 libur nasional, 8 cuti bersama
        assertThat(y2026).filteredOn(h -> h.kind() == Holiday.Kind.LIBUR_NASIONAL).hasSize(17);
        assertThat(y2026).filteredOn(h -> h.kind() == Holiday.Kind.CUTI_BERSAMA).hasSize(8);
        assertThat(all).extracting(Holiday::date).isSorted().doesNotHaveDuplicates();
        assertThat(all).allSatisfy(h -> assertThat(h.source()).contains("SKB"));

        assertThat(all).filteredOn(h -> h.kind() == Holiday.Kind.CUTI_BERSAMA)
                .extracting(Holiday::date)
                .contains(LocalDate.of(2025, 3, 28), LocalDate.of(2025, 4, 2), LocalDate.of(2025, 4, 3),
                        LocalDate.of(2025, 4, 4), LocalDate.of(2025, 4, 7), LocalDate.of(2025, 8, 18),
                        LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 24));
        assertThat(all).filteredOn(h -> h.kind() == Holiday.Kind.LIBUR_NASIONAL)
                .extracting(Holiday::date)
                .contains(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1), LocalDate.of(2025, 5, 1),
                        LocalDate.of(2025, 12, 25), LocalDate.of(2026, 3, 21), LocalDate.of(2026, 3, 22));
        // cuti bersama are meant to bridge working days: none falls on a weekend
        assertThat(all).filteredOn(h -> h.kind() == Holiday.Kind.CUTI_BERSAMA)
                .allSatisfy(h -> assertThat(h.date().getDayOfWeek())
                        .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void calendarFromTheKalenderFolder() {
        WorkingCalendar calendar = CalendarFiles.readCalendar(KALENDER);
        ZoneId wib = ZoneId.of("Asia/Jakarta");

        // Kamis 27 Maret 2025 + 1 hari kerja: Lebaran closes 28 Mar - 7 Apr
        assertThat(calendar.add(LocalDateTime.parse("2025-03-27T10:00").atZone(wib).toInstant(),
                Waktu.parse("1 hari kerja").orElseThrow()))
                .isEqualTo(LocalDateTime.parse("2025-04-08T10:00").atZone(wib).toInstant());
        // 2 minggu from Senin 16 Juni 2025 skips 1 Muharam (Jumat 27 Juni)
        assertThat(calendar.add(LocalDateTime.parse("2025-06-16T10:00").atZone(wib).toInstant(),
                Waktu.parse("2 minggu").orElseThrow()))
                .isEqualTo(LocalDateTime.parse("2025-07-01T10:00").atZone(wib).toInstant());
        // Jumat 14 Agustus 2026 + 1 hari: Senin 17 Agustus is a holiday
        assertThat(calendar.add(LocalDateTime.parse("2026-08-14T09:00").atZone(wib).toInstant(),
                Waktu.parse("1 hari").orElseThrow()))
                .isEqualTo(LocalDateTime.parse("2026-08-18T09:00").atZone(wib).toInstant());
        assertThat(calendar.workingTimeBetween(LocalDateTime.parse("2025-08-15T16:00").atZone(wib).toInstant(),
                LocalDateTime.parse("2025-08-19T08:00").atZone(wib).toInstant()))
                .isEqualTo(Duration.ofMinutes(30 + 30));
    }


    @Test
    void readsDaysZoneAndEmptyDays() throws IOException {
        Path file = write("jam-kerja.yaml", """
                zona: WITA
                hari:
                  senin: ["08:00-12:00", "13:00-16:00"]
                  jum'at:
                    - 08:00-11:00
                  sabtu: []
                  minggu:
                """);

        OfficeHours hours = CalendarFiles.readOfficeHours(file);

        assertThat(CalendarFiles.readZone(file)).isEqualTo(ZoneId.of("Asia/Makassar"));
        assertThat(hours.periods(DayOfWeek.MONDAY)).hasSize(2);
        assertThat(hours.periods(DayOfWeek.FRIDAY))
                .containsExactly(OfficeHours.Period.parse("08:00-11:00"));
        assertThat(hours.periods(DayOfWeek.TUESDAY)).isEmpty();
        assertThat(hours.weeklyTotal()).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void zoneDefaultsToWib() throws IOException {
        Path file = write("jam-kerja.yaml", "hari:\n  senin: [\"07:30-12:00\"]\n");
        assertThat(CalendarFiles.readZone(file)).isEqualTo(ZoneId.of("Asia/Jakarta"));
    }

    @Test
    void everyProblemOfJamKerjaAtOnceWithItsLineAndField() throws IOException {
        Path file = write("jam-kerja.yaml", """
                zona: Asia/Bandung
                jam: 07:30-16:00
                hari:
                  senin: ["07:30-12:00", "13:00-16:00"]
                  selasa: ["07:30-12:75", "13:00-16:00"]
                  rabu: ["07:30-12:00", "11:00-16:00"]
                  kamis: 07:30-16:00
                  jumat: ["13:00-07:30"]
                  jum'at: ["07:30-11:30"]
                  senen: []
                  sabtu: [[07:30, 12:00]]
                """);

        assertThat(problems(() -> CalendarFiles.readOfficeHours(file))).containsExactly(
                file + " baris 2, isian 'jam': isian tidak dikenal; yang boleh: hari, zona",
                file + " baris 1, isian 'zona': zona \"Asia/Bandung\" tidak dikenal; gunakan WIB, WITA, WIT atau id seperti Asia/Jakarta",
                file + " baris 5, isian 'hari.selasa': periode \"07:30-12:75\": \"12:75\" bukan jam JJ:MM",
                file + " baris 6, isian 'hari.rabu': periode 07:30-12:00 dan 11:00-16:00 bertumpang tindih",
                file + " baris 7, isian 'hari.kamis': harus berupa daftar periode JJ:MM-JJ:MM, mis. [\"07:30-12:00\", "
                        + "\"13:00-16:00\"], atau [] untuk hari tanpa jam kerja",
                file + " baris 8, isian 'hari.jumat': periode \"13:00-07:30\": jam mulai 13:00 harus sebelum jam selesai 07:30 "
                        + "(periode tidak boleh melewati tengah malam)",
                file + " baris 9, isian 'hari.jum'at': hari ini sudah ditulis di baris 8",
                file + " baris 10, isian 'hari.senen': 'senen' bukan nama hari; yang boleh: senin, selasa, rabu, kamis, jumat, "
                        + "sabtu, minggu",
                file + " baris 11, isian 'hari.sabtu': harus berupa teks");
        assertThatThrownBy(() -> CalendarFiles.readZone(file)).as("the zone of a broken file is not read either")
                .isInstanceOf(CalendarFileException.class)
                .hasMessageStartingWith("Berkas kalender tidak valid (9 masalah):\n- " + file + " baris 2, isian 'jam'");
    }

    @Test
    void jamKerjaWithoutAnyWorkingPeriodOrWithoutDays() throws IOException {
        Path noPeriod = write("a.yaml", "hari:\n  senin: []\n  sabtu:\n");
        assertThat(problems(() -> CalendarFiles.readOfficeHours(noPeriod))).containsExactly(noPeriod + " baris 2, isian 'hari': "
                + "tidak ada satu pun periode kerja dalam seminggu; isi sedikitnya satu hari, mis. senin: [\"07:30-12:00\", "
                + "\"13:00-16:00\"], atau [] untuk hari tanpa jam kerja");

        Path noDays = write("b.yaml", "zona: WIB\n");
        assertThat(problems(() -> CalendarFiles.readOfficeHours(noDays))).singleElement().asString()
                .startsWith(noDays + " baris 1, isian 'hari': wajib diisi");

        Path daysNotAMap = write("c.yaml", "hari: [\"07:30-12:00\"]\n");
        assertThat(problems(() -> CalendarFiles.readOfficeHours(daysNotAMap))).singleElement().asString()
                .startsWith(daysNotAMap + " baris 1, isian 'hari': harus berupa peta hari");

        Path missing = tmp.resolve("tidak-ada.yaml");
        assertThat(problems(() -> CalendarFiles.readOfficeHours(missing))).containsExactly(missing + ": berkas tidak ada");
        Path empty = write("d.yaml", "");
        assertThat(problems(() -> CalendarFiles.readOfficeHours(empty))).containsExactly(empty + ": berkas kosong atau bukan peta YAML");
    }

    @Test
    void readsEveryYamlFileSortedByDate() throws IOException {
        write("libur/2026.yaml", """
                tahun: 2026
                sumber: SKB 2026
                hari:
                  - { tanggal: 2026-01-01, nama: Tahun Baru 2026 Masehi, jenis: libur_nasional }
                """);
        write("libur/2025.yaml", HEADER + """
                  - tanggal: 2025-12-26
                    nama: Cuti bersama Natal
                    jenis: cuti_bersama
                  - tanggal: "2025-05-01"
                    nama: Hari Buruh
                    jenis: LIBUR_NASIONAL
                  - tanggal: 2025-06-20
                    nama: Hari Jadi Kabupaten
                    jenis: libur_lokal
                    sumber: Perda Kabupaten
                """);
        write("libur/catatan.txt", "bukan yaml");

        List<Holiday> holidays = CalendarFiles.readHolidays(tmp.resolve("libur"));

        assertThat(holidays).containsExactly(
                new Holiday(LocalDate.of(2025, 5, 1), "Hari Buruh", Holiday.Kind.LIBUR_NASIONAL, "SKB uji"),
                new Holiday(LocalDate.of(2025, 6, 20), "Hari Jadi Kabupaten", Holiday.Kind.LIBUR_LOKAL,
                        "Perda Kabupaten"),
                new Holiday(LocalDate.of(2025, 12, 26), "Cuti bersama Natal", Holiday.Kind.CUTI_BERSAMA,
                        "SKB uji"),
                new Holiday(LocalDate.of(2026, 1, 1), "Tahun Baru 2026 Masehi", Holiday.Kind.LIBUR_NASIONAL,
                        "SKB 2026"));
    }

    @Test
    void everyProblemOfAHolidayFileAtOnceWithItsLineAndField() throws IOException {
        Path file = write("libur/2026.yaml", """
                tahun: 2026
                sumber: SKB uji
                hari:
                  - { tanggal: 2026-01-01, nama: Tahun Baru 2026 Masehi, jenis: libur_nasional }
                  - { tanggal: 2026-02-30, nama: Tanggal Salah, jenis: libur_nasional }
                  - { tanggal: 2025-12-25, nama: Natal tahun lalu, jenis: libur_nasional }
                  - { tanggal: 2026-01-01, nama: Tahun Baru lagi, jenis: libur_nasional }
                  - { tanggal: 2026-05-01, nama: Hari Buruh, jenis: libur_nsional }
                  - { tanggal: 2026-06-01, jenis: libur_nasional }
                  - tanggal: 2026-08-17
                    nma: Proklamasi Kemerdekaan
                    jenis: libur_nasional
                  - 2026-12-25
                  - { tanggal: 2026-12-24, nama: Cuti bersama Natal, jenis: cuti_bersama, sumber: "" }
                """);

        assertThat(problems(() -> CalendarFiles.readHolidays(file.getParent()))).containsExactly(
                file + " baris 5, hari libur ke-2, isian 'tanggal': '2026-02-30' bukan tanggal yang valid (TTTT-BB-HH, mis. 2026-08-17)",
                file + " baris 6, hari libur ke-3, isian 'tanggal': '2025-12-25' tidak berada di tahun 2026 (isian 'tahun' berkas ini)",
                file + " baris 7, hari libur ke-4, isian 'tanggal': '2026-01-01' sudah tercantum di baris 4; gabungkan namanya "
                        + "dalam satu entri",
                file + " baris 8, hari libur ke-5, isian 'jenis': 'libur_nsional' tidak dikenal; pilih libur_nasional, cuti_bersama "
                        + "atau libur_lokal",
                file + " baris 9, hari libur ke-6, isian 'nama': wajib diisi",
                file + " baris 11, hari libur ke-7, isian 'nma': isian tidak dikenal; yang boleh: jenis, nama, sumber, tanggal",
                file + " baris 10, hari libur ke-7, isian 'nama': wajib diisi",
                file + " baris 13, hari libur ke-8, isian 'hari': harus berupa peta tanggal, nama, jenis, mis. "
                        + "{ tanggal: 2026-08-17, nama: Proklamasi Kemerdekaan, jenis: libur_nasional }",
                file + " baris 14, hari libur ke-9, isian 'sumber': wajib diisi");
    }

    @Test
    void mistakesInTheHeadOfAHolidayFile() throws IOException {
        Path file = write("libur/2025.yaml", """
                tahun: dua ribu
                sumbr: SKB uji
                hari:
                  - { tanggal: 2024-05-01, nama: Hari Buruh, jenis: libur_nasional }
                """);
        // no year to compare the date with: only the head is wrong
        assertThat(problems(() -> CalendarFiles.readHolidays(file.getParent()))).containsExactly(
                file + " baris 2, isian 'sumbr': isian tidak dikenal; yang boleh: hari, sumber, tahun",
                file + " baris 1, isian 'tahun': 'dua ribu' bukan tahun, mis. 2026",
                file + " baris 1, isian 'sumber': wajib diisi");

        assertRefused("sumber: x\n", " baris 1, isian 'tahun': wajib diisi, mis. tahun: 2026",
                " baris 1, isian 'hari': wajib diisi: daftar hari libur (- { tanggal: ..., nama: ..., jenis: ... }), atau [] bila belum ada");
        assertRefused("tahun: 2025\nsumber: x\nhari: libur\n", " baris 3, isian 'hari': harus berupa daftar hari libur");
        assertRefused("tahun: 2025\nsumber: x\nhari: []\ntahun: 2026\n", " baris 4, isian 'tahun': isian ini sudah ditulis di baris 1");
        assertRefused("- a\n- b\n", ": berkas kosong atau bukan peta YAML");
        assertRefused("tahun: 2025\nsumber: x\nhari: [ {\n", " baris 4: YAML tidak valid: ");
    }

    @Test
    void theProblemsOfEveryCalendarFileAreReportedTogetherAndNothingIsRead() throws IOException {
        Path hours = write("kalender/jam-kerja.yaml", "zona: WITB\nhari:\n  senin: [\"07:30-12:00\"]\n");
        write("kalender/libur/2025.yaml", HEADER + "  - { tanggal: 2025-05-01, nama: Hari Buruh, jenis: libur_nasional }\n");
        Path y2026 = write("kalender/libur/2026.yaml", """
                tahun: 2026
                sumber: SKB uji
                hari:
                  - { tanggal: 2026-01-01, nama: Tahun Baru 2026 Masehi, jenis: libur_nasional }
                  - { tanggal: 2026-13-01, nama: Bulan ke-13, jenis: libur_nasional }
                """);
        Path y2027 = write("kalender/libur/2027.yaml", "tahun: 2027\nsumber: belum terbit\nhari: []\njenis: x\n");

        assertThatThrownBy(() -> CalendarFiles.readCalendar(tmp.resolve("kalender")))
                .isInstanceOf(CalendarFileException.class)
                .hasMessage("Berkas kalender tidak valid (3 masalah):\n"
                        + "- " + hours + " baris 1, isian 'zona': zona \"WITB\" tidak dikenal; gunakan WIB, WITA, WIT atau id seperti "
                        + "Asia/Jakarta\n"
                        + "- " + y2026 + " baris 5, hari libur ke-2, isian 'tanggal': '2026-13-01' bukan tanggal yang valid "
                        + "(TTTT-BB-HH, mis. 2026-08-17)\n"
                        + "- " + y2027 + " baris 4, isian 'jenis': isian tidak dikenal; yang boleh: hari, sumber, tahun");
    }

    @Test
    void emptyYearIsAllowedMissingFolderIsNot() throws IOException {
        write("libur/2027.yaml", "tahun: 2027\nsumber: belum terbit\nhari: []\n");
        assertThat(CalendarFiles.readHolidays(tmp.resolve("libur"))).isEmpty();

        assertThatThrownBy(() -> CalendarFiles.readHolidays(tmp.resolve("tidak-ada")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tidak-ada");
    }

    private void assertRefused(String content, String... expected) throws IOException {
        Path file = write("rusak/2025.yaml", content);
        List<String> problems = problems(() -> CalendarFiles.readHolidays(file.getParent()));
        assertThat(problems).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(problems.get(i)).startsWith(file + expected[i]);
        }
    }

    /** The problems of the files that {@code reading} reads; it must fail. */
    private static List<String> problems(ThrowingCallable reading) {
        Throwable thrown = catchThrowable(reading);
        assertThat(thrown).isInstanceOf(CalendarFileException.class);
        return ((CalendarFileException) thrown).problems();
    }
}
