package id.sopflow.benchmark.plain;

import id.sopflow.benchmark.DpaUsers;
import id.sopflow.benchmark.StrippedBpmn;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain Camunda 7.24 for the benchmark: Spring Boot with Camunda's REST starter only (no web apps, no Spring Security,
 * no Flyway, nothing of SOPflow: the component scan covers this package alone and the configuration is
 * {@code plain-camunda.yaml}, not SOPflow's {@code application.yaml}). Like SOPflow: authorization enabled, history
 * full, HTTP Basic on {@code /engine-rest} (Camunda's own {@link ProcessEngineAuthenticationFilter}, which checks the
 * password and loads the caller's groups and tenants on every request), the DPA's users in their candidate groups, allowed
 * to start the DPA, and the DPA stripped of SOPflow's additions ({@link StrippedBpmn}) deployed before the application is
 * ready. Run by {@code HttpComparison} in a JVM of its own from the repository root.
 * <p>
 * Not a {@code @SpringBootApplication} or {@code @Configuration}: no component scan here, and none of SOPflow's (which
 * covers {@code id.sopflow}) picks this class up when the application runs with the test classes on its classpath
 * ({@code PageBenchmark}, {@code Deadlines}). Its {@code @Bean} methods count as it is the application's own source.
 */
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration",
        "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"})
public class PlainCamundaApplication {

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of("--spring.config.name=plain-camunda"));
        arguments.addAll(List.of(args));
        SpringApplication.run(PlainCamundaApplication.class, arguments.toArray(String[]::new));
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** Users, groups and the DPA's start permission, then the stripped DPA: before readiness, as SOPflow's start-up. */
    @Bean
    ApplicationRunner usersAndProcess(ProcessEngine engine) {
        return arguments -> {
            DpaUsers.BY_GROUP.forEach((group, user) -> member(engine.getIdentityService(), group, user));
            for (String group : DpaUsers.BY_GROUP.keySet()) {
                grant(engine.getAuthorizationService(), group, Resources.PROCESS_DEFINITION, "dpa", Permissions.READ, Permissions.CREATE_INSTANCE);
                grant(engine.getAuthorizationService(), group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            }
            engine.getRepositoryService().createDeployment().name("dpa-stripped").enableDuplicateFiltering(true)
                    .addModelInstance("dpa.bpmn", StrippedBpmn.dpa()).deploy();
        };
    }

    private static void member(IdentityService identity, String groupId, String userId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setPassword(DpaUsers.STAFF_PASSWORD);
            identity.saveUser(user);
            identity.createMembership(userId, groupId);
        }
    }

    private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
