package id.sopflow.yaml;

import java.util.List;

/**
 * One of SOPflow's own files that cannot be used, with every problem found in it, each naming the file, the
 * line and the field (see {@link YamlFields}). Nothing is read from a file with a problem. Each kind of file
 * has its own subclass, which names it in the message.
 */
public class InvalidFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    /** @param what what is invalid, as the message starts: "SOP", "Berkas kalender", "Berkas organisasi" */
    protected InvalidFileException(String what, List<String> problems) {
        super(format(what, problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file and line order. */
    public List<String> problems() {
        return problems;
    }

    private static String format(String what, List<String> problems) {
        if (problems.size() == 1) {
            return what + " tidak valid: " + problems.get(0);
        }
        return what + " tidak valid (" + problems.size() + " masalah):\n- " + String.join("\n- ", problems);
    }
}
