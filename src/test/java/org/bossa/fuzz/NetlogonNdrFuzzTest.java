package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.bossa.dcerpc.NdrException;
import org.bossa.rpc.netlogon.crypto.NetlogonCryptoException;
import org.bossa.rpc.netlogon.ndr.LogonControl;
import org.bossa.rpc.netlogon.ndr.LogonControl2Ex;
import org.bossa.rpc.netlogon.ndr.LogonGetCapabilities;
import org.bossa.rpc.netlogon.ndr.LogonSamLogonEx;
import org.bossa.rpc.netlogon.ndr.ServerAuthenticate3;
import org.bossa.rpc.netlogon.ndr.ServerPasswordSet2;
import org.bossa.rpc.netlogon.ndr.ServerReqChallenge;
import org.bossa.rpc.netlogon.schannel.NlAuthMessage;

/**
 * What a DC answers on the Netlogon secure channel (MS-NRPC): the NDR response stubs of
 * NetrServerReqChallenge, NetrServerAuthenticate3, NetrServerPasswordSet2, NetrLogonGetCapabilities
 * (levels 1 and 2), NetrLogonSamLogonEx (validation levels 2, 3 and 6, with the group and SID
 * arrays), NetrLogonControl / 2Ex, and the schannel NL_AUTH_MESSAGE of the bind. Failures must be
 * NdrException (NetlogonCryptoException for NL_AUTH_MESSAGE). The first byte picks the decoder.
 */
class NetlogonNdrFuzzTest {
    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void response(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] stub = Arrays.copyOfRange(input, 1, input.length);
        try {
            switch ((input[0] & 0xFF) % 11) {
                case 0 -> ServerReqChallenge.decodeResponse(stub);
                case 1 -> ServerAuthenticate3.decodeResponse(stub);
                case 2 -> ServerPasswordSet2.decodeResponse(stub);
                case 3 -> LogonGetCapabilities.decodeResponse(stub, 1);
                case 4 -> LogonGetCapabilities.decodeResponse(stub, 2);
                case 5 -> LogonSamLogonEx.decodeResponse(stub, LogonSamLogonEx.VALIDATION_SAM_INFO);
                case 6 -> LogonSamLogonEx.decodeResponse(stub, LogonSamLogonEx.VALIDATION_SAM_INFO2);
                case 7 -> LogonSamLogonEx.decodeResponse(stub, LogonSamLogonEx.VALIDATION_SAM_INFO4);
                case 8 -> LogonControl.decodeResponse(stub);
                case 9 -> LogonControl2Ex.decodeResponse(stub);
                default -> NlAuthMessage.decode(stub);
            }
        } catch (NdrException | NetlogonCryptoException e) {
            // the call fails; the channel reports a protocol error
        }
    }
}
