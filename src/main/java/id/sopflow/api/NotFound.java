package id.sopflow.api;

/**
 * The thing asked for does not exist, or the caller may not see it (so its existence does not leak). Answered
 * 404 with the message, in Bahasa Indonesia, as the problem's detail, e.g. {@code "SOP 'lkip' tidak ada"}.
 */
public final class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message);
    }
}
