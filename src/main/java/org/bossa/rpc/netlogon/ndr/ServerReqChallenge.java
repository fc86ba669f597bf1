package org.bossa.rpc.netlogon.ndr;

import java.util.Arrays;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;

/**
 * NetrServerReqChallenge, opnum 4 (MS-NRPC 3.5.4.4.1): the first step of the secure channel setup.
 *
 * <pre>
 * [in,unique,string] wchar_t *PrimaryName; [in,string] wchar_t *ComputerName;
 * [in] NETLOGON_CREDENTIAL *ClientChallenge; [out] NETLOGON_CREDENTIAL *ServerChallenge; NTSTATUS
 * </pre>
 */
public final class ServerReqChallenge {
    public static final int OPNUM = 4;

    private ServerReqChallenge() {
    }

    /**
     * @param primaryName     the DC as {@code \\name}, or null
     * @param computerName    our NetBIOS name without the {@code $}
     * @param clientChallenge 8 random bytes
     */
    public static byte[] encodeRequest(String primaryName, String computerName, byte[] clientChallenge) {
        NdrWriter w = new NdrWriter(128);
        NetlogonNdr.uniqueString(w, primaryName);
        NetlogonNdr.refString(w, computerName, "computer name");
        NetlogonNdr.credential(w, clientChallenge, "client challenge");
        return w.toByteArray();
    }

    /** @throws org.bossa.dcerpc.NdrException if the stub is malformed */
    public static Response decodeResponse(byte[] stub) {
        NdrReader r = new NdrReader(stub);
        byte[] serverChallenge = NetlogonNdr.credential(r);
        int status = r.u32();
        NetlogonNdr.end(r);
        return new Response(serverChallenge, status);
    }

    /** The server challenge (8 bytes, copied) and the NTSTATUS. */
    public record Response(byte[] serverChallenge, int status) {
        public Response {
            serverChallenge = NetlogonNdr.checkCredential(serverChallenge, "server challenge").clone();
        }

        @Override
        public byte[] serverChallenge() {
            return serverChallenge.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response x && x.status == status && Arrays.equals(x.serverChallenge, serverChallenge);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(serverChallenge) * 31 + status;
        }

        @Override
        public String toString() {
            return "ServerReqChallenge.Response[status=0x" + Integer.toHexString(status) + "]";
        }
    }
}
