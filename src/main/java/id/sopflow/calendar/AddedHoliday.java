package id.sopflow.calendar;

import id.sopflow.api.InvalidInput;

import java.time.Instant;
import java.util.Optional;

/**
 * A closed day added at run time by the admin (a local holiday or a late-announced cuti bersama),
 * on top of the holiday files. A name or source longer than the database keeps is refused with
 * {@link InvalidInput}: the admin typed it.
 *
 * @param kecamatan the kecamatan it applies to, empty for every kecamatan of the installation
 */
public record AddedHoliday(Holiday holiday, Optional<String> kecamatan, String addedBy, Instant addedAt) {

    /** The most characters of a name and of a source, as stored. */
    public static final int NAME_MAX = 255;
    public static final int SOURCE_MAX = 500;

    public AddedHoliday {
        if (holiday.name().length() > NAME_MAX) {
            throw new InvalidInput("isian 'nama' terlalu panjang (" + holiday.name().length() + " karakter, maksimal " + NAME_MAX + ")");
        }
        if (holiday.source() != null && holiday.source().length() > SOURCE_MAX) {
            throw new InvalidInput("isian 'sumber' terlalu panjang (" + holiday.source().length() + " karakter, maksimal "
                    + SOURCE_MAX + ")");
        }
    }

    public boolean appliesTo(String kecamatanId) {
        return kecamatan.isEmpty() || kecamatan.get().equals(kecamatanId);
    }
}
