package org.bossa.fscc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** docs/architecture.md: fscc and dtyp import nothing else from Bossa, and not each other. */
class FsccIndependenceTest {
    @Test
    void fsccAndDtypStandAlone() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.bossa.fscc", "org.bossa.dtyp");
        noClasses().that().resideInAPackage("org.bossa.fscc..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.bossa.fscc..", "java..")
                .check(classes);
        noClasses().that().resideInAPackage("org.bossa.dtyp..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.bossa.dtyp..", "java..")
                .check(classes);
    }
}
