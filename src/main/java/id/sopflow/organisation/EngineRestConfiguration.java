package id.sopflow.organisation;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Camunda's REST API ({@code /engine-rest}) as the starter registers it, but with SOPflow's error answers
 * ({@link EngineRestErrors}) in place of Camunda's three general exception mappers: 404 for what the
 * caller may not read, 409 for a conflict, 400 for a refused input, never 500 for a client's mistake.
 * The starter backs off when this bean exists.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    private static final Set<Class<?>> REPLACED = Set.of(ExceptionHandler.class, ProcessEngineExceptionHandler.class,
            RestExceptionHandler.class);

    private final ProcessEngine engine;

    EngineRestConfiguration(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        registerClasses(CamundaRestResources.getConfigurationClasses().stream().filter(c -> !REPLACED.contains(c))
                .collect(Collectors.toSet()));
        register(JacksonFeature.class);
        register(new EngineRestErrors(engine, () -> RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? Optional.of(a.getRequest()) : Optional.empty()));
    }
}
