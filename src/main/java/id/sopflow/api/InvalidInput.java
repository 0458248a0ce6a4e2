package id.sopflow.api;

/**
 * The caller sent something wrong: a missing or unreadable field or parameter, a value out of range, an unknown
 * choice. Answered 400 with the message as the problem's detail, so the message is written for the person who
 * sent the request, in Bahasa Indonesia, naming the field and what is accepted, e.g.
 * {@code "jenis 'libur' tidak dikenal; gunakan libur_nasional, cuti_bersama atau libur_lokal"}.
 */
public final class InvalidInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInput(String message) {
        super(message);
    }
}
