package id.sopflow.sopimport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where the admin page writes drafts.
 *
 * @param folder the SOP folder whose kecamatan folders receive the drafts ({@code sopflow.impor.folder}, by default
 *               {@code sopflow.sop.source-dir})
 */
@ConfigurationProperties("sopflow.impor")
record SopImportSettings(@DefaultValue("config/sop") Path folder) {
}
