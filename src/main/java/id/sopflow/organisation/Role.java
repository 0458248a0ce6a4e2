package id.sopflow.organisation;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fixed roles of SOPflow. Each is a Camunda group of the same {@link #id()}; the roles that act in SOP
 * steps are the candidate groups of the generated user tasks. Spelled here once: every other package takes
 * role ids from this type.
 */
public enum Role {
    CAMAT("camat", true),
    SEKCAM("sekcam", true),
    KASUBBAG("kasubbag", true),
    PELAKSANA("pelaksana", true),
    TIM("tim", true),
    PENGADMINISTRASI("pengadministrasi", true),
    BAPPEDA("bappeda", true),
    /** The head of Bappeda (or whom Bappeda names): told when Bappeda's own steps pass their mutu baku. */
    KEPALA_BAPPEDA("kepala-bappeda", false),
    ADMIN("admin", false);

    private final String id;
    private final boolean actsInSteps;

    Role(String id, boolean actsInSteps) {
        this.id = id;
        this.actsInSteps = actsInSteps;
    }

    /** The group id, as in {@code config/organisasi.yaml}, the SOP files and the candidate groups. */
    public String id() {
        return id;
    }

    /** Whether the role acts in SOP steps (is a candidate group of user tasks). */
    public boolean actsInSteps() {
        return actsInSteps;
    }

    /** Whether the role works in a kecamatan office (Camat, Sekcam, Kasubbag, pelaksana, tim, pengadministrasi). */
    public boolean worksInKecamatan() {
        return actsInSteps && this != BAPPEDA;
    }

    /** Whether the role belongs to Bappeda's office ({@code kantor: bappeda}). */
    public boolean worksAtBappeda() {
        return this == BAPPEDA || this == KEPALA_BAPPEDA;
    }

    /** Whether the role sees everything of its kecamatan: its late steps, instances and history. */
    public boolean seesWholeOffice() {
        return this == CAMAT || this == SEKCAM;
    }

    public static Optional<Role> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** The ids of the roles that act in SOP steps: what a step's {@code pelaksana} may name. */
    public static Set<String> stepRoleIds() {
        return Arrays.stream(values()).filter(Role::actsInSteps).map(Role::id).collect(Collectors.toUnmodifiableSet());
    }
}
