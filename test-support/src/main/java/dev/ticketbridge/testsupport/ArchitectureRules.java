package dev.ticketbridge.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The package direction every service keeps: rest → service → persistence/client; messaging → service;
 * nothing depends on rest or messaging, and persistence and client depend on no use case.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Checks the rules on the production classes under {@code rootPackage}; throws an AssertionError naming each breach. */
    public static void check(String rootPackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        for (ArchRule rule : rules(rootPackage)) {
            rule.allowEmptyShould(true).check(classes);
        }
    }

    static List<ArchRule> rules(String root) {
        return List.of(
                noClasses().that().resideOutsideOfPackage(root + ".rest..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".rest..")
                        .because("nothing depends on the REST layer"),
                noClasses().that().resideOutsideOfPackage(root + ".messaging..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".messaging..")
                        .because("nothing depends on the messaging adapters"),
                noClasses().that().resideInAnyPackage(root + ".persistence..", root + ".client..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".service..")
                        .because("persistence and clients serve the use cases, not the other way round"),
                noClasses().that().resideInAPackage(root + ".persistence..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".client..")
                        .because("persistence does not call other systems"));
    }
}
