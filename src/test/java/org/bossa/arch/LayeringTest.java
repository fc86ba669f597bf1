package org.bossa.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering docs/architecture.md describes: imports flow downward only (app -> smb2.server -> auth, locking, vfs,
 * identity -> domain, idmap, rpc -> dcerpc, kerberos -> smb2.wire, smb2.crypto, fscc, dtyp, store); no Spring
 * outside app; the wire, crypto, fscc, dtyp and text packages import nothing else from Bossa.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.bossa");
    }

    @Test
    void springOnlyInApp() {
        noClasses().that().resideOutsideOfPackage("org.bossa.app..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void leafPackagesImportNothingElseFromBossa() {
        for (String leaf : new String[] {"org.bossa.smb2.wire..", "org.bossa.smb2.crypto..", "org.bossa.fscc..",
                "org.bossa.dtyp..", "org.bossa.text.."}) {
            noClasses().that().resideInAPackage(leaf)
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            "Bossa classes outside " + leaf,
                            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("org.bossa")
                                    && !c.getPackageName().startsWith(leaf.replace("..", ""))))
                    .check(classes);
        }
    }

    @Test
    void nothingBelowAppImportsApp() {
        noClasses().that().resideOutsideOfPackage("org.bossa.app..")
                .should().dependOnClassesThat().resideInAPackage("org.bossa.app..")
                .check(classes);
    }

    @Test
    void nothingBelowTheServerImportsTheServer() {
        noClasses().that().resideInAnyPackage("org.bossa.auth..", "org.bossa.locking..", "org.bossa.vfs..",
                        "org.bossa.identity..", "org.bossa.domain..", "org.bossa.idmap..", "org.bossa.rpc..",
                        "org.bossa.dcerpc..", "org.bossa.store..")
                .should().dependOnClassesThat().resideInAPackage("org.bossa.smb2.server..")
                .check(classes);
    }

    @Test
    void kerberosIsALibraryBelowTheRpcLayer() {
        noClasses().that().resideInAPackage("org.bossa.kerberos..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bossa.auth..", "org.bossa.locking..",
                        "org.bossa.vfs..", "org.bossa.identity..", "org.bossa.domain..", "org.bossa.idmap..",
                        "org.bossa.rpc..", "org.bossa.dcerpc..", "org.bossa.store..", "org.bossa.smb2..",
                        "org.bossa.fscc..")
                .check(classes);
    }

    @Test
    void rpcLayersDoNotReachUp() {
        noClasses().that().resideInAnyPackage("org.bossa.dcerpc..", "org.bossa.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bossa.auth..", "org.bossa.locking..",
                        "org.bossa.vfs..", "org.bossa.identity..", "org.bossa.domain..", "org.bossa.idmap..",
                        "org.bossa.rpc..")
                .check(classes);
    }
}
