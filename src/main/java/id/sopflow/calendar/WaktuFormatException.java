package id.sopflow.calendar;

/**
 * A Waktu text from an SOP table that cannot be read as office time. The message names the text, why it was
 * refused and which forms are accepted.
 */
public final class WaktuFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    static final String ACCEPTED = "yang diterima: angka lalu satuan menit, jam, hari, hari kerja, minggu "
            + "atau bulan, boleh berupa rentang; contoh \"30 menit\", \"1,5 jam\", \"2 hari kerja\", "
            + "\"2-3 hari\", \"2 s/d 3 hari\", \"2 minggu\"";

    private final String text;

    WaktuFormatException(String text, String reason) {
        super("Waktu \"" + text + "\" tidak terbaca: " + reason + "; " + ACCEPTED);
        this.text = text;
    }

    /** The text that was refused, exactly as given. */
    public String text() {
        return text;
    }
}
