package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.Optional;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.CheckSumHandler;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.bossa.auth.kerberos.pac.ClientInfo;
import org.bossa.auth.kerberos.pac.Pac;
import org.bossa.auth.kerberos.pac.PacBuffer;
import org.bossa.auth.kerberos.pac.PacException;
import org.bossa.auth.kerberos.pac.PacSignature;
import org.bossa.auth.kerberos.pac.PacValidator;
import org.bossa.auth.kerberos.pac.ValidatedPac;

/**
 * The PAC of a service ticket (MS-PAC): {@link Pac#decode} and {@link PacValidator#validate} with the
 * fixture's AES256 service key, the client {@code alice} and the seeds' authtime. Failures must be
 * PacException.
 *
 * <p>The server checksum is an HMAC the fuzzer cannot forge, so a mutated PAC would never get past
 * it and the checks behind it (CLIENT_INFO against the ticket, REQUESTOR and UPN_DNS_INFO against
 * LOGON_INFO, the identity) would only ever see the seeds. So a PAC that decodes with an AES256
 * server checksum is also signed again with the service key, as the KDC would have signed it, and
 * validated: once against the fixture's client and authtime, once against its own CLIENT_INFO (so
 * the checks after CLIENT_INFO run for every PAC the fuzzer makes).
 */
class PacFuzzTest {
    private static final EncryptionKey KEY = KerberosFixture.serviceKey();
    /** MS-PAC 2.8.1: every PAC signature uses key usage 17 (KERB_NON_KERB_CKSUM_SALT). */
    private static final int KEY_USAGE = 17;
    private static final int SIGNATURE_TYPE_SIZE = 4;

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void pac(byte[] input) throws KrbException {
        Pac pac;
        try {
            pac = Pac.decode(input);
        } catch (PacException e) {
            pac = null;
        }
        validate(input, KerberosFixture.CLIENT_NAME, KerberosFixture.AUTH_TIME, true);
        if (pac == null) {
            return;
        }
        touch(pac);
        byte[] signed = signAgain(pac);
        if (signed == null) {
            return;
        }
        validate(signed, KerberosFixture.CLIENT_NAME, KerberosFixture.AUTH_TIME, false);
        Optional<ClientInfo> client = pac.clientInfo();
        if (client.isPresent()) {
            validate(signed, client.get().name(), Instant.ofEpochSecond(client.get().clientIdEpochSecond()), false);
        }
    }

    private static void validate(byte[] data, String clientName, Instant authTime, boolean allowRc4) {
        try {
            ValidatedPac v = PacValidator.validate(data, KEY, clientName, authTime, allowRc4);
            v.identity().toString();
        } catch (PacException e) {
            // the logon fails: STATUS_LOGON_FAILURE, with the reason in the audit line
        }
    }

    /** What the acceptor and its log lines read of a decoded PAC. */
    private static void touch(Pac pac) {
        pac.toString();
        for (PacBuffer b : pac.buffers()) {
            pac.bufferData(b);
        }
        pac.logonInfo().ifPresent(l -> {
            l.toString();
            l.groupSids();
            l.resourceGroupSids();
        });
        pac.serverChecksum().ifPresent(PacSignature::toString);
        pac.kdcChecksum().ifPresent(PacSignature::toString);
    }

    /**
     * The PAC with its server checksum made again with {@link #KEY} (MS-PAC 2.8.1: over the PAC with
     * the server and KDC signatures zeroed after their SignatureType), or null when it has no AES256
     * server checksum or no KDC checksum (validation stops before the signature then anyway).
     */
    private static byte[] signAgain(Pac pac) throws KrbException {
        Optional<PacSignature> server = pac.serverChecksum();
        Optional<PacSignature> kdc = pac.kdcChecksum();
        if (server.isEmpty() || kdc.isEmpty() || server.get().signatureType() != PacSignature.HMAC_SHA1_96_AES256) {
            return null;
        }
        byte[] data = pac.bytes();
        zero(data, server.get().buffer());
        zero(data, kdc.get().buffer());
        byte[] sig = CheckSumHandler.getCheckSumHandler(PacSignature.HMAC_SHA1_96_AES256).checksumWithKey(data,
                KEY.getKeyData(), KEY_USAGE);
        System.arraycopy(sig, 0, data, server.get().buffer().offset() + SIGNATURE_TYPE_SIZE, sig.length);
        return data;
    }

    private static void zero(byte[] data, PacBuffer b) {
        for (int i = b.offset() + SIGNATURE_TYPE_SIZE; i < b.offset() + b.size(); i++) {
            data[i] = 0;
        }
    }
}
