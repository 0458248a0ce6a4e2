package id.sopflow.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;

/**
 * Compacts the embedded H2 file every {@code sopflow.h2.compaction-interval} (default 5m; 0 disables), because
 * with {@code WRITE_DELAY=0} H2 itself never does (see {@link H2FileCompaction}). Does nothing for an in-memory
 * H2 or PostgreSQL. One INFO line per run; a failure is logged and the next run tries again.
 */
@Component
class H2CompactionJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(H2CompactionJob.class);

    private final DataSource dataSource;
    private final boolean h2File;
    private final Duration interval;

    H2CompactionJob(DataSource dataSource, @Value("${spring.datasource.url:}") String url,
                    @Value("${sopflow.h2.compaction-interval:5m}") Duration interval) {
        this.dataSource = dataSource;
        this.h2File = H2FileCompaction.isH2FileUrl(url);
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (h2File && !interval.isNegative() && !interval.isZero()) {
            registrar.addFixedDelayTask(this::compact, interval);
        }
    }

    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            H2FileCompaction.Result result = H2FileCompaction.compact(connection);
            log.info("Pemadatan berkas H2: ukuran {} MB sebelum, {} MB sesudah; pengisian chunk {}% -> {}% ({} putaran)",
                    megabytes(result.sizeBefore()), megabytes(result.sizeAfter()),
                    result.fillRateBefore(), result.fillRateAfter(), result.rounds());
        } catch (Exception | LinkageError e) {
            log.warn("Pemadatan berkas H2 gagal; dicoba lagi pada putaran berikutnya", e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
