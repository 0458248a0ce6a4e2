package id.sopflow.sop;

import id.sopflow.engine.StartupStep;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Deploys the processes of {@code bpmn/} as soon as the engine is built (before the job executor
 * runs); only changed files make a new version. Start-up stops with a clear message if an SOP source is invalid or its generated file is
 * out of date, so that nothing is deployed from a source that fails validation.
 */
@Component
class SopDeployment extends AbstractProcessEnginePlugin implements StartupStep {

    static final String DEPLOYMENT_NAME = "sopflow";
    private static final Logger LOG = LoggerFactory.getLogger(SopDeployment.class);

    private final SopProperties properties;
    private final SopCatalog catalog;

    SopDeployment(SopProperties properties, SopCatalog catalog) {
        this.properties = properties;
        this.catalog = catalog;
    }

    /** What a person asks of the engine: no skipped steps, no deployments, only what the SOP contract allows. */
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> guards = new ArrayList<>(Optional.ofNullable(configuration.getCustomPostCommandInterceptorsTxRequired())
                .orElse(List.of()));
        guards.add(new ClientCommandGuard());
        configuration.setCustomPostCommandInterceptorsTxRequired(guards);
    }

    /** Start-up step 3: the processes of {@code bpmn/}. */
    @Override
    public int order() {
        return StartupStep.SOP_DEPLOYMENT;
    }

    @Override
    public String name() {
        return "SOP";
    }

    @Override
    public String run(ProcessEngine processEngine) {
        List<Deployment> deployments = deploy(processEngine.getRepositoryService());
        return catalog.definitions().size() + " SOP siap dari " + properties.bpmnDir() + " (" + deployments.size() + " deployment)";
    }

    /** One deployment for the shared processes and one for each kecamatan that has variants. */
    List<Deployment> deploy(RepositoryService repositoryService) {
        catalog.warnings().forEach(LOG::warn);
        List<String> stale = catalog.staleBpmn(properties.bpmnDir());
        if (!stale.isEmpty()) {
            throw new IllegalStateException("Berkas BPMN tidak sesuai dengan sumber SOP-nya: " + String.join(", ", stale)
                    + ". Jalankan 'mvn -q compile exec:java@bpmn' lalu mulai ulang.");
        }
        Map<String, String> tenantOf = catalog.tenantOf();
        Map<String, DeploymentBuilder> builders = new TreeMap<>();
        for (Path file : bpmnFiles(properties.bpmnDir())) {
            String resource = properties.bpmnDir().relativize(file).toString().replace('\\', '/');
            String tenant = tenantOf.getOrDefault(resource, "");
            DeploymentBuilder builder = builders.computeIfAbsent(tenant, t -> t.isEmpty()
                    ? repositoryService.createDeployment().name(DEPLOYMENT_NAME)
                    : repositoryService.createDeployment().name(DEPLOYMENT_NAME + "-" + t).tenantId(t));
            try {
                builder.addString(resource, Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Tidak dapat membaca " + file, e);
            }
        }
        List<Deployment> deployments = new ArrayList<>();
        builders.forEach((tenant, builder) -> {
            Deployment deployment = builder.source("bpmn/").enableDuplicateFiltering(true).deployWithResult();
            LOG.info("{} berkas BPMN {} siap (deployment {})", builder.getResourceNames().size(),
                    tenant.isEmpty() ? "bersama" : "khusus kecamatan " + tenant, deployment.getId());
            deployments.add(deployment);
        });
        return deployments;
    }

    private static List<Path> bpmnFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Tidak dapat membaca folder BPMN " + dir, e);
        }
    }
}
