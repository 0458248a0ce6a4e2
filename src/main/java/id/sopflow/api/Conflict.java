package id.sopflow.api;

/**
 * The request is well formed but clashes with what is already there (the same day added twice). Answered 409
 * with the message, in Bahasa Indonesia, as the problem's detail; nothing was changed.
 */
public final class Conflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(message);
    }
}
