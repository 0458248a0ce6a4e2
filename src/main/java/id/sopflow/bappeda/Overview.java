package id.sopflow.bappeda;

import java.util.List;
import java.util.Optional;

/**
 * The kabupaten overview for Bappeda, in plain Java: for one year, each kecamatan against each SOP that sends to
 * Bappeda (a monthly SOP such as RFK/TEPPA by month), where it stands. The state of a cell, from what was sent and what
 * runs: the latest submission decides (diterima, dikembalikan, terkirim); without one, a running instance is berjalan,
 * or terlambat when one of its steps is overdue; without any, belum mulai. A submission received while its instance still
 * runs (the Renstra's draft, before Bappeda's step and the final Renstra) counts as the running instance.
 */
public final class Overview {

    /** Where a kecamatan stands with one SOP for one period. */
    public enum State {
        BELUM_MULAI("belum mulai"), BERJALAN("berjalan"), TERLAMBAT("terlambat"), TERKIRIM("terkirim"), DITERIMA("diterima"),
        DIKEMBALIKAN("dikembalikan");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One cell: a kecamatan, an SOP (process key), a period ({@code 2026} or {@code 2026-11}) and its state. */
    public record Cell(String kecamatan, String processKey, String period, State state) {
    }

    /** One column: an SOP for the year, or a monthly SOP's month. */
    public record Column(String processKey, String document, String period, String label) {
    }

    /** One row: a kecamatan and its cells, in column order. */
    public record Row(String kecamatan, String name, List<Cell> cells) {
    }

    /** The matrix of a year, with how many cells are in each state. */
    public record Matrix(int year, List<Column> columns, List<Row> rows) {

        public long count(State state) {
            return rows.stream().flatMap(r -> r.cells().stream()).filter(c -> c.state() == state).count();
        }
    }

    private Overview() {
    }

    /**
     * @param latest  the status of the latest submission for the cell (the highest sending step's), if any
     * @param running whether an instance for the cell runs
     * @param late    whether one of those instances has an overdue step
     */
    public static State state(Optional<Submission.Status> latest, boolean running, boolean late) {
        if (latest.isPresent()) {
            return switch (latest.get()) {
                // a Renstra's draft received, its final Renstra still to come: the instance runs on
                case DITERIMA -> running ? (late ? State.TERLAMBAT : State.BERJALAN) : State.DITERIMA;
                case DIKEMBALIKAN -> State.DIKEMBALIKAN;
                case TERKIRIM -> State.TERKIRIM;
            };
        }
        if (running) {
            return late ? State.TERLAMBAT : State.BERJALAN;
        }
        return State.BELUM_MULAI;
    }
}
