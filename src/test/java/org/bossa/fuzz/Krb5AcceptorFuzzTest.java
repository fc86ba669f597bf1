package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.bossa.auth.kerberos.AcceptResult;
import org.bossa.auth.kerberos.Krb5Acceptor;

/**
 * The client's Kerberos context token (RFC 4121 4.1, MS-KILE 3.4.5), as the SPNEGO layer hands it
 * to {@link Krb5Acceptor#accept}: GSS framing under either Kerberos OID or a bare AP-REQ, the DER
 * walk and Kerby decoding of the AP-REQ, the key lookup in the keytab, decryption of the ticket and
 * the authenticator, their times, names and keys, the GSS checksum, the PAC lookup, the replay cache
 * and the AP-REP. Contract: accept never throws and always returns an AcceptResult.
 *
 * <p>The acceptor is the fixture's ({@link KerberosFixture}): its keytab holds the keys the seeds'
 * tickets are encrypted with and its clock stands at the seeds' authenticator time, so a seed is
 * accepted. Each input gets a fresh replay cache, so that the seeds are accepted on every run.
 *
 * <p>The first byte picks what the rest is: even, the context token as the client sends it (the
 * fuzzer reaches everything up to decryption: framing, AP-REQ, ticket and key lookup); odd, the
 * plaintext EncTicketPart and Authenticator that {@link SealedApReq} encrypts into a token (the
 * fuzzer reaches everything after decryption).
 */
class Krb5AcceptorFuzzTest {
    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void token(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        byte[] token = (input[0] & 1) == 0 ? rest : SealedApReq.seal(rest);
        AcceptResult result = KerberosFixture.acceptor().accept(token);
        switch (result) {
            case AcceptResult.Accepted a -> a.toString();
            case AcceptResult.Rejected r -> r.toString();
            case null -> throw new AssertionError("accept returned null");
        }
    }
}
