package org.bossa.auth.kerberos.pac;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.bossa.auth.DomainIdentity;
import org.bossa.dtyp.Sid;
import org.bossa.rpc.netlogon.ndr.SidAndAttributes;
import org.bossa.text.LogSafe;

/**
 * Verifies the PAC of a service ticket with the service's long-term key and binds it to the ticket,
 * as an acceptor must before it believes the SIDs (MS-PAC 2.8, MS-KILE 3.4.5.3).
 *
 * <p>Checks, each failing with its own reason:
 * <ol>
 * <li>LOGON_INFO, CLIENT_INFO, SERVER_CHECKSUM and KDC_CHECKSUM are present (Samba refuses a PAC
 *     without them).</li>
 * <li>The server checksum verifies: a keyed checksum with key usage 17 (KERB_NON_KERB_CKSUM_SALT) over
 *     the whole PAC with the SERVER_CHECKSUM and KDC_CHECKSUM buffers zeroed after their 4-byte
 *     SignatureType (MIT {@code zero_signature}, Heimdal and Samba all zero the rest of the buffer,
 *     RODCIdentifier included). The TICKET_CHECKSUM and FULL_CHECKSUM stay as they are: Windows
 *     computes them before the server checksum, and MIT verifies the server checksum over them.
 *     The checksum type must be the one of the key's enctype (AES256 16, AES128 15, RC4 -138 and
 *     then only with {@code allowRc4}); the comparison takes constant time.</li>
 * <li>The KDC, ticket and full checksums are tolerated, not verified: that needs the krbtgt key.</li>
 * <li>CLIENT_INFO's ClientId equals the ticket's authtime to the second (MIT compares seconds), and
 *     its name equals the ticket's client name without realm, ignoring case.</li>
 * <li>A REQUESTOR SID, when present, is the LOGON_INFO user SID.</li>
 * <li>A UPN_DNS_INFO with the S flag names the LOGON_INFO user SID, and its SamName is the
 *     EffectiveName ignoring case.</li>
 * </ol>
 *
 * <p>The client name: MIT, Heimdal and Samba unparse the ticket's cname without realm and unescaped
 * ({@code KRB5_PRINCIPAL_UNPARSE_NO_REALM | KRB5_PRINCIPAL_UNPARSE_DISPLAY}) and compare it to the PAC's
 * name. So {@code clientName} is the cname's components joined with '/'; for an enterprise cname
 * (one component {@code user@upn.suffix}) that is the UPN itself, which is what Windows writes into
 * CLIENT_INFO then. Those three compare case-sensitively; this class ignores case, because AD names
 * are case-insensitive and the checksum already proves the KDC wrote the name.
 */
public final class PacValidator {
    /** KERB_NON_KERB_CKSUM_SALT, the key usage of every PAC signature (MS-PAC 2.8.1). */
    static final int KEY_USAGE = 17;
    private static final int ENCTYPE_AES128 = 17;
    private static final int ENCTYPE_AES256 = 18;
    private static final int ENCTYPE_RC4 = 23;
    private static final int SIGNATURE_TYPE_SIZE = 4;

    private PacValidator() {
    }

    /**
     * Decodes and validates {@code pacData}.
     *
     * @param pacData    the AD-WIN2K-PAC element's contents
     * @param serviceKey the long-term key the ticket was encrypted with
     * @param clientName the ticket's cname without realm, components joined with '/'
     * @param authTime   the ticket's authtime
     * @param allowRc4   whether an HMAC-MD5 server checksum (RC4 service key) is acceptable
     * @throws PacException with a log-safe reason for any malformed or failing PAC
     */
    public static ValidatedPac validate(byte[] pacData, EncryptionKey serviceKey, String clientName, Instant authTime,
            boolean allowRc4) throws PacException {
        Objects.requireNonNull(serviceKey, "serviceKey");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(authTime, "authTime");
        Pac pac = Pac.decode(pacData);
        LogonInfo logon = pac.logonInfo().orElseThrow(() -> missing(PacBufferType.LOGON_INFO));
        ClientInfo client = pac.clientInfo().orElseThrow(() -> missing(PacBufferType.CLIENT_INFO));
        PacSignature server = pac.serverChecksum().orElseThrow(() -> missing(PacBufferType.SERVER_CHECKSUM));
        PacSignature kdc = pac.kdcChecksum().orElseThrow(() -> missing(PacBufferType.KDC_CHECKSUM));

        verifyServerChecksum(pac, server, kdc, serviceKey, allowRc4);
        checkClientInfo(client, clientName, authTime);

        Sid user = logon.userSid();
        Optional<Sid> requestor = pac.requestorSid();
        if (requestor.isPresent() && !requestor.get().equals(user)) {
            throw new PacException("REQUESTOR SID " + requestor.get() + " is not the LOGON_INFO user SID " + user);
        }
        Optional<UpnDnsInfo> upnDns = pac.upnDnsInfo();
        if (upnDns.isPresent() && upnDns.get().hasSamNameAndSid()) {
            UpnDnsInfo u = upnDns.get();
            Sid upnSid = u.sid().orElseThrow();
            if (!upnSid.equals(user)) {
                throw new PacException("UPN_DNS_INFO SID " + upnSid + " is not the LOGON_INFO user SID " + user);
            }
            String samName = u.samName().orElseThrow();
            if (!samName.equalsIgnoreCase(logon.effectiveName())) {
                throw new PacException("UPN_DNS_INFO SamName " + LogSafe.quote(samName)
                        + " is not the LOGON_INFO EffectiveName " + LogSafe.quote(logon.effectiveName()));
            }
        }

        List<Sid> groups = new ArrayList<>();
        groups.add(logon.primaryGroupSid());
        groups.addAll(logon.groupSids());
        for (SidAndAttributes extra : logon.extraSids()) {
            groups.add(extra.sid());
        }
        groups.addAll(logon.resourceGroupSids());
        String dnsDomain = upnDns.map(UpnDnsInfo::dnsDomainName).orElse("");
        DomainIdentity identity = new DomainIdentity(logon.effectiveName(), logon.logonDomainName(), dnsDomain, user,
                logon.primaryGroupSid(), groups);
        Optional<String> upn = upnDns.map(UpnDnsInfo::upn).filter(s -> !s.isEmpty());
        return new ValidatedPac(identity, upn, logon.userFlags(), pac);
    }

    private static PacException missing(int type) {
        return new PacException("PAC has no " + PacBufferType.name(type) + " buffer");
    }

    static void verifyServerChecksum(Pac pac, PacSignature server, PacSignature kdc, EncryptionKey key,
            boolean allowRc4) throws PacException {
        int type = server.signatureType();
        if (type == PacSignature.HMAC_MD5 && !allowRc4) {
            throw new PacException("SERVER_CHECKSUM is HMAC-MD5 (RC4) and RC4 is not allowed");
        }
        int keyEnctype = key.getKeyType() == null ? -1 : key.getKeyType().getValue();
        int expected = switch (keyEnctype) {
            case ENCTYPE_AES256 -> PacSignature.HMAC_SHA1_96_AES256;
            case ENCTYPE_AES128 -> PacSignature.HMAC_SHA1_96_AES128;
            case ENCTYPE_RC4 -> PacSignature.HMAC_MD5;
            default -> throw new PacException("the service key's enctype " + keyEnctype
                    + " has no PAC checksum type (AES256, AES128 or RC4 only)");
        };
        if (type != expected) {
            throw new PacException("SERVER_CHECKSUM type " + type + " does not fit the service key's enctype "
                    + keyEnctype + " (checksum type " + expected + ")");
        }
        byte[] data = pac.bytes();
        zeroSignature(data, server.buffer());
        zeroSignature(data, kdc.buffer());
        byte[] computed;
        try {
            computed = CheckSumHandler.getCheckSumHandler(type).checksumWithKey(data, key.getKeyData(), KEY_USAGE);
        } catch (KrbException e) {
            throw new PacException("cannot compute the SERVER_CHECKSUM of type " + type + ": " + e.getMessage());
        }
        if (!MessageDigest.isEqual(computed, server.signature())) {
            throw new PacException("SERVER_CHECKSUM does not verify with the service key (type " + type + ", kvno "
                    + key.getKvno() + ")");
        }
    }

    /** Zeroes everything after the SignatureType: the Signature and any RODCIdentifier. */
    static void zeroSignature(byte[] data, PacBuffer b) {
        int from = b.offset() + SIGNATURE_TYPE_SIZE;
        int to = b.offset() + b.size();
        for (int i = from; i < to; i++) {
            data[i] = 0;
        }
    }

    static void checkClientInfo(ClientInfo client, String clientName, Instant authTime) throws PacException {
        long pacSecond = client.clientIdEpochSecond();
        if (pacSecond != authTime.getEpochSecond()) {
            throw new PacException("CLIENT_INFO ClientId " + Instant.ofEpochSecond(pacSecond)
                    + " is not the ticket's authtime " + Instant.ofEpochSecond(authTime.getEpochSecond()));
        }
        if (!client.name().equalsIgnoreCase(clientName)) {
            throw new PacException("CLIENT_INFO name " + LogSafe.quote(client.name()) + " is not the ticket's client "
                    + LogSafe.quote(clientName));
        }
    }
}
