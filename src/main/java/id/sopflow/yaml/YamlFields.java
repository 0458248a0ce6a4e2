package id.sopflow.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of one YAML file being read, and the problems found in it. Problems read
 * {@code <file> baris <line>, <where>, isian '<field>': <message>}; the reader decides when to stop.
 */
public final class YamlFields {

    private final String file;
    private final List<String> problems = new ArrayList<>();

    public YamlFields(String file) {
        this.file = file;
    }

    /**
     * Parses the document into nodes. A key written twice in one mapping is not an error here (composing keeps
     * both): {@link #fields} reports it.
     *
     * @return the root node, or null with a problem recorded if the text is not valid YAML
     */
    public Node compose(Reader source) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(options).compose(source);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(file + " baris " + line + ": YAML tidak valid: " + e.getProblem());
        } catch (RuntimeException e) {
            problems.add(file + ": YAML tidak valid: " + e.getMessage());
        }
        return null;
    }

    public String file() {
        return file;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * The fields of a mapping by key; a key not in {@code allowed} is a problem (a typo, most often), and so is a key
     * written twice (the first one counts).
     */
    public Map<String, Node> fields(MappingNode map, Set<String> allowed, String where) {
        Map<String, Node> result = new LinkedHashMap<>();
        Map<String, Node> keys = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
            if (!allowed.contains(key)) {
                problem(tuple.getKeyNode(), where, key, "isian tidak dikenal; yang boleh: " + String.join(", ", new TreeSet<>(allowed)));
                continue;
            }
            Node earlier = keys.putIfAbsent(key, tuple.getKeyNode());
            if (earlier != null) {
                problem(tuple.getKeyNode(), where, key, "isian ini sudah ditulis di baris " + (earlier.getStartMark().getLine() + 1));
                continue;
            }
            result.put(key, tuple.getValueNode());
        }
        return result;
    }

    /** The text of a required field; null with a problem if it is missing or blank. */
    public String requiredText(Map<String, Node> fields, String key, Node parent, String where) {
        Node node = fields.get(key);
        String value = text(node, where, key);
        if (value == null || value.isBlank()) {
            if (node == null || value != null) {
                problem(node == null ? parent : node, where, key, "wajib diisi");
            }
            return null;
        }
        return value;
    }

    /** The text of an optional field, "" when absent. */
    public String optionalText(Map<String, Node> fields, String key, String where) {
        String value = text(fields.get(key), where, key);
        return value == null ? "" : value;
    }

    /** A scalar as stripped text ("" for YAML null); null with a problem when it is not a scalar. */
    public String text(Node node, String where, String key) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return "null".equals(scalar.getTag().getValue().replace("tag:yaml.org,2002:", "")) ? "" : scalar.getValue().strip();
        }
        problem(node, where, key, "harus berupa teks");
        return null;
    }

    /** A whole number; null (with a problem unless absent) otherwise. */
    public Integer integer(Node node, String where, String key) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            try {
                return Integer.valueOf(scalar.getValue().strip());
            } catch (NumberFormatException e) {
                problem(node, where, key, "'" + scalar.getValue() + "' bukan bilangan bulat");
                return null;
            }
        }
        problem(node, where, key, "harus berupa bilangan bulat");
        return null;
    }

    /** A list of texts (a single scalar counts as a list of one); blank items are dropped. */
    public List<String> textList(Node node, String where, String key) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode scalar) {
            String v = scalar.getValue().strip();
            return v.isEmpty() ? List.of() : List.of(v);
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(node, where, key, "harus berupa daftar teks");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : seq.getValue()) {
            String v = text(item, where, key);
            if (v != null && !v.isBlank()) {
                values.add(v);
            }
        }
        return values;
    }

    /** Records a problem at the node's line. */
    public void problem(Node node, String where, String field, String message) {
        StringBuilder sb = new StringBuilder(file);
        if (node != null) {
            sb.append(" baris ").append(node.getStartMark().getLine() + 1);
        }
        if (where != null && !where.isBlank()) {
            sb.append(", ").append(where.strip());
        }
        sb.append(", isian '").append(field).append("': ").append(message);
        problems.add(sb.toString());
    }
}
