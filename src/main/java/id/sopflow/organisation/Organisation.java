package id.sopflow.organisation;


import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The organisation of an installation, read from {@code config/organisasi.yaml}: the kabupaten, its
 * kecamatan (each one a Camunda tenant), Bappeda, the roles (Camunda groups) and the users.
 * Immutable; available as a Spring bean for other packages (for example the time zone of a kecamatan).
 */
public final class Organisation {

    /**
     * The process variable that names the kecamatan (tenant id) of an instance started by the system
     * (a job, a schedule, an admin). Users of one kecamatan never need it: their instances belong to
     * their own kecamatan.
     */
    public static final String TENANT_VARIABLE = "kecamatan";
    /** The office id of Bappeda in {@code kantor}. */
    public static final String BAPPEDA_OFFICE = "bappeda";
    /**
     * Bappeda's own tenant: the instances of Bappeda's processes (its inbox, its steps in an SOP) belong to it, and only
     * the {@code bappeda} group belongs to it. Bappeda belongs to no kecamatan: it reads what a kecamatan sends it.
     */
    public static final String BAPPEDA_TENANT = BAPPEDA_OFFICE;
    /** The key of every process Bappeda runs ends so: {@code penerimaan-dokumen-bappeda}, {@code renstra-bappeda}. */
    public static final String BAPPEDA_PROCESS_SUFFIX = "-bappeda";
    /** The Camunda group whose members administer the engine (Cockpit, Admin, every tenant). */
    public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    static final String ADMIN_ROLE = Role.ADMIN.id();
    static final String BAPPEDA_ROLE = Role.BAPPEDA.id();
    /** Roles of people who work in a kecamatan office. */
    static final Set<String> KECAMATAN_ROLES = Arrays.stream(Role.values()).filter(Role::worksInKecamatan).map(Role::id)
            .collect(Collectors.toUnmodifiableSet());
    /** Every role the file must define: the candidate groups of the SOP steps, plus admin. */
    static final Set<String> ROLES;

    static {
        Set<String> roles = new TreeSet<>();
        Arrays.stream(Role.values()).map(Role::id).forEach(roles::add);
        ROLES = Set.copyOf(roles);
    }

    /** Whether a process is Bappeda's own: its instances belong to Bappeda's tenant, whoever starts them. */
    public static boolean isBappedaProcess(String processKey) {
        return processKey != null && processKey.endsWith(BAPPEDA_PROCESS_SUFFIX);
    }

    private final String kabupaten;
    private final List<Kecamatan> kecamatan;
    private final String bappeda;
    private final List<RoleEntry> roles;
    private final List<Member> members;

    Organisation(String kabupaten, List<Kecamatan> kecamatan, String bappeda, List<RoleEntry> roles, List<Member> members) {
        this.kabupaten = kabupaten;
        this.kecamatan = List.copyOf(kecamatan);
        this.bappeda = bappeda;
        this.roles = List.copyOf(roles);
        this.members = List.copyOf(members);
    }

    /** Reads and validates the organisation file; throws with every problem (file and line) if it is invalid. */
    public static Organisation read(Path file) {
        return new OrganisationReader().read(file, file.toString().replace('\\', '/'));
    }

    public String kabupaten() {
        return kabupaten;
    }

    /** The kecamatan of the installation, in file order. */
    public List<Kecamatan> kecamatan() {
        return kecamatan;
    }

    public Optional<Kecamatan> kecamatan(String id) {
        return kecamatan.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The name of Bappeda. */
    public String bappeda() {
        return bappeda;
    }

    List<RoleEntry> roles() {
        return roles;
    }

    List<Member> members() {
        return members;
    }

    Optional<Member> member(String id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * A kecamatan: a Camunda tenant.
     *
     * @param id         tenant id, e.g. {@code arut-selatan}
     * @param zona       WIB, WITA or WIT
     * @param keterangan free text (kabupaten, province)
     */
    public record Kecamatan(String id, String nama, String zona, String keterangan) {
    }

    /** A role: a Camunda group with the same id. */
    record RoleEntry(String id, String nama) {
    }

    /**
     * A user.
     *
     * @param roles  role ids (groups)
     * @param office a kecamatan id or {@value Organisation#BAPPEDA_OFFICE}
     */
    record Member(String id, String nama, List<String> roles, String office) {
        Member {
            roles = List.copyOf(roles);
        }

        boolean isAdmin() {
            return roles.contains(ADMIN_ROLE);
        }

        boolean worksInKecamatan() {
            return !BAPPEDA_OFFICE.equals(office);
        }
    }
}
