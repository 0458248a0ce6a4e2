package id.sopflow.api;

/**
 * The caller may see the thing but may not do this to it (another role's step, a document of someone else's step).
 * Answered 403 with the message as the problem's detail, saying who may.
 */
public final class Forbidden extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
        super(message);
    }
}
