package org.bossa.rpc.netlogon.ndr;

import java.util.Arrays;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;

/**
 * NetrServerAuthenticate3, opnum 26 (MS-NRPC 3.5.4.4.2): proves knowledge of the session key and
 * negotiates the flags.
 *
 * <pre>
 * [in,unique,string] wchar_t *PrimaryName; [in,string] wchar_t *AccountName;
 * [in] NETLOGON_SECURE_CHANNEL_TYPE SecureChannelType; [in,string] wchar_t *ComputerName;
 * [in] NETLOGON_CREDENTIAL *ClientCredential; [out] NETLOGON_CREDENTIAL *ServerCredential;
 * [in,out] ULONG *NegotiateFlags; [out] ULONG *AccountRid; NTSTATUS
 * </pre>
 */
public final class ServerAuthenticate3 {
    public static final int OPNUM = 26;

    private ServerAuthenticate3() {
    }

    /**
     * @param primaryName      the DC as {@code \\name}, or null
     * @param accountName      the machine account, {@code NAME$}
     * @param computerName     our NetBIOS name without the {@code $}
     * @param clientCredential 8 bytes computed from the client challenge
     * @param negotiateFlags   the flags the client proposes
     */
    public static byte[] encodeRequest(String primaryName, String accountName, SecureChannelType channelType,
            String computerName, byte[] clientCredential, int negotiateFlags) {
        NdrWriter w = new NdrWriter(160);
        NetlogonNdr.uniqueString(w, primaryName);
        NetlogonNdr.refString(w, accountName, "account name");
        w.u16(channelType.value());
        NetlogonNdr.refString(w, computerName, "computer name");
        NetlogonNdr.credential(w, clientCredential, "client credential");
        w.u32(negotiateFlags);
        return w.toByteArray();
    }

    /** @throws org.bossa.dcerpc.NdrException if the stub is malformed */
    public static Response decodeResponse(byte[] stub) {
        NdrReader r = new NdrReader(stub);
        byte[] serverCredential = NetlogonNdr.credential(r);
        int flags = r.u32();
        int rid = r.u32();
        int status = r.u32();
        NetlogonNdr.end(r);
        return new Response(serverCredential, flags, rid, status);
    }

    /**
     * The server credential (8 bytes, copied), the negotiated flags, the machine account's RID and
     * the NTSTATUS.
     */
    public record Response(byte[] serverCredential, int negotiateFlags, int accountRid, int status) {
        public Response {
            serverCredential = NetlogonNdr.checkCredential(serverCredential, "server credential").clone();
        }

        @Override
        public byte[] serverCredential() {
            return serverCredential.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response x && x.negotiateFlags == negotiateFlags && x.accountRid == accountRid
                    && x.status == status && Arrays.equals(x.serverCredential, serverCredential);
        }

        @Override
        public int hashCode() {
            return ((Arrays.hashCode(serverCredential) * 31 + negotiateFlags) * 31 + accountRid) * 31 + status;
        }

        @Override
        public String toString() {
            return "ServerAuthenticate3.Response[negotiateFlags=0x" + Integer.toHexString(negotiateFlags)
                    + ", accountRid=" + Integer.toUnsignedString(accountRid) + ", status=0x"
                    + Integer.toHexString(status) + "]";
        }
    }
}
