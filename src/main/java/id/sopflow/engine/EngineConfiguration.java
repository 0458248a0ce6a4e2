package id.sopflow.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The engine adapters as beans; scheduling for the H2 file compaction ({@link H2CompactionJob}). */
@Configuration
@EnableScheduling
class EngineConfiguration {

    /** The one clock of SOPflow, following the engine's. */
    @Bean
    Clock clock() {
        return new EngineClock();
    }
}
