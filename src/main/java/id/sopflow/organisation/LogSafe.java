package id.sopflow.organisation;

/** Text a client chose (a user name) made safe for one log line: no control characters, bounded length. */
public final class LogSafe {

    static final int MAX = 64;

    private LogSafe() {
    }

    public static String name(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX + 1));
        text.codePoints().limit(MAX).forEach(c -> sb.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c));
        if (text.codePointCount(0, text.length()) > MAX) {
            sb.append('…');
        }
        return sb.toString();
    }
}
