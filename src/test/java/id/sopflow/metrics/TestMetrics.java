package id.sopflow.metrics;

import io.micrometer.core.instrument.MeterRegistry;

/** The metrics' entry for engine tests without Spring. */
public final class TestMetrics {

    private TestMetrics() {
    }

    public static Metrics create(MeterRegistry registry) {
        return new Metrics(registry);
    }
}
