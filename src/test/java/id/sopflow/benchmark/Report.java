package id.sopflow.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one benchmark run, printed at the end as one table: each with SOPflow's value, plain Camunda's where
 * there is one, the ratio, the target and whether it is met (and by how much it is missed).
 */
final class Report {

    /** One line of the table; empty strings where a column does not apply. */
    record Row(String database, String figure, String sopflow, String plain, String ratio, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
        System.out.printf("  => %s | %s | SOPflow %s | plain %s | %s | %s %s%n", row.database(), row.figure(), row.sopflow(), row.plain(),
                row.ratio(), row.target(), row.verdict());
    }

    /** A figure where lower is better (time per step), against plain Camunda with a largest ratio. */
    void slowdown(String database, String figure, double sopflow, double plain, String unit, double maxRatio) {
        double ratio = sopflow / plain;
        add(new Row(database, figure, format(sopflow, unit), format(plain, unit), String.format("×%.2f", ratio),
                String.format("≤ ×%.2f", maxRatio), verdict(ratio <= maxRatio, String.format("%.0f %% over", (ratio / maxRatio - 1) * 100))));
    }

    /** A rate where higher is better (per second), against plain Camunda: SOPflow's time per item within a largest ratio. */
    void throughput(String database, String figure, double sopflow, double plain, String unit, double maxSlowdown) {
        double slowdown = plain / sopflow;
        add(new Row(database, figure, format(sopflow, unit), format(plain, unit),
                String.format("×%.2f (plain/SOPflow ×%.2f)", sopflow / plain, slowdown), String.format("≤ ×%.2f slower", maxSlowdown),
                verdict(slowdown <= maxSlowdown, String.format("%.0f %% over", (slowdown / maxSlowdown - 1) * 100))));
    }

    /** A figure of both without a target (start time, memory). */
    void compare(String database, String figure, double sopflow, double plain, String unit) {
        add(new Row(database, figure, format(sopflow, unit), format(plain, unit), String.format("×%.2f", sopflow / plain), "", ""));
    }

    /** A figure of SOPflow alone against its target. */
    void alone(String database, String figure, String value, String target, boolean met, String miss) {
        add(new Row(database, figure, value, "", "", target, verdict(met, miss)));
    }

    /** A figure of SOPflow alone at a size its target is not set for. */
    void unjudged(String database, String figure, String value, String target) {
        add(new Row(database, figure, value, "", "", target, "not judged at this size"));
    }

    void failed(String database, String part, Exception failure) {
        add(new Row(database, part, "FAILED: " + failure, "", "", "", "not measured"));
    }

    void print(BenchmarkSizes sizes) {
        System.out.printf("%n== SOPflow benchmark (%s sizes: %s) ==%n", sizes.name(), sizes);
        String format = "| %-10s | %-48s | %-18s | %-18s | %-30s | %-18s | %-22s |%n";
        System.out.printf(format, "database", "figure", "SOPflow", "plain Camunda", "ratio", "target", "");
        System.out.printf(format, "---", "---", "---", "---", "---", "---", "---");
        for (Row row : rows) {
            System.out.printf(format, row.database(), row.figure(), row.sopflow(), row.plain(), row.ratio(), row.target(), row.verdict());
        }
    }

    static String format(double value, String unit) {
        return (value >= 100 ? String.format("%.0f", value) : value >= 10 ? String.format("%.1f", value) : String.format("%.2f", value))
                + " " + unit;
    }

    private static String verdict(boolean met, String miss) {
        return met ? "met" : "MISSED: " + miss;
    }
}
