package id.sopflow.sop;

import id.sopflow.organisation.Organisation;
import id.sopflow.organisation.Role;

import id.sopflow.calendar.Waktu;
import id.sopflow.calendar.WaktuFormatException;
import id.sopflow.yaml.YamlFields;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one SOP source file and validates it completely before anything is built from it.
 * All problems of a file are collected and reported together; a file with any problem yields no
 * {@link SopDefinition}.
 */
final class SopReader {

    private static final Pattern KODE = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> TOP_KEYS = Set.of(
            "kode", "nama", "kecamatan", "dokumen", "berlaku", "identitas", "peran", "langkah", "jadwal", "berkas");
    private static final Set<String> SCHEDULE_KEYS = Set.of("mulai", "tenggatSebelumTanggal");
    private static final Pattern CRON = Pattern.compile("\\S+(\\s+\\S+){5,6}");
    private static final Set<String> IDENTITY_KEYS = Set.of(
            "sumber", "nomor", "tanggalPembuatan", "tanggalRevisi", "tanggalEfektif", "disahkanOleh", "dasarHukum",
            "kualifikasiPelaksana", "keterkaitan", "peralatan", "peringatan", "pencatatan");
    private static final Set<String> ROLE_KEYS = Set.of("id", "nama");
    private static final Set<String> STEP_KEYS = Set.of(
            "no", "aktivitas", "pelaksana", "kelengkapan", "waktu", "output", "keterangan", "kembaliKe", "catatan",
            "kelengkapanWajib", "hasilWajib", "kirimKe", "jikaDikembalikanKe");
    /** The most characters of a document kind's name (the dossier's column). */
    static final int DOCUMENT_KIND_MAX_LENGTH = 200;

    private final Set<String> knownRoles;

    SopReader(Set<String> knownRoles) {
        this.knownRoles = Set.copyOf(knownRoles);
    }

    /**
     * @param file   the file to read
     * @param name   how the file is named in messages, e.g. {@code config/sop/ajibarang/dpa.yaml}
     * @param folder the kecamatan folder it lies in
     */
    SopDefinition read(Path file, String name, String folder) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SopValidationException(List.of(name + ": tidak dapat dibaca (" + e.getMessage() + ")"));
        }
        return read(new StringReader(text), name, folder);
    }

    SopDefinition read(Reader source, String name, String folder) {
        YamlFields yaml = new YamlFields(name);
        Node root = yaml.compose(source);
        if (yaml.hasProblems()) {
            throw new SopValidationException(yaml.problems());
        }
        return new Parse(yaml, folder).sop(root);
    }

    /** One parse of one file; collects problems. */
    private final class Parse {
        private final YamlFields yaml;
        private final String file;
        private final String folder;
        private final List<String> warnings = new ArrayList<>();

        Parse(YamlFields yaml, String folder) {
            this.yaml = yaml;
            this.file = yaml.file();
            this.folder = folder;
        }

        SopDefinition sop(Node root) {
            if (!(root instanceof MappingNode map)) {
                throw new SopValidationException(List.of(file + ": berkas kosong atau bukan peta YAML"));
            }
            Map<String, Node> top = yaml.fields(map, TOP_KEYS, "");
            String kode = yaml.requiredText(top, "kode", map, "");
            if (kode != null && !KODE.matcher(kode).matches()) {
                yaml.problem(top.get("kode"), "", "kode", "'" + kode + "' harus huruf kecil, angka dan '-' (contoh: rfk-teppa)");
            }
            String expectedFile = kode + ".yaml";
            if (kode != null && !file.endsWith("/" + expectedFile) && !file.equals(expectedFile)) {
                yaml.problem(top.get("kode"), "", "kode", "'" + kode + "' tidak cocok dengan nama berkas; berkas harus bernama " + expectedFile);
            }
            String nama = yaml.requiredText(top, "nama", map, "");
            String kecamatan = yaml.requiredText(top, "kecamatan", map, "");
            String dokumen = yaml.optionalText(top, "dokumen", "");
            String scope = yaml.optionalText(top, "berlaku", "");
            if (!scope.isEmpty() && !scope.equals("semua") && !scope.equals("kecamatan")) {
                yaml.problem(top.get("berlaku"), "", "berlaku", "'" + scope + "' tidak dikenal; gunakan 'semua' (SOP bersama, bawaan) "
                        + "atau 'kecamatan' (varian khusus kecamatan folder " + folder + ")");
            }
            SopIdentity identity = identity(top.get("identitas"));
            List<SopRole> roles = roles(top.get("peran"), map);
            List<String> kinds = documentKinds(top.get("berkas"));
            List<SopStep> steps = steps(top.get("langkah"), map, roles, kinds);
            Optional<SopSchedule> schedule = schedule(top.get("jadwal"));
            if (yaml.hasProblems()) {
                throw new SopValidationException(yaml.problems());
            }
            return new SopDefinition(kode, folder, nama, kecamatan, dokumen, identity, roles, steps,
                    scope.equals("kecamatan"), schedule, kinds, warnings);
        }

        /**
         * The kinds of document of the dossier ({@code berkas}): names as the SOP says them, unique (ignoring case),
         * without ';' (the generated process lists them separated by it).
         */
        private List<String> documentKinds(Node node) {
            List<String> kinds = new ArrayList<>();
            if (node == null) {
                return kinds;
            }
            if (!(node instanceof SequenceNode seq)) {
                yaml.problem(node, "", "berkas", "harus berupa daftar nama jenis dokumen");
                return kinds;
            }
            Set<String> seen = new HashSet<>();
            for (Node item : seq.getValue()) {
                String kind = yaml.text(item, "", "berkas");
                if (kind == null) {
                    continue;
                }
                kind = kind.strip();
                if (kind.isEmpty()) {
                    yaml.problem(item, "", "berkas", "nama jenis dokumen kosong");
                } else if (kind.contains(";")) {
                    yaml.problem(item, "", "berkas", "'" + kind + "': nama jenis dokumen tidak boleh memuat ';'");
                } else if (kind.length() > DOCUMENT_KIND_MAX_LENGTH) {
                    yaml.problem(item, "", "berkas", "'" + kind + "': nama jenis dokumen paling banyak "
                            + DOCUMENT_KIND_MAX_LENGTH + " karakter");
                } else if (!seen.add(kind.toLowerCase(java.util.Locale.ROOT))) {
                    yaml.problem(item, "", "berkas", "'" + kind + "' tercantum dua kali");
                } else {
                    kinds.add(kind);
                }
            }
            return kinds;
        }

        /** A step's list of required document kinds: each one of the SOP's {@code berkas}, named at its own line. */
        private List<String> requiredKinds(Node node, String where, String key, List<String> kinds) {
            List<String> values = new ArrayList<>();
            if (node == null) {
                return values;
            }
            List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
            for (Node item : items) {
                String kind = yaml.text(item, where, key);
                if (kind == null) {
                    continue;
                }
                kind = kind.strip();
                if (!kinds.contains(kind)) {
                    yaml.problem(item, where, key, "'" + kind + "' bukan jenis dokumen di daftar 'berkas' SOP ini"
                            + (kinds.isEmpty() ? " (SOP ini belum punya daftar 'berkas')" : " (yang ada: " + String.join("; ", kinds) + ")"));
                } else if (values.contains(kind)) {
                    yaml.problem(item, where, key, "'" + kind + "' tercantum dua kali");
                } else {
                    values.add(kind);
                }
            }
            return values;
        }

        private Optional<SopSchedule> schedule(Node node) {
            if (node == null) {
                return Optional.empty();
            }
            if (!(node instanceof MappingNode map)) {
                yaml.problem(node, "jadwal", "jadwal", "harus berupa peta (mulai, tenggatSebelumTanggal)");
                return Optional.empty();
            }
            Map<String, Node> f = yaml.fields(map, SCHEDULE_KEYS, "jadwal");
            String cron = yaml.requiredText(f, "mulai", map, "jadwal");
            if (cron != null && !CRON.matcher(cron).matches()) {
                yaml.problem(f.get("mulai"), "jadwal", "mulai", "'" + cron
                        + "' bukan ekspresi cron (detik menit jam tanggal bulan hari, contoh: 0 0 7 1 * ?)");
            }
            Integer day = yaml.integer(f.get("tenggatSebelumTanggal"), "jadwal", "tenggatSebelumTanggal");
            if (f.get("tenggatSebelumTanggal") == null) {
                yaml.problem(map, "jadwal", "tenggatSebelumTanggal", "wajib diisi");
            } else if (day != null && (day < 2 || day > 28)) {
                yaml.problem(f.get("tenggatSebelumTanggal"), "jadwal", "tenggatSebelumTanggal", "harus antara 2 dan 28, bukan " + day);
            }
            return cron == null || day == null ? Optional.empty() : Optional.of(new SopSchedule(cron, day));
        }

        private SopIdentity identity(Node node) {
            if (node == null) {
                return new SopIdentity("", "", "", "", "", "", List.of(), List.of(), List.of(), List.of(), "", "");
            }
            if (!(node instanceof MappingNode map)) {
                yaml.problem(node, "", "identitas", "harus berupa peta (nomor, tanggalPembuatan, ...)");
                return null;
            }
            Map<String, Node> f = yaml.fields(map, IDENTITY_KEYS, "identitas");
            return new SopIdentity(
                    yaml.optionalText(f, "sumber", "identitas"),
                    yaml.optionalText(f, "nomor", "identitas"),
                    yaml.optionalText(f, "tanggalPembuatan", "identitas"),
                    yaml.optionalText(f, "tanggalRevisi", "identitas"),
                    yaml.optionalText(f, "tanggalEfektif", "identitas"),
                    yaml.optionalText(f, "disahkanOleh", "identitas"),
                    yaml.textList(f.get("dasarHukum"), "", "identitas.dasarHukum"),
                    yaml.textList(f.get("kualifikasiPelaksana"), "", "identitas.kualifikasiPelaksana"),
                    yaml.textList(f.get("keterkaitan"), "", "identitas.keterkaitan"),
                    yaml.textList(f.get("peralatan"), "", "identitas.peralatan"),
                    yaml.optionalText(f, "peringatan", "identitas"),
                    yaml.optionalText(f, "pencatatan", "identitas"));
        }

        private List<SopRole> roles(Node node, MappingNode parent) {
            List<SopRole> roles = new ArrayList<>();
            if (node == null) {
                yaml.problem(parent, "", "peran", "wajib diisi: daftar peran (kolom pelaksana tabel SOP)");
                return roles;
            }
            if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                yaml.problem(node, "", "peran", "harus berupa daftar peran yang tidak kosong");
                return roles;
            }
            Set<String> seen = new HashSet<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode map)) {
                    yaml.problem(item, "", "peran", "setiap peran harus berisi id dan nama");
                    continue;
                }
                Map<String, Node> f = yaml.fields(map, ROLE_KEYS, "peran");
                String id = yaml.requiredText(f, "id", map, "peran");
                String nama = yaml.requiredText(f, "nama", map, "peran");
                if (id == null) {
                    continue;
                }
                if (!knownRoles.contains(id)) {
                    yaml.problem(f.get("id"), "peran " + id, "id", "peran '" + id + "' tidak dikenal; peran yang dikenal: "
                            + String.join(", ", knownRoles.stream().sorted().toList()));
                } else if (!seen.add(id)) {
                    yaml.problem(f.get("id"), "peran " + id, "id", "peran '" + id + "' tercantum dua kali");
                } else if (nama != null) {
                    roles.add(new SopRole(id, nama));
                }
            }
            return roles;
        }

        private List<SopStep> steps(Node node, MappingNode parent, List<SopRole> roles, List<String> kinds) {
            List<SopStep> steps = new ArrayList<>();
            if (node == null) {
                yaml.problem(parent, "", "langkah", "wajib diisi: daftar langkah SOP");
                return steps;
            }
            if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                yaml.problem(node, "", "langkah", "harus berupa daftar langkah yang tidak kosong");
                return steps;
            }
            Set<String> roleIds = new HashSet<>();
            roles.forEach(r -> roleIds.add(r.id()));
            Map<Integer, Node> returnNodes = new LinkedHashMap<>();
            int expected = 1;
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode map)) {
                    yaml.problem(item, "langkah ke-" + expected, "langkah", "setiap langkah harus berupa peta (no, aktivitas, ...)");
                    expected++;
                    continue;
                }
                Map<String, Node> f = yaml.fields(map, STEP_KEYS, "langkah ke-" + expected);
                Integer number = yaml.integer(f.get("no"), "langkah ke-" + expected, "no");
                if (f.get("no") == null) {
                    yaml.problem(map, "langkah ke-" + expected, "no", "wajib diisi");
                }
                String where = number == null ? "langkah ke-" + expected : "langkah " + number;
                if (number != null && number != expected) {
                    yaml.problem(f.get("no"), where, "no", number < expected
                            ? "nomor langkah " + number + " ganda atau tidak berurutan (diharapkan " + expected + ")"
                            : "nomor langkah " + expected + " tidak ada (langsung " + number + ")");
                }
                String activity = yaml.requiredText(f, "aktivitas", map, where);
                String roleId = yaml.requiredText(f, "pelaksana", map, where);
                if (roleId != null && !roleIds.contains(roleId)) {
                    yaml.problem(f.get("pelaksana"), where, "pelaksana", "peran '" + roleId
                            + "' tidak ada di daftar peran SOP ini (" + String.join(", ", roleIds.stream().sorted().toList()) + ")");
                }
                List<String> kelengkapan = yaml.textList(f.get("kelengkapan"), where, "kelengkapan");
                String waktuText = yaml.optionalText(f, "waktu", where);
                Optional<Waktu> waktu = Optional.empty();
                try {
                    waktu = Waktu.parse(waktuText);
                    if (waktu.isEmpty()) {
                        warnings.add(file + ", " + where + ": waktu belum ditetapkan");
                    }
                } catch (WaktuFormatException e) {
                    yaml.problem(f.get("waktu"), where, "waktu", e.getMessage());
                }
                // a blank output cell (tables without mutu baku) is allowed and listed, like a blank waktu
                String output = yaml.optionalText(f, "output", where);
                if (output.isBlank()) {
                    warnings.add(file + ", " + where + ": output belum ditetapkan");
                }
                String keterangan = yaml.optionalText(f, "keterangan", where);
                Integer returnTo = yaml.integer(f.get("kembaliKe"), where, "kembaliKe");
                if (returnTo != null && number != null) {
                    returnNodes.put(number, f.get("kembaliKe"));
                }
                String note = yaml.optionalText(f, "catatan", where);
                List<String> requiredKelengkapan = requiredKinds(f.get("kelengkapanWajib"), where, "kelengkapanWajib", kinds);
                if (!requiredKelengkapan.isEmpty() && expected == 1) {
                    yaml.problem(f.get("kelengkapanWajib"), where, "kelengkapanWajib", "langkah pertama dimulai bersama prosesnya, "
                            + "sebelum berkasnya berisi dokumen; jadikan dokumen itu hasilWajib langkah pertama");
                }
                List<String> requiredOutputs = requiredKinds(f.get("hasilWajib"), where, "hasilWajib", kinds);
                String sendTo = yaml.optionalText(f, "kirimKe", where);
                Integer sendReturn = yaml.integer(f.get("jikaDikembalikanKe"), where, "jikaDikembalikanKe");
                boolean sends = !sendTo.isEmpty();
                if (sends && !sendTo.equals(Organisation.BAPPEDA_OFFICE)) {
                    yaml.problem(f.get("kirimKe"), where, "kirimKe", "'" + sendTo + "' tidak dikenal; dokumen hanya dikirim ke '"
                            + Organisation.BAPPEDA_OFFICE + "'");
                } else if (sends) {
                    if (returnTo != null) {
                        yaml.problem(f.get("kirimKe"), where, "kirimKe", "langkah pengiriman bukan langkah pemeriksaan; hapus 'kembaliKe' "
                                + "dan tulis ke mana Bappeda mengembalikan dokumen di 'jikaDikembalikanKe'");
                    }
                    if (requiredKelengkapan.isEmpty()) {
                        yaml.problem(f.get("kirimKe"), where, "kirimKe", "sebutkan dokumen yang dikirim (yang ditandatangani dan surat "
                                + "pengantarnya) di 'kelengkapanWajib'");
                    }
                    if (sendReturn == null) {
                        yaml.problem(f.get("kirimKe"), where, "jikaDikembalikanKe", "wajib diisi: langkah perbaikan bila Bappeda "
                                + "mengembalikan dokumen");
                    } else if (number != null && (sendReturn < 1 || sendReturn >= number)) {
                        yaml.problem(f.get("jikaDikembalikanKe"), where, "jikaDikembalikanKe", "harus langkah sebelum langkah " + number
                                + ", bukan " + sendReturn);
                    }
                } else if (f.get("jikaDikembalikanKe") != null) {
                    yaml.problem(f.get("jikaDikembalikanKe"), where, "jikaDikembalikanKe", "hanya untuk langkah dengan 'kirimKe: bappeda'");
                }
                if (Role.BAPPEDA.id().equals(roleId) && expected == 1) {
                    yaml.problem(f.get("pelaksana"), where, "pelaksana", "langkah pertama SOP kecamatan tidak dapat dikerjakan Bappeda");
                }
                if (Role.BAPPEDA.id().equals(roleId) && (returnTo != null || sends || !requiredKelengkapan.isEmpty()
                        || !requiredOutputs.isEmpty())) {
                    yaml.problem(f.get("pelaksana"), where, "pelaksana", "langkah Bappeda berjalan di proses Bappeda sendiri: tanpa "
                            + "kembaliKe, kirimKe, kelengkapanWajib dan hasilWajib (dokumennya diterima Bappeda lewat kiriman)");
                }
                steps.add(new SopStep(number == null ? expected : number, activity, roleId, kelengkapan, waktuText,
                        waktu, output, keterangan, returnTo == null ? OptionalInt.empty() : OptionalInt.of(returnTo), note,
                        requiredKelengkapan, requiredOutputs, sends && sendTo.equals(Organisation.BAPPEDA_OFFICE),
                        sendReturn == null ? OptionalInt.empty() : OptionalInt.of(sendReturn)));
                expected++;
            }
            int count = steps.size();
            for (SopStep step : steps) {
                step.returnTo().ifPresent(target -> {
                    Node at = returnNodes.get(step.number());
                    if (target < 1 || target > count) {
                        yaml.problem(at, "langkah " + step.number(), "kembaliKe", "langkah " + target + " tidak ada (SOP ini punya langkah 1 sampai " + count + ")");
                    } else if (target >= step.number()) {
                        yaml.problem(at, "langkah " + step.number(), "kembaliKe", "harus kembali ke langkah sebelumnya, bukan " + target);
                    }
                });
            }
            return steps;
        }
    }
}
