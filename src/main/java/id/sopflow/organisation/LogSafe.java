package id.sopflow.organisation;

/**
 * Text typed by someone outside (the user id of a login attempt) made safe for one log line. Whoever can
 * reach the login form chooses that text: with a line break in it they could forge log lines
 * ({@code "admin\n2026-03-02 INFO Pengguna 'admin' masuk"}), with terminal escapes colour an operator's
 * console, with a megabyte of it fill the disk. So every control or invisible formatting character (CR, LF,
 * TAB, ESC, NEL, the Unicode line and paragraph separators, right-to-left overrides, ...) becomes {@code ?},
 * and the text is cut after {@value #MAX_LENGTH} characters with {@code …}: {@code "a\r\nb"} is logged as
 * {@code a??b}. Every log line that prints a user-supplied name goes through {@link #name}. Plain Java.
 */
final class LogSafe {

    /** Camunda user ids have at most 64 characters; anything longer is not a user of SOPflow anyway. */
    static final int MAX_LENGTH = 64;

    private LogSafe() {
    }

    /** The name as it may appear in a log line; {@code null} is logged as an empty name. */
    static String name(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(Math.min(raw.length(), MAX_LENGTH + 1));
        int count = 0;
        for (int i = 0; i < raw.length(); ) {
            int codePoint = raw.codePointAt(i);
            i += Character.charCount(codePoint);
            if (count == MAX_LENGTH) {
                return safe.append('…').toString();
            }
            safe.appendCodePoint(isUnsafe(codePoint) ? '?' : codePoint);
            count++;
        }
        return safe.toString();
    }

    private static boolean isUnsafe(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
