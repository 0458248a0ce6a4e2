package id.sopflow.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Metrics settings ({@code sopflow.metrik.*}).
 *
 * @param cacheTerlambat how long a node answers scrapes with the overdue steps it read last before it asks the database
 *                       again (default 15 s, one scrape interval): a scrape costs at most one grouped query
 */
@ConfigurationProperties("sopflow.metrik")
record MetricsSettings(Duration cacheTerlambat) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    MetricsSettings {
        cacheTerlambat = cacheTerlambat == null ? Duration.ofSeconds(15) : cacheTerlambat;
        if (cacheTerlambat.isNegative()) {
            throw new IllegalArgumentException("sopflow.metrik.cache-terlambat: tidak boleh negatif (" + cacheTerlambat + ")");
        }
    }
}
