package id.sopflow.calendar;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The added days in table {@code SOPFLOW_HARI_LIBUR} (created by the Flyway migrations of {@code db/migration}). */
@Component
class JdbcAddedHolidays implements AddedHolidays {

    /** Stored for "every kecamatan", since a primary key column cannot be null. */
    private static final String ALL = "*";

    private final JdbcTemplate jdbc;

    JdbcAddedHolidays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AddedHoliday> all() {
        return jdbc.query("select tanggal, nama, jenis, sumber, kecamatan, dibuat_oleh, dibuat_pada "
                + "from SOPFLOW_HARI_LIBUR order by tanggal", (rs, i) -> new AddedHoliday(
                new Holiday(rs.getDate("tanggal").toLocalDate(), rs.getString("nama"),
                        Holiday.Kind.valueOf(rs.getString("jenis")), rs.getString("sumber")),
                ALL.equals(rs.getString("kecamatan")) ? Optional.empty() : Optional.of(rs.getString("kecamatan")),
                rs.getString("dibuat_oleh"), rs.getTimestamp("dibuat_pada").toInstant()));
    }

    @Override
    public boolean add(AddedHoliday day) {
        try {
            jdbc.update("insert into SOPFLOW_HARI_LIBUR (tanggal, kecamatan, nama, jenis, sumber, dibuat_oleh, dibuat_pada) "
                            + "values (?, ?, ?, ?, ?, ?, ?)",
                    java.sql.Date.valueOf(day.holiday().date()), day.kecamatan().orElse(ALL), day.holiday().name(),
                    day.holiday().kind().name(), day.holiday().source(), day.addedBy(), Timestamp.from(day.addedAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean remove(LocalDate date, Optional<String> kecamatan) {
        return jdbc.update("delete from SOPFLOW_HARI_LIBUR where tanggal = ? and kecamatan = ?",
                java.sql.Date.valueOf(date), kecamatan.orElse(ALL)) > 0;
    }
}
