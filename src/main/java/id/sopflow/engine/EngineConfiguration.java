package id.sopflow.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The engine adapters as beans. */
@Configuration
class EngineConfiguration {

    /** The one clock of SOPflow, following the engine's. */
    @Bean
    Clock clock() {
        return new EngineClock();
    }
}
