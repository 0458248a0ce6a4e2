package id.sopflow.sop;

import id.sopflow.organisation.ProcessKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SOP catalog as a bean, read and validated once at start-up. */
@Configuration
class SopConfiguration {

    @Bean
    SopCatalog sopCatalog(SopProperties properties) {
        return SopCatalog.load(properties.sourceDir(), SopCatalog.STANDARD_ROLES);
    }

    /** The SOP process keys, for the organisation's per-process history grants. */
    @Bean
    ProcessKeys processKeys(SopCatalog catalog) {
        return () -> java.util.stream.Stream.concat(catalog.definitions().stream().map(SopDefinition::kode),
                catalog.bappedaProcessKeys().stream()).distinct().toList();
    }
}
