package id.sopflow.sop;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where the SOP sources and the generated processes live.
 *
 * @param sourceDir the SOP YAML folder ({@code sopflow.sop.source-dir}, default {@code config/sop})
 * @param bpmnDir   the generated BPMN folder that is deployed ({@code sopflow.sop.bpmn-dir}, default {@code bpmn})
 */
@ConfigurationProperties("sopflow.sop")
record SopProperties(@DefaultValue("config/sop") Path sourceDir, @DefaultValue("bpmn") Path bpmnDir) {
}
