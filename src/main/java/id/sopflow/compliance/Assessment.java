package id.sopflow.compliance;

/**
 * The "Penilaian terhadap Penerapan" of the Monitoring Pelaksanaan SOP AP form (Permenpan RB 35/2012), and what SOPflow
 * says when the history cannot decide.
 */
public enum Assessment {
    BAIK("berjalan dengan baik"),
    TIDAK_BAIK("tidak berjalan dengan baik"),
    /** No visit in the period, or a step without waktu: there is nothing to hold against a mutu baku. */
    BELUM_DINILAI("belum dapat dinilai");

    private final String label;

    Assessment(String label) {
        this.label = label;
    }

    /** As the form says it: "berjalan dengan baik". */
    public String label() {
        return label;
    }
}
