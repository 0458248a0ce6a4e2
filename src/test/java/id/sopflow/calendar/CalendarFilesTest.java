package id.sopflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void periodEndingBeforeItStarts() throws IOException {
        Path file = write("jam-kerja.yaml", """
                hari:
                  senin: ["07:30-12:00", "13:00-16:00"]
                  selasa: ["16:00-07:30"]
                """);

        assertThatThrownBy(() -> CalendarFiles.readOfficeHours(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("hari 'selasa', periode ke-1")
                .hasMessageContaining("\"16:00-07:30\"");
    }

    @Test
    void otherOfficeHoursMistakes() throws IOException {
        Path unknownDay = write("a.yaml", "hari:\n  senen: [\"07:30-12:00\"]\n");
        assertThatThrownBy(() -> CalendarFiles.readOfficeHours(unknownDay))
                .hasMessageContaining(unknownDay.toString()).hasMessageContaining("hari 'senen'");

        Path overlap = write("b.yaml", "hari:\n  senin: [\"07:30-12:00\", \"11:00-16:00\"]\n");
        assertThatThrownBy(() -> CalendarFiles.readOfficeHours(overlap))
                .hasMessageContaining(overlap.toString()).hasMessageContaining("overlaps");

        Path notAList = write("c.yaml", "hari:\n  senin: 07:30-12:00\n");
        assertThatThrownBy(() -> CalendarFiles.readOfficeHours(notAList))
                .hasMessageContaining("hari 'senin'").hasMessageContaining("daftar periode");

        Path badTime = write("d.yaml", "hari:\n  senin: [\"07:30-12:75\"]\n");
        assertThatThrownBy(() -> CalendarFiles.readOfficeHours(badTime))
                .hasMessageContaining("hari 'senin', periode ke-1").hasMessageContaining("\"12:75\"");

        Path badZone = write("e.yaml", "zona: Asia/Bandung\nhari:\n  senin: [\"07:30-12:00\"]\n");
        assertThatThrownBy(() -> CalendarFiles.readZone(badZone))
                .hasMessageContaining(badZone.toString()).hasMessageContaining("field 'zona'")
                .hasMessageContaining("Asia/Bandung");

        Path unknownKey = write("f.yaml", "jam: x\nhari:\n  senin: [\"07:30-12:00\"]\n");
        assertThatThrownBy(() -> CalendarFiles.readOfficeHours(unknownKey))
                .hasMessageContaining("field 'jam'").hasMessageContaining("tidak dikenal");

        Path noDays = write("g.yaml", "zona: WIB\n");
        assertThatThrownBy(() -> CalendarFiles.readOfficeHours(noDays)).hasMessageContaining("field 'hari'");

        Path missing = tmp.resolve("tidak-ada.yaml");
        assertThatThrownBy(() -> CalendarFiles.readOfficeHours(missing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
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
    void badDate() throws IOException {
        Path file = write("libur/2025.yaml", HEADER + """
                  - { tanggal: 2025-01-01, nama: Tahun Baru, jenis: libur_nasional }
                  - { tanggal: 2025-02-30, nama: Tanggal Salah, jenis: libur_nasional }
                """);

        assertThatThrownBy(() -> CalendarFiles.readHolidays(tmp.resolve("libur")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("entri ke-2")
                .hasMessageContaining("Tanggal Salah")
                .hasMessageContaining("field 'tanggal'")
                .hasMessageContaining("\"2025-02-30\"");
    }

    @Test
    void unknownJenis() throws IOException {
        Path file = write("libur/2025.yaml", HEADER + """
                  - { tanggal: 2025-05-01, nama: Hari Buruh, jenis: libur_nsional }
                """);

        assertThatThrownBy(() -> CalendarFiles.readHolidays(tmp.resolve("libur")))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("entri ke-1 (tanggal 2025-05-01, \"Hari Buruh\")")
                .hasMessageContaining("field 'jenis'")
                .hasMessageContaining("\"libur_nsional\"")
                .hasMessageContaining("libur_nasional, cuti_bersama atau libur_lokal");
    }

    @Test
    void otherHolidayFileMistakes() throws IOException {
        assertRefused(HEADER + "  - { tanggal: 2025-05-01, jenis: libur_nasional }\n",
                "entri ke-1 (tanggal 2025-05-01), field 'nama': wajib diisi");
        assertRefused(HEADER + "  - { tanggal: 2024-05-01, nama: X, jenis: libur_nasional }\n",
                "field 'tanggal': 2024-05-01 tidak berada di tahun 2025");
        assertRefused(HEADER + "  - { tanggal: 2025-05-01, nama: X, jenis: libur_nasional }\n"
                        + "  - { tanggal: 2025-05-01, nama: Y, jenis: cuti_bersama }\n",
                "entri ke-2 (tanggal 2025-05-01, \"Y\"), field 'tanggal': 2025-05-01 sudah ada di entri ke-1");
        assertRefused(HEADER + "  - { tanggal: 2025-05-01, nama: X, jenis: libur_nasional, jnis: y }\n",
                "entri ke-1 (tanggal 2025-05-01, \"X\"), field 'jnis': tidak dikenal");
        assertRefused(HEADER + "  - 2025-05-01\n", "hari, entri ke-1: wajib berupa peta");
        assertRefused("tahun: dua ribu\nsumber: x\nhari: []\n", "field 'tahun'");
        assertRefused("tahun: 2025\nhari: []\n", "field 'sumber': wajib diisi");
        assertRefused("tahun: 2025\nsumber: x\n", "field 'hari'");
        assertRefused("tahun: 2025\nsumber: x\nhari: []\ntahun: 2026\n", "bukan YAML yang sah");
        assertRefused("- a\n- b\n", "wajib berupa peta");
        assertRefused("tahun: 2025\nsumber: x\nhari: [ {\n", "bukan YAML yang sah");
    }

    @Test
    void emptyYearIsAllowedMissingFolderIsNot() throws IOException {
        write("libur/2027.yaml", "tahun: 2027\nsumber: belum terbit\nhari: []\n");
        assertThat(CalendarFiles.readHolidays(tmp.resolve("libur"))).isEmpty();

        assertThatThrownBy(() -> CalendarFiles.readHolidays(tmp.resolve("tidak-ada")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tidak-ada");
    }

    private void assertRefused(String content, String expected) throws IOException {
        Path file = write("rusak/2025.yaml", content);
        assertThatThrownBy(() -> CalendarFiles.readHolidays(file.getParent()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(expected);
    }
}
