package id.sopflow.calendar;

import java.time.Instant;
import java.util.Optional;

/**
 * A closed day added at run time by the admin (a local holiday or a late-announced cuti bersama),
 * on top of the holiday files.
 *
 * @param kecamatan the kecamatan it applies to, empty for every kecamatan of the installation
 */
public record AddedHoliday(Holiday holiday, Optional<String> kecamatan, String addedBy, Instant addedAt) {

    public boolean appliesTo(String kecamatanId) {
        return kecamatan.isEmpty() || kecamatan.get().equals(kecamatanId);
    }
}
