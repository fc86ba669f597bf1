package org.bossa.kerberos;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The Kerberos core uses Kerby's ASN.1 types and crypto only (kerb-core, kerb-crypto, kerby-asn1,
 * kerby-util): not its KrbClient, keytab or credential cache, whose settings live in files and
 * which pull in the token plugin (token-provider, nimbus-jose-jwt) and kerby-config.
 */
class KerbyUsageTest {
    @Test
    void onlyKerbysTypesAndCryptoAreUsed() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.bossa.kerberos");
        noClasses().that().resideInAPackage("org.bossa.kerberos..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kerby.kerberos.kerb.client..",
                        "org.apache.kerby.kerberos.kerb.keytab..", "org.apache.kerby.kerberos.kerb.ccache..",
                        "org.apache.kerby.kerberos.kerb.common..", "org.apache.kerby.kerberos.kerb.transport..",
                        "org.apache.kerby.kerberos.kerb.provider..", "org.apache.kerby.kerberos.provider..",
                        "org.apache.kerby.config..", "com.nimbusds..", "javax.security.auth.kerberos..",
                        "org.ietf.jgss..", "sun.security.krb5..")
                .check(classes);
    }
}
