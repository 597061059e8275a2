package fr.trame;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Services throw the domain's exceptions (fr.trame.form: NotFound, Forbidden, Refused), never an HTTP one. */
class DomainExceptionsTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.trame");

    @Test
    void noServiceThrowsAnHttpException() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Links")
                .or().haveSimpleName("CentreScope")
                .should().dependOnClassesThat().areAssignableTo(ResponseStatusException.class).check(classes);
    }
}
