package id.sopflow.web;

import id.sopflow.calendar.WorkingTimeWords;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages say moments and amounts of working time: "Senin, 28 Desember 2026 07.35 WIB", "terlambat 2 hari kerja". */
final class Formats {

    static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy HH.mm", INDONESIAN);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", INDONESIAN);

    private Formats() {
    }

    /** A moment in a zone with its Indonesian name: "Senin, 28 Desember 2026 07.35 WIB"; "-" for none. */
    static String moment(Instant instant, ZoneId zone) {
        return instant == null ? "-" : MOMENT.format(instant.atZone(zone)) + " " + zoneName(zone, instant);
    }

    static String date(java.time.LocalDate date) {
        return DATE.format(date);
    }

    /** WIB, WITA or WIT by the zone's offset at that moment; the zone id otherwise. */
    static String zoneName(ZoneId zone, Instant at) {
        int hours = zone.getRules().getOffset(at == null ? Instant.EPOCH : at).getTotalSeconds() / 3600;
        return switch (hours) {
            case 7 -> "WIB";
            case 8 -> "WITA";
            case 9 -> "WIT";
            default -> zone.getId();
        };
    }

    /** "terlambat 2 hari 3 jam kerja" for working minutes past a deadline; "tepat waktu" for none. */
    static String late(long workingMinutes) {
        return workingMinutes <= 0 ? "tepat waktu" : "terlambat " + WorkingTimeWords.of(workingMinutes);
    }

    /** "sisa 3 jam kerja" for working minutes left; "terlambat ..." once none are left. */
    static String left(long workingMinutesLeft, long workingMinutesLate) {
        return workingMinutesLate > 0 ? late(workingMinutesLate)
                : workingMinutesLeft > 0 ? "sisa " + WorkingTimeWords.of(workingMinutesLeft) : "tenggat sekarang";
    }
}
