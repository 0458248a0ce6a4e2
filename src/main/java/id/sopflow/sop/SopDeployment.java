package id.sopflow.sop;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deploys the processes of {@code bpmn/} as soon as the engine is built (before the job executor
 * runs); only changed files make a new version. Start-up stops with a clear message if an SOP source is invalid or its generated file is
 * out of date, so that nothing is deployed from a source that fails validation.
 */
@Component
class SopDeployment extends AbstractProcessEnginePlugin {

    static final String DEPLOYMENT_NAME = "sopflow";
    private static final Logger LOG = LoggerFactory.getLogger(SopDeployment.class);

    private final SopProperties properties;

    SopDeployment(SopProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        deploy(processEngine.getRepositoryService());
    }

    Deployment deploy(RepositoryService repositoryService) {
        SopCatalog catalog = SopCatalog.load(properties.sourceDir(), SopCatalog.STANDARD_ROLES);
        catalog.warnings().forEach(LOG::warn);
        List<String> stale = catalog.staleBpmn(properties.bpmnDir());
        if (!stale.isEmpty()) {
            throw new IllegalStateException("Berkas BPMN tidak sesuai dengan sumber SOP-nya: " + String.join(", ", stale)
                    + ". Jalankan 'mvn -q compile exec:java@bpmn' lalu mulai ulang.");
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("bpmn/")
                .enableDuplicateFiltering(true);
        for (Path file : bpmnFiles(properties.bpmnDir())) {
            String resource = properties.bpmnDir().relativize(file).toString().replace('\\', '/');
            try {
                builder.addString(resource, Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Tidak dapat membaca " + file, e);
            }
        }
        Deployment deployment = builder.deployWithResult();
        LOG.info("{} SOP siap ({} berkas BPMN, deployment {})", catalog.definitions().size(),
                builder.getResourceNames().size(), deployment.getId());
        return deployment;
    }

    private static List<Path> bpmnFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Tidak dapat membaca folder BPMN " + dir, e);
        }
    }
}
