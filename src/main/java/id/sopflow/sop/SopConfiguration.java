package id.sopflow.sop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SOP catalog as a bean, read and validated once at start-up. */
@Configuration
class SopConfiguration {

    @Bean
    SopCatalog sopCatalog(SopProperties properties) {
        return SopCatalog.load(properties.sourceDir(), SopCatalog.STANDARD_ROLES);
    }
}
