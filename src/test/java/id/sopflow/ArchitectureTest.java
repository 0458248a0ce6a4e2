package id.sopflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.NoSuchElementException;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the code base: package by feature, a framework-free domain, thin adapters,
 * constructor injection.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.sopflow");

    /** The plain-Java core: parsing, validation, BPMN generation, working-time arithmetic. */
    private static final String[] DOMAIN = {
            "id.sopflow.sop.SopReader", "id.sopflow.sop.SopCatalog", "id.sopflow.sop.BpmnGenerator",
            "id.sopflow.sop.SopDefinition", "id.sopflow.sop.SopStep", "id.sopflow.sop.SopRole",
            "id.sopflow.sop.SopIdentity", "id.sopflow.sop.SopSchedule", "id.sopflow.sop.SopValidationException",
            "id.sopflow.sop.GenerateBpmn",
            "id.sopflow.calendar.Waktu", "id.sopflow.calendar.WorkAmount", "id.sopflow.calendar.WaktuFormatException",
            "id.sopflow.calendar.Holiday", "id.sopflow.calendar.OfficeHours", "id.sopflow.calendar.WorkingCalendar",
            "id.sopflow.calendar.WorkingCalendars", "id.sopflow.calendar.CalendarFiles", "id.sopflow.calendar.CalendarFileException",
            "id.sopflow.calendar.AddedHoliday", "id.sopflow.calendar.AddedHolidays",
            "id.sopflow.calendar.WorkingTimeWords", "id.sopflow.web.Formats",
            "id.sopflow.monitoring.StepDeadlines", "id.sopflow.monitoring.Alert",
            "id.sopflow.compliance.ComplianceReport", "id.sopflow.compliance.Movement", "id.sopflow.compliance.Semester",
            "id.sopflow.compliance.StepExecution", "id.sopflow.compliance.Assessment",
            "id.sopflow.yaml.YamlFields",
            "id.sopflow.dossier.FileNames", "id.sopflow.dossier.ContentTypes", "id.sopflow.dossier.DossierRules",
            "id.sopflow.dossier.Document", "id.sopflow.dossier.Checklist",
            "id.sopflow.api.InvalidInput", "id.sopflow.api.NotFound", "id.sopflow.api.Conflict", "id.sopflow.api.Forbidden",
            "id.sopflow.api.UnacceptableFile",
            "id.sopflow.sopimport.SopImport", "id.sopflow.sopimport.OfficeTables", "id.sopflow.sopimport.StepTable",
            "id.sopflow.sopimport.IdentitySheet", "id.sopflow.sopimport.RoleNames", "id.sopflow.sopimport.DraftWriter",
            "id.sopflow.sopimport.Grid", "id.sopflow.sopimport.ImportRefused", "id.sopflow.sopimport.ImportSop"};

    private static final String[] ADAPTER_ANNOTATIONS = {
            "org.springframework.stereotype.Component", "org.springframework.context.annotation.Configuration",
            "org.springframework.web.bind.annotation.RestController", "org.springframework.web.bind.annotation.RestControllerAdvice",
            "org.springframework.boot.context.properties.ConfigurationProperties",
            "org.springframework.boot.autoconfigure.SpringBootApplication", "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.ControllerAdvice"};

    @Test
    void domainDoesNotDependOnSpringOrTheEngine() {
        ArchRule rule = noClasses().that().haveNameMatching("(" + String.join("|", escape(DOMAIN)) + ")(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.camunda.bpm.engine..", "jakarta.servlet..")
                .because("SOP parsing, BPMN generation and working-time arithmetic are plain Java");
        rule.check(CLASSES);
    }

    @Test
    void onlyAdaptersTouchSpring() {
        var that = noClasses().that().areNotAnnotatedWith(ADAPTER_ANNOTATIONS[0]);
        for (int i = 1; i < ADAPTER_ANNOTATIONS.length; i++) {
            that = that.and().areNotAnnotatedWith(ADAPTER_ANNOTATIONS[i]);
        }
        that.and().areNotNestedClasses().and().areNotAnonymousClasses()
                // Spring Security calls its login plug-ins itself: they are adapters, constructed by a @Configuration
                .and().doNotImplement("org.springframework.security.authentication.AuthenticationProvider")
                .and().doNotHaveFullyQualifiedName("id.sopflow.ProcessEngineAfterMigrations") // Spring Boot SPI (spring.factories)
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("Spring is wired in at the edges: components, configurations, controllers, settings, login providers")
                .check(CLASSES);
    }

    @Test
    void noTechnicalLayerPackages() {
        noClasses().should().resideInAnyPackage("..controller..", "..service..", "..repository..", "..dao..")
                .because("the code is packaged by feature")
                .check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("id.sopflow.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
                .orShould().beAnnotatedWith("jakarta.inject.Inject")
                .because("dependencies come through the constructor")
                .check(CLASSES);
    }

    @Test
    void springComponentsArePackagePrivateAdapters() {
        classes().that().areAnnotatedWith("org.springframework.stereotype.Component")
                .or().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .or().areAnnotatedWith("org.springframework.stereotype.Controller")
                .and().doNotHaveFullyQualifiedName("id.sopflow.monitoring.MutuBakuTimers") // called by JUEL: must be public
                .and().doNotHaveFullyQualifiedName("id.sopflow.organisation.CurrentUsers") // the organisation's entry for "who asks"
                .and().doNotHaveFullyQualifiedName("id.sopflow.dossier.Dossier") // the dossier's entry
                .and().doNotHaveFullyQualifiedName("id.sopflow.monitoring.Monitoring") // monitoring's entry (API and pages)
                .and().doNotHaveFullyQualifiedName("id.sopflow.bappeda.Submissions") // bappeda's entry (API and pages)
                .and().doNotHaveFullyQualifiedName("id.sopflow.calendar.CalendarDays") // the closed days (API and pages)
                .and().doNotHaveFullyQualifiedName("id.sopflow.compliance.Compliance") // compliance's entry (pages)
                .and().doNotHaveFullyQualifiedName("id.sopflow.metrics.Metrics") // the metrics' entry (monitoring, bappeda)
                .should().notBePublic()
                .because("each feature exposes one entry point; adapters stay inside their package")
                .check(CLASSES);
    }

    @Test
    void controllersSayWhatIsWrongWithTypedExceptions() {
        noClasses().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().callConstructorWhere(target(owner(assignableTo(IllegalArgumentException.class))))
                .orShould().callConstructorWhere(target(owner(assignableTo(NoSuchElementException.class))))
                .because("a client's mistake is id.sopflow.api.InvalidInput (400), a missing thing id.sopflow.api.NotFound (404); "
                        + "an IllegalArgumentException is a bug, answered 500")
                .check(CLASSES);
    }

    /**
     * The capabilities depend one way: calendar and yaml below everything; organisation (roles, users, access)
     * on calendar only; sop (the SOPs and their process contract) on organisation; dossier (the documents of the
     * instances) on sop; monitoring on dossier and sop; compliance (the report and the record of movement) on dossier and sop,
     * asked by the pages only; demo on all; metrics on none (monitoring and bappeda tell it). The engine adapters depend on
     * no capability.
     */
    @Test
    void capabilitiesDependOneWay() {
        noClasses().that().resideInAPackage("id.sopflow.organisation..")
                .should().dependOnClassesThat().resideInAnyPackage("id.sopflow.sop..", "id.sopflow.dossier..", "id.sopflow.monitoring..",
                        "id.sopflow.demo..")
                .because("sop takes its role ids from organisation, not the other way round").check(CLASSES);
        noClasses().that().resideInAPackage("id.sopflow.sop..")
                .should().dependOnClassesThat().resideInAnyPackage("id.sopflow.dossier..", "id.sopflow.monitoring..", "id.sopflow.demo..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("id.sopflow.web..")
                .should().dependOnClassesThat().resideInAPackage("id.sopflow.web..")
                .because("the web app is a leaf: pages ask the capabilities, nothing asks the pages").check(CLASSES);
        noClasses().that().resideInAnyPackage("id.sopflow.organisation..", "id.sopflow.sop..", "id.sopflow.dossier..",
                        "id.sopflow.monitoring..", "id.sopflow.calendar..", "id.sopflow.engine..", "id.sopflow.api..")
                .should().dependOnClassesThat().resideInAPackage("id.sopflow.bappeda..")
                .because("bappeda sits on top of monitoring and the dossier; only the pages ask it").check(CLASSES);
        noClasses().that().resideInAPackage("id.sopflow.dossier..")
                .should().dependOnClassesThat().resideInAnyPackage("id.sopflow.monitoring..", "id.sopflow.demo..")
                .because("monitoring reads the dossier (the audit), the dossier knows nothing of alerts").check(CLASSES);
        noClasses().that().resideOutsideOfPackages("id.sopflow.compliance..", "id.sopflow.web..")
                .should().dependOnClassesThat().resideInAPackage("id.sopflow.compliance..")
                .because("the compliance report and the record of movement read history, the SOPs and the dossier; only the pages ask "
                        + "them").check(CLASSES);
        noClasses().that().resideInAPackage("id.sopflow.compliance..")
                .should().dependOnClassesThat().resideInAnyPackage("id.sopflow.monitoring..", "id.sopflow.bappeda..", "id.sopflow.demo..",
                        "id.sopflow.sopimport..")
                .because("compliance computes from Camunda's history, not from alerts or submissions").check(CLASSES);
        noClasses().that().resideInAPackage("id.sopflow.sopimport..")
                .should().dependOnClassesThat().resideInAnyPackage("id.sopflow.dossier..", "id.sopflow.monitoring..", "id.sopflow.demo..",
                        "id.sopflow.bappeda..")
                .because("the import writes SOP drafts and validates them with sop; it knows nothing of running processes").check(CLASSES);
        noClasses().that().resideInAPackage("id.sopflow.metrics..")
                .should().dependOnClassesThat().resideInAnyPackage("id.sopflow.organisation..", "id.sopflow.sop..", "id.sopflow.dossier..",
                        "id.sopflow.monitoring..", "id.sopflow.bappeda..", "id.sopflow.demo..", "id.sopflow.web..",
                        "id.sopflow.calendar..", "id.sopflow.engine..")
                .because("the metrics are told what happened and read the overdue steps through a port: the capabilities "
                        + "depend on them, not the other way round").check(CLASSES);
        noClasses().that().resideInAnyPackage("id.sopflow.calendar..", "id.sopflow.yaml..", "id.sopflow.engine..", "id.sopflow.api..")
                .should().dependOnClassesThat().resideInAnyPackage("id.sopflow.organisation..", "id.sopflow.sop..",
                        "id.sopflow.dossier..", "id.sopflow.monitoring..", "id.sopflow.demo..").check(CLASSES);
    }

    /**
     * Camunda's internals ({@code org.camunda.bpm.engine.impl}) are touched in {@code id.sopflow.engine} and in the
     * few engine extensions a capability must plug into the engine (listed here, each for a reason). Everything
     * else uses the engine's public API and the adapters of {@code engine} ({@code EngineClock}, {@code Caller},
     * {@code RefusedInput}, {@code StartupStep}).
     */
    private static final String[] ENGINE_EXTENSIONS = {
            // the organisation's engine settings: password hashing, tenant provider, command checkers
            "id.sopflow.organisation.OrganisationPlugin", "id.sopflow.organisation.KecamatanTenantIdProvider",
            "id.sopflow.organisation.TenantCheckAsAuthorization",
            // identity: the sync writes authorization entities; account rules subclass Camunda's identity service
            "id.sopflow.organisation.IdentitySync", "id.sopflow.organisation.OrganisationIdentityService",
            // the SOP contract enforced on Camunda's commands, and the deployment plugin
            "id.sopflow.sop.ClientCommandGuard", "id.sopflow.sop.SopDeployment",
            // the mutu baku's one timer a step, re-armed for its next moment as the engine repeats a timer cycle
            "id.sopflow.monitoring.StepTimer"};

    @Test
    void camundaInternalsStayInTheEngineAdapters() {
        noClasses().that().resideOutsideOfPackage("id.sopflow.engine..")
                .and().haveNameNotMatching("(" + String.join("|", escape(ENGINE_EXTENSIONS)) + ")(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
                .because("an engine upgrade is checked in the engine adapters, not all over the code base")
                .check(CLASSES);
    }

    private static String[] escape(String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].replace(".", "\\.");
        }
        return out;
    }
}
