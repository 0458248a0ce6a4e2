package id.sopflow.sopimport;

import id.sopflow.sop.SopCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The import as a bean for the admin page. */
@Configuration
class SopImportConfiguration {

    @Bean
    SopImport sopImport(SopImportSettings settings) {
        return new SopImport(settings.folder(), SopCatalog.STANDARD_ROLES);
    }
}
