package id.sopflow.organisation;

import id.sopflow.organisation.Organisation.Kecamatan;
import id.sopflow.organisation.Organisation.Member;
import id.sopflow.organisation.Organisation.RoleEntry;
import id.sopflow.yaml.YamlFields;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
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
        YamlFields yaml = new YamlFields(name);
        Node root = yaml.compose(source);
        if (yaml.hasProblems()) {
            throw new OrganisationException(yaml.problems());
        }
        return new Parse(yaml).organisation(root);
    }

    /** One parse of one file; collects problems. */
    private static final class Parse {
        private final YamlFields yaml;
        private final String file;

        Parse(YamlFields yaml) {
            this.yaml = yaml;
            this.file = yaml.file();
        }

        Organisation organisation(Node root) {
            if (!(root instanceof MappingNode map)) {
                throw new OrganisationException(List.of(file + ": berkas kosong atau bukan peta YAML"));
            }
            Map<String, Node> top = yaml.fields(map, TOP_KEYS, "");
            String kabupaten = null;
            Node kabupatenNode = top.get("kabupaten");
            if (kabupatenNode == null) {
                yaml.problem(map, "", "kabupaten", "wajib diisi (nama kabupaten)");
            } else if (kabupatenNode instanceof MappingNode k) {
                Map<String, Node> f = yaml.fields(k, KABUPATEN_KEYS, "kabupaten");
                kabupaten = yaml.requiredText(f, "nama", k, "kabupaten");
            } else {
                yaml.problem(kabupatenNode, "", "kabupaten", "harus berupa peta berisi nama");
            }
            List<Kecamatan> kecamatan = kecamatan(top.get("kecamatan"), map);
            String bappeda = null;
            Node bappedaNode = top.get("bappeda");
            if (bappedaNode == null) {
                yaml.problem(map, "", "bappeda", "wajib diisi (nama Bappeda)");
            } else if (bappedaNode instanceof MappingNode b) {
                Map<String, Node> f = yaml.fields(b, BAPPEDA_KEYS, "bappeda");
                bappeda = yaml.requiredText(f, "nama", b, "bappeda");
            } else {
                yaml.problem(bappedaNode, "", "bappeda", "harus berupa peta berisi nama");
            }
            List<RoleEntry> roles = roles(top.get("peran"), map);
            Set<String> offices = new HashSet<>();
            kecamatan.forEach(k -> offices.add(k.id()));
            List<Member> members = members(top.get("pengguna"), map, offices);
            if (yaml.hasProblems()) {
                throw new OrganisationException(yaml.problems());
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
                    yaml.problem(item, "kecamatan", "kecamatan", "setiap kecamatan harus berisi id, nama dan zona");
                    continue;
                }
                Map<String, Node> f = yaml.fields(map, KECAMATAN_KEYS, "kecamatan");
                String id = yaml.requiredText(f, "id", map, "kecamatan");
                String where = id == null ? "kecamatan" : "kecamatan " + id;
                String nama = yaml.requiredText(f, "nama", map, where);
                String zona = yaml.requiredText(f, "zona", map, where);
                String keterangan = yaml.optionalText(f, "keterangan", where);
                boolean ok = id != null && nama != null && zona != null;
                if (id != null && !KECAMATAN_ID.matcher(id).matches()) {
                    yaml.problem(f.get("id"), where, "id", "'" + id + "' harus huruf kecil, angka dan '-' (contoh: arut-selatan)");
                    ok = false;
                } else if (id != null && id.equals(Organisation.BAPPEDA_OFFICE)) {
                    yaml.problem(f.get("id"), where, "id", "'" + id + "' dipakai untuk kantor Bappeda, bukan kecamatan");
                    ok = false;
                } else if (id != null && !seen.add(id)) {
                    yaml.problem(f.get("id"), where, "id", "kecamatan '" + id + "' tercantum dua kali");
                    ok = false;
                }
                if (zona != null && !ZONES.contains(zona)) {
                    yaml.problem(f.get("zona"), where, "zona", "'" + zona + "' tidak dikenal; yang boleh: WIB, WITA, WIT");
                    ok = false;
                }
                if (ok) {
                    result.add(new Kecamatan(id, nama, zona, keterangan));
                }
            }
            return result;
        }

        private List<RoleEntry> roles(Node node, MappingNode parent) {
            List<RoleEntry> result = new ArrayList<>();
            SequenceNode seq = list(node, parent, "peran", "daftar peran");
            if (seq == null) {
                return result;
            }
            Set<String> seen = new HashSet<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode map)) {
                    yaml.problem(item, "peran", "peran", "setiap peran harus berisi id dan nama");
                    continue;
                }
                Map<String, Node> f = yaml.fields(map, ROLE_KEYS, "peran");
                String id = yaml.requiredText(f, "id", map, "peran");
                String nama = yaml.requiredText(f, "nama", map, id == null ? "peran" : "peran " + id);
                if (id == null) {
                    continue;
                }
                if (!Organisation.ROLES.contains(id)) {
                    yaml.problem(f.get("id"), "peran " + id, "id", "peran '" + id + "' tidak dikenal; peran yang dikenal: " + known());
                } else if (!seen.add(id)) {
                    yaml.problem(f.get("id"), "peran " + id, "id", "peran '" + id + "' tercantum dua kali");
                } else if (nama != null) {
                    result.add(new RoleEntry(id, nama));
                }
            }
            Set<String> missing = new TreeSet<>(Organisation.ROLES);
            missing.removeAll(seen);
            missing.remove(Role.KEPALA_BAPPEDA.id()); // optional: without it, Bappeda's lateness is recorded but told to nobody
            if (!missing.isEmpty()) {
                yaml.problem(seq, "", "peran", "peran berikut wajib ada (dipakai langkah SOP dan hak akses): " + String.join(", ", missing));
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
                    yaml.problem(item, "pengguna", "pengguna", "setiap pengguna harus berisi id, nama, peran dan kantor");
                    continue;
                }
                Map<String, Node> f = yaml.fields(map, USER_KEYS, "pengguna");
                String id = yaml.requiredText(f, "id", map, "pengguna");
                String where = id == null ? "pengguna" : "pengguna " + id;
                String nama = yaml.requiredText(f, "nama", map, where);
                String office = yaml.requiredText(f, "kantor", map, where);
                List<String> roles = roleList(f.get("peran"), map, where);
                boolean ok = id != null && nama != null && office != null && roles != null;
                if (id != null && !USER_ID.matcher(id).matches()) {
                    yaml.problem(f.get("id"), where, "id", "'" + id + "' harus huruf kecil, angka, '.' dan '-' (contoh: camat.ajibarang)");
                    ok = false;
                } else if (id != null && (id.equals(Organisation.CAMUNDA_ADMIN_GROUP) || !seen.add(id))) {
                    yaml.problem(f.get("id"), where, "id", "pengguna '" + id + "' tercantum dua kali atau memakai nama yang dicadangkan");
                    ok = false;
                }
                if (office != null && !office.equals(Organisation.BAPPEDA_OFFICE) && !kecamatanIds.contains(office)) {
                    yaml.problem(f.get("kantor"), where, "kantor", "'" + office + "' bukan kecamatan di berkas ini dan bukan 'bappeda'; kantor yang dikenal: "
                            + String.join(", ", new TreeSet<>(kecamatanIds)) + ", bappeda");
                    ok = false;
                }
                if (office != null && roles != null) {
                    boolean atBappeda = office.equals(Organisation.BAPPEDA_OFFICE);
                    for (String role : roles) {
                        if (atBappeda && Organisation.KECAMATAN_ROLES.contains(role)) {
                            yaml.problem(f.get("peran"), where, "peran", "peran '" + role + "' adalah peran kantor kecamatan, tetapi kantornya 'bappeda'");
                            ok = false;
                        } else if (!atBappeda && Role.of(role).filter(Role::worksAtBappeda).isPresent()) {
                            yaml.problem(f.get("peran"), where, "peran", "peran '" + role + "' hanya untuk pegawai yang kantornya 'bappeda'");
                            ok = false;
                        }
                    }
                }
                if (ok) {
                    result.add(new Member(id, nama, roles, office));
                }
            }
            if (result.stream().noneMatch(Member::isAdmin) && !yaml.hasProblems()) {
                yaml.problem(seq, "", "pengguna", "harus ada sedikitnya satu pengguna berperan admin");
            }
            return result;
        }

        private List<String> roleList(Node node, MappingNode parent, String where) {
            if (node == null) {
                yaml.problem(parent, where, "peran", "wajib diisi: daftar peran, contoh [pelaksana]");
                return null;
            }
            List<Node> items;
            if (node instanceof ScalarNode) {
                items = List.of(node);
            } else if (node instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
                items = seq.getValue();
            } else {
                yaml.problem(node, where, "peran", "harus berupa daftar peran yang tidak kosong, contoh [pelaksana]");
                return null;
            }
            List<String> roles = new ArrayList<>();
            boolean ok = true;
            for (Node item : items) {
                String role = yaml.text(item, where, "peran");
                if (role == null || role.isBlank()) {
                    if (role != null) {
                        yaml.problem(item, where, "peran", "id peran kosong");
                    }
                    ok = false;
                } else if (!Organisation.ROLES.contains(role)) {
                    yaml.problem(item, where, "peran", "peran '" + role + "' tidak dikenal; peran yang dikenal: " + known());
                    ok = false;
                } else if (roles.contains(role)) {
                    yaml.problem(item, where, "peran", "peran '" + role + "' tercantum dua kali");
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
                yaml.problem(parent, "", key, "wajib diisi: " + what);
                return null;
            }
            if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                yaml.problem(node, "", key, "harus berupa " + what + " yang tidak kosong");
                return null;
            }
            return seq;
        }





        private static String known() {
            return String.join(", ", new TreeSet<>(Organisation.ROLES));
        }

    }
}
