package id.sopflow.organisation;

import java.util.Collection;

/**
 * The keys of the SOP processes, provided by whoever owns the processes (the {@code sop} package), so that the
 * organisation can grant reading their history process by process without depending on it.
 */
@FunctionalInterface
public interface ProcessKeys {

    Collection<String> processKeys();
}
