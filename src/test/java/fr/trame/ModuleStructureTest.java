package fr.trame;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package by feature (design.md): the modules form no cycle, and no module reaches into the web layer. */
class ModuleStructureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.trame");

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
