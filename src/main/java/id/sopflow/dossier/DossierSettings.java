package id.sopflow.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code sopflow.dokumen.*}: the largest document the dossier takes (default 20 MB; the multipart limit of the web
 * server is set from the same value, so a larger upload is refused while it is read).
 */
@ConfigurationProperties("sopflow.dokumen")
record DossierSettings(@DefaultValue("20MB") DataSize ukuranMaksimal) {
}
