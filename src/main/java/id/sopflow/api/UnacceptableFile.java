package id.sopflow.api;

/**
 * An uploaded file SOPflow does not take: empty or with a bad name (400), over the size limit (413), of a type it does
 * not accept by its content (415). The message names the file and what is accepted.
 */
public final class UnacceptableFile extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a file is refused, and so the status of the answer. */
    public enum Reason {
        /** Empty, or a name with path parts or control characters: 400. */
        INVALID,
        /** Over the configured limit: 413. */
        TOO_LARGE,
        /** Not one of the accepted types by its content, or a name that says another type: 415. */
        UNSUPPORTED_TYPE
    }

    private final Reason reason;

    public UnacceptableFile(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** A size for people: "20 MB", "512 KB". */
    public static String megabytes(long bytes) {
        if (bytes >= 1024 * 1024) {
            long mb = bytes / (1024 * 1024);
            return (bytes % (1024 * 1024) == 0 ? String.valueOf(mb) : String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024)).replace('.', ',')) + " MB";
        }
        return Math.max(1, bytes / 1024) + " KB";
    }
}
