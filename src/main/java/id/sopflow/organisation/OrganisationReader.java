package id.sopflow.organisation;

import id.sopflow.organisation.Organisation.Kecamatan;
import id.sopflow.organisation.Organisation.Member;
import id.sopflow.organisation.Organisation.Role;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads {@code organisasi.yaml} and validates all of it before anything is stored: every problem of
 * the file is reported at once, each with the file name and line. Plain Java (SnakeYAML only).
 */
final class OrganisationReader {

    static final Pattern KECAMATAN_ID = Pattern.compile("[a-z][a-z0-9-]*");
    static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    static final Set<String> ZONES = Set.of("WIB", "WITA", "WIT");

    private static final Set<String> TOP_KEYS = Set.of("kabupaten", "kecamatan", "bappeda", "peran", "pengguna");
    private static final Set<String> KABUPATEN_KEYS = Set.of("nama", "keterangan");
    private static final Set<String> KECAMATAN_KEYS = Set.of("id", "nama", "zona", "keterangan");
    private static final Set<String> BAPPEDA_KEYS = Set.of("nama");
    private static final Set<String> ROLE_KEYS = Set.of("id", "nama");
    private static final Set<String> USER_KEYS = Set.of("id", "nama", "peran", "kantor");

    Organisation read(Path file, String name) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OrganisationException(List.of(name + ": tidak dapat dibaca (" + e.getMessage() + ")"));
        }
        return read(new StringReader(text), name);
    }

    Organisation read(Reader source, String name) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(source);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new OrganisationException(List.of(name + " baris " + line + ": YAML tidak valid: " + e.getProblem()));
        } catch (RuntimeException e) {
            throw new OrganisationException(List.of(name + ": YAML tidak valid: " + e.getMessage()));
        }
        return new Parse(name).organisation(root);
    }

    /** One parse of one file; collects problems. */
    private static final class Parse {
        private final String file;
        private final List<String> problems = new ArrayList<>();

        Parse(String file) {
            this.file = file;
        }

        Organisation organisation(Node root) {
            if (!(root instanceof MappingNode map)) {
                throw new OrganisationException(List.of(file + ": berkas kosong atau bukan peta YAML"));
            }
            Map<String, Node> top = fields(map, TOP_KEYS, "");
            String kabupaten = null;
            Node kabupatenNode = top.get("kabupaten");
            if (kabupatenNode == null) {
                problem(map, "", "kabupaten", "wajib diisi (nama kabupaten)");
            } else if (kabupatenNode instanceof MappingNode k) {
                Map<String, Node> f = fields(k, KABUPATEN_KEYS, "kabupaten");
                kabupaten = requiredText(f, "nama", k, "kabupaten");
            } else {
                problem(kabupatenNode, "", "kabupaten", "harus berupa peta berisi nama");
            }
            List<Kecamatan> kecamatan = kecamatan(top.get("kecamatan"), map);
            String bappeda = null;
            Node bappedaNode = top.get("bappeda");
            if (bappedaNode == null) {
                problem(map, "", "bappeda", "wajib diisi (nama Bappeda)");
            } else if (bappedaNode instanceof MappingNode b) {
                Map<String, Node> f = fields(b, BAPPEDA_KEYS, "bappeda");
                bappeda = requiredText(f, "nama", b, "bappeda");
            } else {
                problem(bappedaNode, "", "bappeda", "harus berupa peta berisi nama");
            }
            List<Role> roles = roles(top.get("peran"), map);
            Set<String> offices = new HashSet<>();
            kecamatan.forEach(k -> offices.add(k.id()));
            List<Member> members = members(top.get("pengguna"), map, offices);
            if (!problems.isEmpty()) {
                throw new OrganisationException(problems);
            }
            return new Organisation(kabupaten, kecamatan, bappeda, roles, members);
        }

        private List<Kecamatan> kecamatan(Node node, MappingNode parent) {
            List<Kecamatan> result = new ArrayList<>();
            SequenceNode seq = list(node, parent, "kecamatan", "daftar kecamatan");
            if (seq == null) {
                return result;
            }
            Set<String> seen = new HashSet<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode map)) {
                    problem(item, "kecamatan", "kecamatan", "setiap kecamatan harus berisi id, nama dan zona");
                    continue;
                }
                Map<String, Node> f = fields(map, KECAMATAN_KEYS, "kecamatan");
                String id = requiredText(f, "id", map, "kecamatan");
                String where = id == null ? "kecamatan" : "kecamatan " + id;
                String nama = requiredText(f, "nama", map, where);
                String zona = requiredText(f, "zona", map, where);
                String keterangan = optionalText(f, "keterangan", where);
                boolean ok = id != null && nama != null && zona != null;
                if (id != null && !KECAMATAN_ID.matcher(id).matches()) {
                    problem(f.get("id"), where, "id", "'" + id + "' harus huruf kecil, angka dan '-' (contoh: arut-selatan)");
                    ok = false;
                } else if (id != null && id.equals(Organisation.BAPPEDA_OFFICE)) {
                    problem(f.get("id"), where, "id", "'" + id + "' dipakai untuk kantor Bappeda, bukan kecamatan");
                    ok = false;
                } else if (id != null && !seen.add(id)) {
                    problem(f.get("id"), where, "id", "kecamatan '" + id + "' tercantum dua kali");
                    ok = false;
                }
                if (zona != null && !ZONES.contains(zona)) {
                    problem(f.get("zona"), where, "zona", "'" + zona + "' tidak dikenal; yang boleh: WIB, WITA, WIT");
                    ok = false;
                }
                if (ok) {
                    result.add(new Kecamatan(id, nama, zona, keterangan));
                }
            }
            return result;
        }

        private List<Role> roles(Node node, MappingNode parent) {
            List<Role> result = new ArrayList<>();
            SequenceNode seq = list(node, parent, "peran", "daftar peran");
            if (seq == null) {
                return result;
            }
            Set<String> seen = new HashSet<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode map)) {
                    problem(item, "peran", "peran", "setiap peran harus berisi id dan nama");
                    continue;
                }
                Map<String, Node> f = fields(map, ROLE_KEYS, "peran");
                String id = requiredText(f, "id", map, "peran");
                String nama = requiredText(f, "nama", map, id == null ? "peran" : "peran " + id);
                if (id == null) {
                    continue;
                }
                if (!Organisation.ROLES.contains(id)) {
                    problem(f.get("id"), "peran " + id, "id", "peran '" + id + "' tidak dikenal; peran yang dikenal: " + known());
                } else if (!seen.add(id)) {
                    problem(f.get("id"), "peran " + id, "id", "peran '" + id + "' tercantum dua kali");
                } else if (nama != null) {
                    result.add(new Role(id, nama));
                }
            }
            Set<String> missing = new TreeSet<>(Organisation.ROLES);
            missing.removeAll(seen);
            if (!missing.isEmpty()) {
                problem(seq, "", "peran", "peran berikut wajib ada (dipakai langkah SOP dan hak akses): " + String.join(", ", missing));
            }
            return result;
        }

        private List<Member> members(Node node, MappingNode parent, Set<String> kecamatanIds) {
            List<Member> result = new ArrayList<>();
            SequenceNode seq = list(node, parent, "pengguna", "daftar pengguna");
            if (seq == null) {
                return result;
            }
            Set<String> seen = new HashSet<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode map)) {
                    problem(item, "pengguna", "pengguna", "setiap pengguna harus berisi id, nama, peran dan kantor");
                    continue;
                }
                Map<String, Node> f = fields(map, USER_KEYS, "pengguna");
                String id = requiredText(f, "id", map, "pengguna");
                String where = id == null ? "pengguna" : "pengguna " + id;
                String nama = requiredText(f, "nama", map, where);
                String office = requiredText(f, "kantor", map, where);
                List<String> roles = roleList(f.get("peran"), map, where);
                boolean ok = id != null && nama != null && office != null && roles != null;
                if (id != null && !USER_ID.matcher(id).matches()) {
                    problem(f.get("id"), where, "id", "'" + id + "' harus huruf kecil, angka, '.' dan '-' (contoh: camat.ajibarang)");
                    ok = false;
                } else if (id != null && (id.equals(Organisation.CAMUNDA_ADMIN_GROUP) || !seen.add(id))) {
                    problem(f.get("id"), where, "id", "pengguna '" + id + "' tercantum dua kali atau memakai nama yang dicadangkan");
                    ok = false;
                }
                if (office != null && !office.equals(Organisation.BAPPEDA_OFFICE) && !kecamatanIds.contains(office)) {
                    problem(f.get("kantor"), where, "kantor", "'" + office + "' bukan kecamatan di berkas ini dan bukan 'bappeda'; kantor yang dikenal: "
                            + String.join(", ", new TreeSet<>(kecamatanIds)) + ", bappeda");
                    ok = false;
                }
                if (office != null && roles != null) {
                    boolean atBappeda = office.equals(Organisation.BAPPEDA_OFFICE);
                    for (String role : roles) {
                        if (atBappeda && Organisation.KECAMATAN_ROLES.contains(role)) {
                            problem(f.get("peran"), where, "peran", "peran '" + role + "' adalah peran kantor kecamatan, tetapi kantornya 'bappeda'");
                            ok = false;
                        } else if (!atBappeda && role.equals(Organisation.BAPPEDA_ROLE)) {
                            problem(f.get("peran"), where, "peran", "peran 'bappeda' hanya untuk pegawai yang kantornya 'bappeda'");
                            ok = false;
                        }
                    }
                }
                if (ok) {
                    result.add(new Member(id, nama, roles, office));
                }
            }
            if (result.stream().noneMatch(Member::isAdmin) && problems.isEmpty()) {
                problem(seq, "", "pengguna", "harus ada sedikitnya satu pengguna berperan admin");
            }
            return result;
        }

        private List<String> roleList(Node node, MappingNode parent, String where) {
            if (node == null) {
                problem(parent, where, "peran", "wajib diisi: daftar peran, contoh [pelaksana]");
                return null;
            }
            List<Node> items;
            if (node instanceof ScalarNode) {
                items = List.of(node);
            } else if (node instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
                items = seq.getValue();
            } else {
                problem(node, where, "peran", "harus berupa daftar peran yang tidak kosong, contoh [pelaksana]");
                return null;
            }
            List<String> roles = new ArrayList<>();
            boolean ok = true;
            for (Node item : items) {
                String role = text(item, where, "peran");
                if (role == null || role.isBlank()) {
                    if (role != null) {
                        problem(item, where, "peran", "id peran kosong");
                    }
                    ok = false;
                } else if (!Organisation.ROLES.contains(role)) {
                    problem(item, where, "peran", "peran '" + role + "' tidak dikenal; peran yang dikenal: " + known());
                    ok = false;
                } else if (roles.contains(role)) {
                    problem(item, where, "peran", "peran '" + role + "' tercantum dua kali");
                    ok = false;
                } else {
                    roles.add(role);
                }
            }
            return ok ? roles : null;
        }

        // --- YAML helpers -------------------------------------------------------------------------

        private SequenceNode list(Node node, MappingNode parent, String key, String what) {
            if (node == null) {
                problem(parent, "", key, "wajib diisi: " + what);
                return null;
            }
            if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problem(node, "", key, "harus berupa " + what + " yang tidak kosong");
                return null;
            }
            return seq;
        }

        private Map<String, Node> fields(MappingNode map, Set<String> allowed, String where) {
            Map<String, Node> result = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
                if (!allowed.contains(key)) {
                    problem(tuple.getKeyNode(), where, key, "isian tidak dikenal; yang boleh: "
                            + String.join(", ", new TreeSet<>(allowed)));
                    continue;
                }
                result.put(key, tuple.getValueNode());
            }
            return result;
        }

        private String requiredText(Map<String, Node> f, String key, Node parent, String where) {
            Node node = f.get(key);
            String value = text(node, where, key);
            if (value == null || value.isBlank()) {
                if (node == null || value != null) {
                    problem(node == null ? parent : node, where, key, "wajib diisi");
                }
                return null;
            }
            return value;
        }

        private String optionalText(Map<String, Node> f, String key, String where) {
            String value = text(f.get(key), where, key);
            return value == null ? "" : value;
        }

        private String text(Node node, String where, String key) {
            if (node == null) {
                return null;
            }
            if (node instanceof ScalarNode scalar) {
                return "null".equals(scalar.getTag().getValue().replace("tag:yaml.org,2002:", "")) ? "" : scalar.getValue().strip();
            }
            problem(node, where, key, "harus berupa teks");
            return null;
        }

        private static String known() {
            return String.join(", ", new TreeSet<>(Organisation.ROLES));
        }

        private void problem(Node node, String where, String field, String message) {
            StringBuilder sb = new StringBuilder(file);
            if (node != null) {
                sb.append(" baris ").append(node.getStartMark().getLine() + 1);
            }
            if (!where.isBlank()) {
                sb.append(", ").append(where.strip());
            }
            sb.append(", isian '").append(field).append("': ").append(message);
            problems.add(sb.toString());
        }
    }
}
