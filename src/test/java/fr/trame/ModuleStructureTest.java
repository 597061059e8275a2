package fr.trame;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Package by feature (design.md): the modules form no cycle, use one another only through their API, and no module
 * reaches into the web layer.
 */
class ModuleStructureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.trame");

    /** Spring Modulith's rules: no cycle between modules, no use of another module's internal types. */
    @Test
    void modulesAreVerifiedBySpringModulith() {
        ApplicationModules.of(TrameApplication.class).verify();
    }

    @Test
    void modulesFormNoCycle() {
        slices().matching("fr.trame.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheApplicationAndTheCommandLineDependOnWebOrCli() {
        noClasses().that().resideOutsideOfPackages("fr.trame.web..", "fr.trame")
                .should().dependOnClassesThat().resideInAPackage("fr.trame.web..").check(classes);
        noClasses().that().resideOutsideOfPackages("fr.trame.cli..", "fr.trame")
                .should().dependOnClassesThat().resideInAPackage("fr.trame.cli..").check(classes);
    }
}
