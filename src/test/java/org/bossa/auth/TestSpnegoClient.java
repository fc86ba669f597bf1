package org.bossa.auth;

import java.util.List;
import org.bossa.auth.ntlm.NtlmSessionSecurity;
import org.bossa.auth.spnego.NegState;
import org.bossa.auth.spnego.NegTokenInit;
import org.bossa.auth.spnego.NegTokenResp;
import org.bossa.auth.spnego.Oid;

/** A SPNEGO initiator for tests, driving {@link TestNtlmClient} the way smbclient does. */
public final class TestSpnegoClient {
    public final TestNtlmClient ntlm;
    public List<Oid> mechTypes = List.of(Oid.NTLMSSP);
    /** Send our mechListMIC together with AUTHENTICATE (smbclient and Windows do). */
    public boolean sendMechListMic = true;
    public boolean tamperMechListMic;
    private byte[] mechTypesDer;

    public TestSpnegoClient(TestNtlmClient ntlm) {
        this.ntlm = ntlm;
    }

    /** First token: NegTokenInit with the NTLM NEGOTIATE as optimistic token (or a fake one for a first mech). */
    public byte[] init() {
        byte[] token = mechTypes.get(0).equals(Oid.NTLMSSP) ? ntlm.negotiate() : new byte[] {0x60, 0x00};
        NegTokenInit init = new NegTokenInit(mechTypes, token);
        mechTypesDer = init.mechTypesDer();
        return init.encodeInitialToken();
    }

    /**
     * After the server picked NTLMSSP over our first (optimistic) mechanism and sent no token:
     * starts NTLMSSP with NEGOTIATE in a NegTokenResp, as smbclient and Windows do.
     */
    public byte[] negotiateAfterDowngrade(byte[] serverReply) throws Exception {
        NegTokenResp resp = NegTokenResp.decode(serverReply);
        if (resp.responseToken() != null) {
            throw new IllegalStateException("the server sent a token for a mechanism we have not started");
        }
        return new NegTokenResp(null, null, ntlm.negotiate(), null).encode();
    }

    /** Second token: answers the server's CHALLENGE with AUTHENTICATE (+ mechListMIC). */
    public byte[] authenticate(byte[] serverReply) throws Exception {
        NegTokenResp resp = NegTokenResp.decode(serverReply);
        byte[] auth = ntlm.authenticate(resp.responseToken());
        byte[] mic = sendMechListMic ? clientMic() : null;
        return new NegTokenResp(null, null, auth, mic).encode();
    }

    /** The anonymous AUTHENTICATE; no mechListMIC (there are no keys). */
    public byte[] authenticateAnonymous(byte[] serverReply) throws Exception {
        NegTokenResp resp = NegTokenResp.decode(serverReply);
        return new NegTokenResp(null, null, ntlm.authenticate(resp.responseToken()), null).encode();
    }

    /** A NegTokenResp carrying only our mechListMIC (the extra round when the server asked first). */
    public byte[] micOnly() {
        return new NegTokenResp(null, null, null, clientMic()).encode();
    }

    public byte[] clientMic() {
        byte[] mic = NtlmSessionSecurity.forClient(ntlm.keys()).sign(mechTypesDer);
        if (tamperMechListMic) {
            mic[6] ^= 1;
        }
        return mic;
    }

    /** Checks the server's mechListMIC with the server-to-client keys, sequence 0. */
    public boolean serverMicValid(byte[] serverReply) throws Exception {
        NegTokenResp resp = NegTokenResp.decode(serverReply);
        return resp.mechListMic() != null
                && NtlmSessionSecurity.forClient(ntlm.keys()).verify(mechTypesDer, resp.mechListMic());
    }

    public static NegState state(byte[] serverReply) throws Exception {
        return NegTokenResp.decode(serverReply).negState();
    }
}
