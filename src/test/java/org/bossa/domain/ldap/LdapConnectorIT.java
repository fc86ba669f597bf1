package org.bossa.domain.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.RootDSE;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.bossa.dtyp.Sid;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.kerberos.KdcClient;
import org.bossa.kerberos.KdcConfig;
import org.bossa.kerberos.KerberosException;
import org.bossa.kerberos.KerberosFailure;
import org.bossa.kerberos.Tgt;
import org.bossa.kerberos.gss.InitiatorTicket;
import org.bossa.kerberos.gss.SaslGssapiOptions;
import org.bossa.kerberos.gss.SaslSecurityLayer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LdapConnector} against the shared loopback Samba AD DC ({@link LoopbackDc}), tickets from
 * our own {@link KdcClient}: a SASL GSSAPI bind with our own Kerberos GSS layer, sealed, proven on
 * the wire while a unicodePwd change goes through it; LDAPS and StartTLS with the DC's CA; and each
 * failure named.
 */
@ExtendWith(LoopbackDc.class)
class LdapConnectorIT {
    private static final String TEST_USER = "gsstest1";
    private static final String NEW_PASSWORD = "Gss!Test1-" + Long.toHexString(System.nanoTime());
    private static final LdapConnector CONNECTOR = new LdapConnector();

    private static DcInfo dc;

    @TempDir
    Path temp;

    @BeforeAll
    static void theDc(DcInfo info) {
        dc = info;
        removeTestUser();
    }

    @AfterAll
    static void removeTestUser() {
        if (dc != null) {   // null when the fixture failed; that failure is already reported
            dc.deleteUserIfPresent(TEST_USER);
        }
    }

    private static String userDn() {
        return "CN=" + TEST_USER + ",CN=Users," + dc.domainDn();
    }

    private static KdcClient kdc() {
        return new KdcClient(KdcConfig.of(dc.realm(), List.of(dc.dcIp())).withTimeout(Duration.ofSeconds(10)));
    }

    /**
     * A ticket for ldap/&lt;DC host&gt; as the administrator. KdcConfig offers AES256 before AES128 and
     * cannot be narrowed to one type, so the DC always picks an AES256 session key.
     */
    private static InitiatorTicket ldapTicket() throws KerberosException {
        KdcClient kdc = kdc();
        Tgt tgt = kdc.asExchange(dc.adminUser(), dc.adminPassword().toCharArray());
        return InitiatorTicket.of(kdc.serviceTicket(tgt, "ldap/" + dc.dcHost()));
    }

    @Test
    void sealedGssapiBindThenRootDseDomainAndUser() throws Exception {
        InitiatorTicket ticket = ldapTicket();
        assertThat(ticket.sessionKey().getKeyType()).isEqualTo(EncryptionType.AES256_CTS_HMAC_SHA1_96);
        assertThat(ticket.clientRealm()).isEqualTo(dc.realm());
        try (LdapSession s = CONNECTOR.connect(LdapTarget.plain(dc.dcHost()), LdapCredentials.kerberos(ticket))) {
            assertThat(s.protection()).isEqualTo(LdapProtection.SASL_CONFIDENTIALITY);
            assertThat(s.saslLayer()).isEqualTo(SaslSecurityLayer.CONFIDENTIALITY);
            assertThat(s.confidential()).isTrue();
            LDAPConnection c = s.connection();
            assertThat(c.getSSLSession()).isNull();

            RootDSE root = c.getRootDSE();
            assertThat(root.getAttributeValue("defaultNamingContext")).isEqualTo(dc.domainDn());
            assertThat(root.getAttributeValue("dnsHostName")).isEqualToIgnoringCase(dc.dcHost());

            Entry domain = c.getEntry(dc.domainDn(), "objectSid", "objectClass");
            Sid domainSid = Sid.decode(domain.getAttributeValueBytes("objectSid"));
            assertThat(domainSid.toString()).startsWith("S-1-5-21-");
            assertThat(domain.getAttributeValues("objectClass")).contains("domainDNS");

            SearchResultEntry admin = c.searchForEntry(dc.domainDn(), SearchScope.SUB,
                    "(sAMAccountName=Administrator)", "objectSid", "msDS-KeyVersionNumber");
            assertThat(Sid.decode(admin.getAttributeValueBytes("objectSid"))).isEqualTo(domainSid.withRid(500));
            assertThat(admin.getAttributeValueAsInteger("msDS-KeyVersionNumber")).isPositive();

            // who the DC thinks we are: the rootDSE's tokenGroups are the SIDs of the bound user's token
            // (Samba 4.17 answers the RFC 4532 whoami operation with protocolError: not implemented)
            Entry token = c.getEntry("", "tokenGroups");
            assertThat(Arrays.stream(token.getAttribute("tokenGroups").getValueByteArrays()).map(Sid::decode))
                    .contains(domainSid.withRid(500), domainSid.withRid(512));
        }
    }

    @Test
    void unicodePwdTravelsSealedAndTheNewPasswordWorks() throws Exception {
        WireRecorder wire = new WireRecorder();
        LdapConnector recorded = new LdapConnector(Duration.ofSeconds(5), Duration.ofSeconds(10), wire);
        InitiatorTicket ticket = ldapTicket();
        int sentMark;
        int receivedMark;
        try (LdapSession s = recorded.connect(LdapTarget.plain(dc.dcHost()), LdapCredentials.kerberos(ticket))) {
            sentMark = wire.sent().length;
            receivedMark = wire.received().length;
            LDAPConnection c = s.connection();
            c.add(new Entry(userDn(), new Attribute("objectClass", "user"),
                    new Attribute("sAMAccountName", TEST_USER), new Attribute("userAccountControl", "514")));
            c.modify(userDn(), new Modification(ModificationType.REPLACE, "unicodePwd", unicodePwd(NEW_PASSWORD)));
            c.modify(userDn(), new Modification(ModificationType.REPLACE, "userAccountControl", "512"));
            SearchResultEntry user = c.searchForEntry(dc.domainDn(), SearchScope.SUB,
                    "(sAMAccountName=" + TEST_USER + ")", "msDS-KeyVersionNumber");
            assertThat(user.getDN()).isEqualToIgnoringCase(userDn());
            assertThat(user.getAttributeValueAsInteger("msDS-KeyVersionNumber")).isPositive();
        }
        // after the bind, each message either way is a sealed RFC 4121 Wrap token (05 04, flags
        // Sealed | AcceptorSubkey, SentByAcceptor on the DC's) and no plaintext shows on the wire
        List<byte[]> out = WireRecorder.saslFrames(WireRecorder.tail(wire.sent(), sentMark));
        List<byte[]> in = WireRecorder.saslFrames(WireRecorder.tail(wire.received(), receivedMark));
        assertThat(out).hasSizeGreaterThanOrEqualTo(4);
        assertThat(in).hasSizeGreaterThanOrEqualTo(4);
        assertThat(out).allSatisfy(t -> assertThat(Arrays.copyOf(t, 3)).containsExactly(0x05, 0x04, 0x06));
        assertThat(in).allSatisfy(t -> assertThat(Arrays.copyOf(t, 3)).containsExactly(0x05, 0x04, 0x07));
        assertThat(WireRecorder.contains(wire.sent(), unicodePwd(NEW_PASSWORD))).isFalse();
        assertThat(WireRecorder.contains(wire.sent(), NEW_PASSWORD.getBytes(StandardCharsets.UTF_16LE))).isFalse();
        assertThat(WireRecorder.contains(wire.sent(), TEST_USER.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(WireRecorder.contains(wire.received(), TEST_USER.getBytes(StandardCharsets.US_ASCII))).isFalse();

        // the KDC now knows the password that went through the sealed layer
        Tgt tgt = kdc().asExchange(TEST_USER, NEW_PASSWORD.toCharArray());
        assertThat(tgt.client().components()).containsExactly(TEST_USER);
        assertThat(tgt.clientRealm()).isEqualTo(dc.realm());
        assertThatThrownBy(() -> kdc().asExchange(TEST_USER, (NEW_PASSWORD + "x").toCharArray()))
                .isInstanceOfSatisfying(KerberosException.class,
                        e -> assertThat(e.failure()).isEqualTo(KerberosFailure.WRONG_PASSWORD));
        removeTestUser();
    }

    @Test
    void anIntegrityOnlyLayerShowsThePlaintextOnTheWire() throws Exception {
        // The control for the test above: the same wire check fails for a signed-only layer. (Samba
        // 4.17 still accepts unicodePwd over such a layer; later Samba releases and Windows refuse it,
        // so the wire, not the DC, is the proof of sealing here.)
        WireRecorder wire = new WireRecorder();
        InitiatorTicket ticket = ldapTicket();
        GssapiBindRequest signOnly = new GssapiBindRequest(ticket, SaslGssapiOptions.atLeastIntegrity()
                .withMaximum(SaslSecurityLayer.INTEGRITY));
        try (LDAPConnection c = new LDAPConnection(wire, dc.dcHost(), 389)) {
            c.bind(signOnly);
            assertThat(signOnly.negotiatedLayer()).isEqualTo(SaslSecurityLayer.INTEGRITY);
            int sentMark = wire.sent().length;
            c.searchForEntry(dc.domainDn(), SearchScope.SUB, "(sAMAccountName=" + TEST_USER + "-absent)");
            List<byte[]> out = WireRecorder.saslFrames(WireRecorder.tail(wire.sent(), sentMark));
            assertThat(out).isNotEmpty().allSatisfy(t -> assertThat(Arrays.copyOf(t, 3))
                    .containsExactly(0x05, 0x04, 0x04));
            assertThat(WireRecorder.contains(wire.sent(), TEST_USER.getBytes(StandardCharsets.US_ASCII))).isTrue();
        }
    }

    @Test
    void theDcRefusesAGssapiBindWithoutASecurityLayerOnPlainLdap() throws Exception {
        // "ldap server require strong auth = yes" (the default): SASL on plain LDAP must sign or seal
        InitiatorTicket ticket = ldapTicket();
        GssapiBindRequest none = new GssapiBindRequest(ticket, SaslGssapiOptions.insideTls(null));
        try (LDAPConnection c = new LDAPConnection(dc.dcHost(), 389)) {
            assertThatThrownBy(() -> c.bind(none)).isInstanceOfSatisfying(LDAPException.class,
                    e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.STRONG_AUTH_REQUIRED));
        }
    }

    @Test
    void ldapsSimpleBindWithTheDcCa() throws Exception {
        try (LdapSession s = CONNECTOR.connect(LdapTarget.ldaps(dc.dcHost(), dc.caCert()), adminPassword())) {
            assertThat(s.protection()).isEqualTo(LdapProtection.TLS);
            assertThat(s.connection().getSSLSession().getProtocol()).startsWith("TLSv1.");
            assertThat(s.connection().getRootDSE().getAttributeValue("defaultNamingContext"))
                    .isEqualTo(dc.domainDn());
        }
    }

    @Test
    void ldapsKerberosBindIsChannelBoundWithoutASaslLayerOrRefusedByOldSamba() throws Exception {
        String vendor;
        try (LdapSession s = CONNECTOR.connect(LdapTarget.ldaps(dc.dcHost(), dc.caCert()), adminPassword())) {
            vendor = s.connection().getRootDSE().getAttributeValue("vendorVersion");
        }
        InitiatorTicket ticket = ldapTicket();
        LdapTarget ldaps = LdapTarget.ldaps(dc.dcHost(), dc.caCert());
        if (vendor != null && vendor.matches("4\\.(1[0-9])\\..*")) {
            // Samba up to 4.19 ("ldap server require strong auth = yes") allows no GSSAPI bind over TLS
            LdapConnectException e = assertFailure(() -> CONNECTOR.connect(ldaps, LdapCredentials.kerberos(ticket)),
                    LdapFailure.BIND_REJECTED);
            assertThat(e.resultCode()).contains(ResultCode.STRONG_AUTH_REQUIRED);
            assertThat(e.getMessage()).contains("Sign or Seal are required");
        } else {
            try (LdapSession s = CONNECTOR.connect(ldaps, LdapCredentials.kerberos(ticket))) {
                assertThat(s.protection()).isEqualTo(LdapProtection.TLS);
                assertThat(s.saslLayer()).isEqualTo(SaslSecurityLayer.NONE);
                assertThat(s.connection().getEntry("", "tokenGroups").hasAttribute("tokenGroups")).isTrue();
            }
        }
    }

    @Test
    void startTlsSimpleBindWithTheDcCa() throws Exception {
        try (LdapSession s = CONNECTOR.connect(LdapTarget.startTls(dc.dcHost(), dc.caCert()), adminPassword())) {
            assertThat(s.protection()).isEqualTo(LdapProtection.TLS);
            assertThat(s.connection().getSSLSession().getProtocol()).startsWith("TLSv1.");
            assertThat(s.connection().getEntry(dc.domainDn(), "objectSid").hasAttribute("objectSid")).isTrue();
        }
    }

    @Test
    void aCaThatDidNotIssueTheDcCertificateIsATypedTlsError() throws Exception {
        Path foreignCa = temp.resolve("foreign-ca.pem");
        Files.writeString(foreignCa, pem(someJdkRootCertificate()));
        for (LdapTarget target : new LdapTarget[] {LdapTarget.ldaps(dc.dcHost(), foreignCa),
                LdapTarget.startTls(dc.dcHost(), foreignCa)}) {
            assertFailure(() -> CONNECTOR.connect(target, adminPassword()), LdapFailure.TLS_CERTIFICATE_NOT_TRUSTED);
        }
    }

    @Test
    void aTrustedCertificateForAnotherNameIsAHostNameMismatch() {
        // the DC's certificate names its host name, not its address
        LdapTarget byAddress = new LdapTarget(dc.dcIp(), 636, LdapTransport.LDAPS, dc.caCert());
        assertFailure(() -> CONNECTOR.connect(byAddress, adminPassword()), LdapFailure.TLS_HOST_NAME_MISMATCH);
    }

    @Test
    void aWrongPasswordIsABindRejectedWithTheResultCodeAndDiagnostic() {
        LdapCredentials wrong = new LdapCredentials.Simple(dc.adminUser() + "@" + dc.realm(), "wrong".toCharArray());
        LdapConnectException e = assertFailure(() -> CONNECTOR.connect(LdapTarget.ldaps(dc.dcHost(), dc.caCert()), wrong),
                LdapFailure.BIND_REJECTED);
        assertThat(e.resultCode()).contains(ResultCode.INVALID_CREDENTIALS);
        assertThat(e.diagnosticMessage()).isPresent();
        assertThat(e.getMessage()).contains("invalid credentials (49)");
    }

    @Test
    void aTicketWhoseAuthenticatorTheDcCannotOpenIsRejected() throws Exception {
        InitiatorTicket real = ldapTicket();
        InitiatorTicket wrongKey = new InitiatorTicket(real.ticket(),
                new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96, new byte[32]), real.clientName(),
                real.clientRealm());
        LdapConnectException e = assertFailure(() -> CONNECTOR.connect(LdapTarget.plain(dc.dcHost()),
                LdapCredentials.kerberos(wrongKey)), LdapFailure.BIND_REJECTED);
        // Samba answers like Windows: invalidCredentials, "AcceptSecurityContext error, data 52e"
        assertThat(e.resultCode()).contains(ResultCode.INVALID_CREDENTIALS);
        assertThat(e.diagnosticMessage()).hasValueSatisfying(d -> assertThat(d).contains("AcceptSecurityContext"));
    }

    @Test
    void aClosedPortIsDcUnreachable() {
        LdapTarget closed = new LdapTarget(dc.dcHost(), 1, LdapTransport.PLAIN, null);
        assertFailure(() -> CONNECTOR.connect(closed, new LdapCredentials.Simple("x", new char[0])),
                LdapFailure.INSECURE_BIND_REFUSED);
        LdapConnectException e = assertFailure(() -> CONNECTOR.connect(new LdapTarget(dc.dcHost(), 1,
                LdapTransport.LDAPS, dc.caCert()), adminPassword()), LdapFailure.DC_UNREACHABLE);
        assertThat(e.getMessage()).startsWith("DC unreachable (" + dc.dcHost() + ":1)");
    }

    @Test
    void aMissingCaFileIsNamed() {
        assertFailure(() -> CONNECTOR.connect(LdapTarget.ldaps(dc.dcHost(), temp.resolve("none.pem")), adminPassword()),
                LdapFailure.CA_FILE_UNUSABLE);
    }

    private static LdapCredentials adminPassword() {
        return new LdapCredentials.Simple(dc.adminUser() + "@" + dc.realm(), dc.adminPassword().toCharArray());
    }

    interface Connect {
        LdapSession run() throws Exception;
    }

    private static LdapConnectException assertFailure(Connect connect, LdapFailure expected) {
        try (LdapSession unexpected = connect.run()) {
            throw new AssertionError("connected with " + unexpected.protection() + ", expected " + expected);
        } catch (LdapConnectException e) {
            assertThat(e.failure()).as(e.getMessage()).isEqualTo(expected);
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(dc.adminPassword());
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected " + expected + " but got " + e, e);
        }
    }

    private static Certificate someJdkRootCertificate() throws Exception {
        KeyStore cacerts = KeyStore.getInstance(new File(System.getProperty("java.home"), "lib/security/cacerts"),
                (char[]) null);
        return cacerts.getCertificate(Collections.list(cacerts.aliases()).getFirst());
    }

    private static String pem(Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    private static byte[] unicodePwd(String password) {
        return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    }
}
