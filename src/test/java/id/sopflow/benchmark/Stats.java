package id.sopflow.benchmark;

import java.util.List;

/** Medians and percentiles of measured values. */
final class Stats {

    private Stats() {
    }

    /** The middle value (the upper middle of an even count). */
    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /** The nearest-rank percentile. */
    static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, percent == 50 ? sorted.size() / 2 : rank - 1)));
    }
}
