package id.sopflow.engine;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Set;

/**
 * A request that waited longer than the database lets it for a row another request holds (two requests on the same
 * step or document at once): the losing side of a race, answered 409, not a fault. Recognised by the JDBC exception in
 * the cause chain, whoever wrapped it: a timeout, or the SQL state of a lock wait or deadlock (H2 HYT00, PostgreSQL
 * 55P03, 40P01, and 40001 for a serialization failure).
 */
public final class LockWait {

    private static final Set<String> STATES = Set.of("HYT00", "55P03", "40P01", "40001");

    private LockWait() {
    }

    public static boolean is(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTimeoutException || (t instanceof SQLException sql && STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
