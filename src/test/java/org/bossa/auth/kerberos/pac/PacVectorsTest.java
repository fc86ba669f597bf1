package org.bossa.auth.kerberos.pac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationData;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationDataEntry;
import org.apache.kerby.kerberos.kerb.type.ad.AuthorizationType;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionType;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.ticket.EncTicketPart;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;
import org.bossa.dtyp.Sid;
import org.junit.jupiter.api.Test;

/** Real PACs from Windows KDCs (through MIT krb5's t_pac.c, see {@link MitPacVectors}). */
class PacVectorsTest {
    private static final EncryptionKey MEMBER_RC4 = new EncryptionKey(EncryptionType.ARCFOUR_HMAC,
            MitPacVectors.MEMBER_KEY_RC4);
    private static final EncryptionKey S4U_AES256 = new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96,
            MitPacVectors.S4U_SERVICE_KEY_AES256);
    private static final EncryptionKey W2022_SERVICE = new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96,
            MitPacVectors.W2022_SERVICE_KEY_AES256);
    private static final EncryptionKey W2022_KRBTGT = new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96,
            MitPacVectors.W2022_KRBTGT_KEY_AES256);

    @Test
    void windows2003PacWithRc4Checksums() throws Exception {
        ValidatedPac v = PacValidator.validate(MitPacVectors.SAVED_PAC, MEMBER_RC4, "w2003final$",
                Instant.ofEpochSecond(MitPacVectors.SAVED_PAC_AUTHTIME), true);
        Sid domain = Sid.parse("S-1-5-21-3048156945-3961193616-3706469200");
        assertThat(v.identity().account()).isEqualTo("W2003FINAL$");
        assertThat(v.identity().logonDomain()).isEqualTo("WIN2K3THINK");
        assertThat(v.identity().dnsDomain()).isEmpty();
        assertThat(v.identity().userSid()).isEqualTo(domain.withRid(1005));
        assertThat(v.identity().groupSids()).containsExactly(domain.withRid(516), Sid.parse("S-1-5-9"));
        assertThat(v.upn()).isEmpty();
        LogonInfo logon = v.pac().logonInfo().orElseThrow();
        assertThat(logon.logonServer()).isEqualTo("W2003FINAL");
        assertThat(v.pac().buffer(PacBufferType.LOGON_INFO).orElseThrow().size()).isEqualTo(472);
        assertThat(v.pac().serverChecksum().orElseThrow().signatureType()).isEqualTo(PacSignature.HMAC_MD5);
        // MS-PAC 2.8.2: the KDC signature is over the server signature, under the krbtgt key
        assertKdcSignature(v.pac(), new EncryptionKey(EncryptionType.ARCFOUR_HMAC, MitPacVectors.KDC_KEY_RC4));
    }

    @Test
    void windows2003PacRefusedWithoutRc4() {
        assertThatThrownBy(() -> PacValidator.validate(MitPacVectors.SAVED_PAC, MEMBER_RC4, "w2003final$",
                Instant.ofEpochSecond(MitPacVectors.SAVED_PAC_AUTHTIME), false))
                .isInstanceOf(PacException.class).hasMessageContaining("RC4 is not allowed");
    }

    @Test
    void windows2008S4uPacs() throws Exception {
        ValidatedPac regular = PacValidator.validate(MitPacVectors.S4U_PAC_REGULAR, S4U_AES256, "w2k8u",
                Instant.ofEpochSecond(MitPacVectors.S4U_PAC_REGULAR_AUTHTIME), false);
        Sid domain = Sid.parse("S-1-5-21-9281652-3921847615-585208160");
        assertThat(regular.identity().userSid()).isEqualTo(domain.withRid(1142));
        assertThat(regular.identity().dnsDomain()).isEqualTo("ACME.COM");
        assertThat(regular.upn()).contains("w2k8u@abc");
        assertThat(regular.pac().upnDnsInfo().orElseThrow().flags()).isZero();

        // an enterprise client: CLIENT_INFO holds the whole UPN, the cname unparsed without realm
        ValidatedPac enterprise = PacValidator.validate(MitPacVectors.S4U_PAC_ENTERPRISE, S4U_AES256, "w2k8u@abc",
                Instant.ofEpochSecond(MitPacVectors.S4U_PAC_ENTERPRISE_AUTHTIME), false);
        assertThat(enterprise.identity().account()).isEqualTo("w2k8u");
        assertThatThrownBy(() -> PacValidator.validate(MitPacVectors.S4U_PAC_ENTERPRISE, S4U_AES256, "w2k8u",
                Instant.ofEpochSecond(MitPacVectors.S4U_PAC_ENTERPRISE_AUTHTIME), false))
                .isInstanceOf(PacException.class).hasMessageContaining("CLIENT_INFO name \"w2k8u@abc\"");

        // cross-realm S4U2Self: the name carries the realm (MIT verifies it "with realm")
        EncryptionKey xrealmKey = new EncryptionKey(EncryptionType.AES256_CTS_HMAC_SHA1_96,
                MitPacVectors.S4U_TGT_SERVICE_KEY_AES256);
        assertThat(PacValidator.validate(MitPacVectors.S4U_PAC_XREALM, xrealmKey, "w2k8u@ACME.COM",
                Instant.ofEpochSecond(MitPacVectors.S4U_PAC_XREALM_AUTHTIME), false)).isNotNull();
    }

    @Test
    void windows2022TicketPacWithFullChecksum() throws Exception {
        EncTicketPart part = new EncTicketPart();
        Ticket t = new Ticket();
        t.decode(MitPacVectors.W2022_TICKET);
        part.decode(EncryptionHandler.decrypt(t.getEncryptedEncPart(), W2022_SERVICE, KeyUsage.KDC_REP_TICKET));
        byte[] pacData = pacOf(part);
        String client = String.join("/", part.getCname().getNameStrings());
        Instant authTime = part.getAuthTime().getValue().toInstant();
        assertThat(client).isEqualTo("administrator");

        ValidatedPac v = PacValidator.validate(pacData, W2022_SERVICE, client, authTime, false);
        Sid domain = Sid.parse("S-1-5-21-133451344-1126667713-3548050118");
        assertThat(v.identity().account()).isEqualTo("Administrator");
        assertThat(v.identity().logonDomain()).isEqualTo("W2022-L7");
        assertThat(v.identity().dnsDomain()).isEqualTo("W2022-L7.BASE");
        assertThat(v.identity().userSid()).isEqualTo(domain.withRid(500));
        assertThat(v.identity().groupSids()).containsExactly(domain.withRid(513), domain.withRid(512),
                domain.withRid(520), domain.withRid(518), domain.withRid(519), Sid.parse("S-1-18-1"),
                domain.withRid(572));
        assertThat(v.upn()).contains("Administrator@w2022-l7.base");
        UpnDnsInfo upn = v.pac().upnDnsInfo().orElseThrow();
        assertThat(upn.upnConstructed()).isTrue();
        assertThat(upn.samName()).contains("Administrator");
        assertThat(upn.sid()).contains(domain.withRid(500));
        assertThat(v.pac().ticketChecksum()).isPresent();
        assertThat(v.pac().fullChecksum()).isPresent();

        assertKdcSignature(v.pac(), W2022_KRBTGT);
        // MIT verify_pac_checksums: the full checksum is over the PAC with server, KDC and full zeroed;
        // the server checksum (verified above) is over the PAC with the full checksum in place
        byte[] copy = v.pac().bytes();
        PacValidator.zeroSignature(copy, v.pac().serverChecksum().orElseThrow().buffer());
        PacValidator.zeroSignature(copy, v.pac().kdcChecksum().orElseThrow().buffer());
        PacValidator.zeroSignature(copy, v.pac().fullChecksum().orElseThrow().buffer());
        assertThat(CheckSumHandler.getCheckSumHandler(PacSignature.HMAC_SHA1_96_AES256)
                .checksumWithKey(copy, W2022_KRBTGT.getKeyData(), PacValidator.KEY_USAGE))
                .isEqualTo(v.pac().fullChecksum().orElseThrow().signature());
    }

    @Test
    void aChangedByteInARealPacBreaksTheServerChecksum() throws Exception {
        byte[] pac = MitPacVectors.S4U_PAC_REGULAR.clone();
        PacBuffer logon = Pac.decode(pac).buffer(PacBufferType.LOGON_INFO).orElseThrow();
        pac[logon.offset() + 20] ^= 0x01; // inside LogonTime
        assertThatThrownBy(() -> PacValidator.validate(pac, S4U_AES256, "w2k8u",
                Instant.ofEpochSecond(MitPacVectors.S4U_PAC_REGULAR_AUTHTIME), false))
                .isInstanceOf(PacException.class).hasMessageContaining("SERVER_CHECKSUM does not verify");
    }

    private static void assertKdcSignature(Pac pac, EncryptionKey krbtgt) throws Exception {
        PacSignature kdc = pac.kdcChecksum().orElseThrow();
        byte[] expected = CheckSumHandler.getCheckSumHandler(kdc.signatureType())
                .checksumWithKey(pac.serverChecksum().orElseThrow().signature(), krbtgt.getKeyData(),
                        PacValidator.KEY_USAGE);
        assertThat(kdc.signature()).isEqualTo(expected);
    }

    /** The AD-WIN2K-PAC inside the ticket's AD-IF-RELEVANT elements (there is exactly one here). */
    private static byte[] pacOf(EncTicketPart part) throws Exception {
        List<byte[]> found = new ArrayList<>();
        for (AuthorizationDataEntry e : part.getAuthorizationData().getElements()) {
            if (e.getAuthzType() != AuthorizationType.AD_IF_RELEVANT) {
                continue;
            }
            AuthorizationData inner = new AuthorizationData();
            inner.decode(e.getAuthzData());
            for (AuthorizationDataEntry f : inner.getElements()) {
                if (f.getAuthzType() == AuthorizationType.AD_WIN2K_PAC) {
                    found.add(f.getAuthzData());
                }
            }
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
