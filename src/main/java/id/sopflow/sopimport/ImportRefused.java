package id.sopflow.sopimport;

/**
 * An import that did not happen, with a message in Bahasa Indonesia naming the file and what is wrong. Nothing was
 * written.
 */
public final class ImportRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: the person fixes the document, the names, or says that the draft may be replaced. */
    public enum Reason {
        /** Not a .docx or .xlsx, damaged, without a table, or without the columns an SOP table needs. */
        UNREADABLE_DOCUMENT,
        /** The kecamatan folder or the kode is not a valid name. */
        INVALID_NAME,
        /** A draft or an SOP of that kode is already in the kecamatan's folder. */
        ALREADY_EXISTS
    }

    private final Reason reason;

    ImportRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    ImportRefused(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
