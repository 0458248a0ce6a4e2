package id.sopflow.calendar;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Waktu (time standard) of one step of an SOP, as written in the mutu baku column, read into office time.
 *
 * <p><b>How a Waktu text is read</b> (project decision, case-insensitive, extra spaces ignored):
 * <ul>
 *   <li>a number then a unit: {@code menit} = office minutes; {@code jam} = 60 office minutes;
 *       {@code hari} and {@code hari kerja} = working days; {@code minggu} = 5 working days;
 *       {@code bulan} = 20 working days (4 minggu);</li>
 *   <li>a decimal comma or point is allowed for menit and jam when the result is a whole number of minutes
 *       ("1,5 jam" = 90 menit, "0.25 jam" = 15 menit); days, weeks and months must be whole
 *       ("0,5 hari" is refused: write "4 jam" or similar instead);</li>
 *   <li>a range "2-3 hari" (also "2 - 3 hari", "2 s/d 3 hari", "2 sampai 3 hari", "2 sampai dengan 3 hari",
 *       "2 hingga 3 hari") sets {@link #target()} to the low end and {@link #limit()} to the high end; the
 *       low end must be smaller than the high end. Deadlines use the limit; the target is reported;</li>
 *   <li>the number must be more than zero; a text without a number or without a known unit ("sebentar", "5",
 *       "5 detik", "-1 hari", "0 menit") is a {@link WaktuFormatException} naming the text;</li>
 *   <li>a blank or missing Waktu means "waktu belum ditetapkan": {@link #parse} returns an empty Optional and the
 *       step has no deadline. It is reported, never guessed.</li>
 * </ul>
 *
 * @param text   the text as written in the SOP (trimmed; non-breaking spaces read as spaces)
 * @param target the expected duration (the low end of a range; equal to {@code limit} otherwise)
 * @param limit  the maximum duration, used for the deadline
 */
public record Waktu(String text, WorkAmount target, WorkAmount limit) {

    private static final String NUMBER = "(\\d+(?:[.,]\\d+)?)";
    private static final String RANGE_SEPARATOR =
            " ?(?:-|\u2013|\u2014|s/d|s\\.d\\.?|sampai dengan|sampai|hingga) ?";
    private static final Pattern FORM = Pattern.compile(
            NUMBER + "(?:" + RANGE_SEPARATOR + NUMBER + ")? ?(menit|jam|hari kerja|hari|minggu|bulan)");
    private static final Pattern LOOSE = Pattern.compile("(-)? ?(\\d+(?:[.,]\\d+)?)(?:" + RANGE_SEPARATOR
            + "-? ?\\d+(?:[.,]\\d+)?)? ?(.*)");

    /** Upper bound against typing errors: about ten years of office time. */
    static final long MAX_WORKING_DAYS = 2_600;
    static final long MAX_MINUTES = MAX_WORKING_DAYS * 450;

    public Waktu {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(limit, "limit");
        if (target.unit() != limit.unit()) {
            throw new IllegalArgumentException("Waktu \"" + text + "\": target " + target + " and limit " + limit
                    + " must have the same unit");
        }
        if (target.amount() > limit.amount()) {
            throw new IllegalArgumentException("Waktu \"" + text + "\": target " + target
                    + " must not be more than limit " + limit);
        }
    }

    /**
     * Reads a Waktu text from an SOP table.
     *
     * @param text the text, e.g. "30 Menit", "1 hari kerja", "2-3 hari"; may be null or blank
     * @return empty for a null or blank text ("waktu belum ditetapkan": no deadline), otherwise the Waktu
     * @throws WaktuFormatException when the text is not blank and cannot be read; the message names the text
     */
    public static Optional<Waktu> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.replace('\u00A0', ' ').strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        String normal = trimmed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = FORM.matcher(normal);
        if (!m.matches()) {
            throw new WaktuFormatException(trimmed, explain(normal));
        }
        String unit = m.group(3);
        WorkAmount low = amount(trimmed, m.group(1), unit);
        if (m.group(2) == null) {
            return Optional.of(new Waktu(trimmed, low, low));
        }
        WorkAmount high = amount(trimmed, m.group(2), unit);
        if (low.amount() >= high.amount()) {
            throw new WaktuFormatException(trimmed,
                    "batas bawah rentang harus lebih kecil dari batas atas (" + low + " vs " + high + ")");
        }
        return Optional.of(new Waktu(trimmed, low, high));
    }

    /** True when the text was a range such as "2-3 hari" (target differs from limit). */
    public boolean isRange() {
        return !target.equals(limit);
    }

    private static WorkAmount amount(String text, String number, String unit) {
        BigDecimal value = new BigDecimal(number.replace(',', '.'));
        if (value.signum() == 0) {
            throw new WaktuFormatException(text, "angka harus lebih dari nol");
        }
        WorkAmount.Unit kind;
        BigDecimal units;
        switch (unit) {
            case "menit" -> { kind = WorkAmount.Unit.MINUTES; units = value; }
            case "jam" -> { kind = WorkAmount.Unit.MINUTES; units = value.multiply(BigDecimal.valueOf(60)); }
            case "hari", "hari kerja" -> { kind = WorkAmount.Unit.WORKING_DAYS; units = value; }
            case "minggu" -> { kind = WorkAmount.Unit.WORKING_DAYS; units = value.multiply(BigDecimal.valueOf(5)); }
            case "bulan" -> { kind = WorkAmount.Unit.WORKING_DAYS; units = value.multiply(BigDecimal.valueOf(20)); }
            default -> throw new IllegalStateException("unit " + unit);
        }
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        if (kind == WorkAmount.Unit.WORKING_DAYS && !whole) {
            throw new WaktuFormatException(text, "\"" + number + " " + unit
                    + "\" bukan bilangan bulat; hari, minggu dan bulan tidak boleh pecahan (tulis dalam jam atau menit)");
        }
        if (units.stripTrailingZeros().scale() > 0) {
            throw new WaktuFormatException(text, "\"" + number + " " + unit + "\" bukan menit bulat");
        }
        long max = kind == WorkAmount.Unit.MINUTES ? MAX_MINUTES : MAX_WORKING_DAYS;
        if (units.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new WaktuFormatException(text, "angka terlalu besar (lebih dari sekitar sepuluh tahun kerja)");
        }
        return new WorkAmount(units.longValueExact(), kind);
    }

    private static String explain(String normal) {
        Matcher loose = LOOSE.matcher(normal);
        if (!loose.matches()) {
            return "tidak diawali angka";
        }
        if (loose.group(1) != null) {
            return "angka tidak boleh negatif";
        }
        String rest = loose.group(3).strip();
        if (rest.isEmpty()) {
            return "satuan tidak ada";
        }
        return "satuan \"" + rest + "\" tidak dikenal";
    }
}
