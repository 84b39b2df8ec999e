package dev.ticketbridge.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ticketbridge.emulator");

    @Test
    void nothingDependsOnTheRestLayer() {
        noClasses().that().resideOutsideOfPackage("..emulator.rest..")
                .should().dependOnClassesThat().resideInAPackage("..emulator.rest..")
                .check(CLASSES);
    }

    @Test
    void storeKnowsOnlyTheDomain() {
        noClasses().that().resideInAPackage("..emulator.store..")
                .should().dependOnClassesThat().resideInAnyPackage("..emulator.service..", "..emulator.config..")
                .check(CLASSES);
    }

    @Test
    void restReachesTheStoreOnlyThroughServices() {
        noClasses().that().resideInAPackage("..emulator.rest..")
                .should().dependOnClassesThat().resideInAPackage("..emulator.store..")
                .check(CLASSES);
    }
}
