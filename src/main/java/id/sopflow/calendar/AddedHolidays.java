package id.sopflow.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where the days added at run time are kept (a database table in the application). */
public interface AddedHolidays {

    List<AddedHoliday> all();

    /** Adds the day; false if that date is already added for the same kecamatan (nothing changes). */
    boolean add(AddedHoliday day);

    /** Removes an added day; false if there was none. */
    boolean remove(LocalDate date, Optional<String> kecamatan);

    /** No added days: for tools and tests that use the files alone. */
    AddedHolidays NONE = new AddedHolidays() {
        @Override
        public List<AddedHoliday> all() {
            return List.of();
        }

        @Override
        public boolean add(AddedHoliday day) {
            throw new UnsupportedOperationException("no store for added holidays");
        }

        @Override
        public boolean remove(LocalDate date, Optional<String> kecamatan) {
            return false;
        }
    };
}
