package id.sopflow.organisation;

/**
 * Who a notification is addressed to, or who holds a step: a role (a group, within the kecamatan the
 * notification belongs to) or one user. Stored and shown as {@code grup:<role>} or {@code pengguna:<id>}.
 */
public record Recipient(Kind kind, String id) {

    public enum Kind { GROUP, USER }

    private static final String GROUP_PREFIX = "grup:";
    private static final String USER_PREFIX = "pengguna:";

    public Recipient {
        if (kind == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException("penerima tidak lengkap");
        }
    }

    public static Recipient group(Role role) {
        return new Recipient(Kind.GROUP, role.id());
    }

    public static Recipient group(String groupId) {
        return new Recipient(Kind.GROUP, groupId);
    }

    public static Recipient user(String userId) {
        return new Recipient(Kind.USER, userId);
    }

    /** Reads {@link #format()}; a bare id is a user. */
    public static Recipient parse(String text) {
        if (text.startsWith(GROUP_PREFIX)) {
            return group(text.substring(GROUP_PREFIX.length()));
        }
        return user(text.startsWith(USER_PREFIX) ? text.substring(USER_PREFIX.length()) : text);
    }

    public boolean isGroup() {
        return kind == Kind.GROUP;
    }

    /** {@code grup:sekcam} or {@code pengguna:pelaksana.ajibarang}. */
    public String format() {
        return (isGroup() ? GROUP_PREFIX : USER_PREFIX) + id;
    }

    /** In a sentence: "grup sekcam" or the user id. */
    public String label() {
        return isGroup() ? "grup " + id : id;
    }
}
