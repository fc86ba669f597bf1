package org.bossa.rpc.netlogon.ndr;

import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;

/**
 * NetrLogonGetCapabilities, opnum 21 (MS-NRPC 3.5.4.4.10), the July 2023 (KB5028185) downgrade check.
 *
 * <pre>
 * [in,string] wchar_t *ServerName; [in,unique,string] wchar_t *ComputerName;
 * [in] NETLOGON_AUTHENTICATOR *Authenticator; [in,out] NETLOGON_AUTHENTICATOR *ReturnAuthenticator;
 * [in] DWORD QueryLevel; [out,switch_is(QueryLevel)] NETLOGON_CAPABILITIES *ServerCapabilities; NTSTATUS
 * </pre>
 *
 * <p>ServerName is a [ref] string here (no referent id), unlike the other calls' unique PrimaryName.
 * The capabilities union has arms 1 (ServerCapabilities: the negotiated flags) and 2 (RequestedFlags:
 * the flags the client sent in Authenticate3) and no default arm, so any other level cannot be
 * marshalled: a DC answers it with the RPC fault nca_s_fault_invalid_tag (Samba since bug 15418). A DC
 * that predates level 2 faults on level 2 the same way (or with BAD_STUB_DATA); that fault arrives as a
 * PDU, before this codec sees a stub, and the channel code must treat it as an old server
 * (see CapabilityCheck). When the status is an error the DC still marshals the union (zero) and the authenticator.
 */
public final class LogonGetCapabilities {
    public static final int OPNUM = 21;
    /** Query level 1: the server's capabilities, which must equal the flags Authenticate3 negotiated. */
    public static final int LEVEL_SERVER_CAPABILITIES = 1;
    /** Query level 2: the flags the client requested, as the server saw them. */
    public static final int LEVEL_REQUESTED_FLAGS = 2;

    private LogonGetCapabilities() {
    }

    /**
     * Sends a zero ReturnAuthenticator, as clients do.
     *
     * @param serverName    the DC as {@code \\name} (required)
     * @param computerName  our NetBIOS name without the {@code $}, or null
     * @param authenticator the next authenticator of the credential chain
     * @param queryLevel    {@link #LEVEL_SERVER_CAPABILITIES} or {@link #LEVEL_REQUESTED_FLAGS}
     */
    public static byte[] encodeRequest(String serverName, String computerName, Authenticator authenticator,
            int queryLevel) {
        checkLevel(queryLevel);
        NdrWriter w = new NdrWriter(128);
        NetlogonNdr.refString(w, serverName, "server name");
        NetlogonNdr.uniqueString(w, computerName);
        NetlogonNdr.authenticator(w, authenticator);
        NetlogonNdr.authenticator(w, Authenticator.ZERO);
        w.u32(queryLevel);
        return w.toByteArray();
    }

    /**
     * @param queryLevel the level the request asked for; the union must carry it
     * @throws NdrException if the stub is malformed or answers another level
     */
    public static Response decodeResponse(byte[] stub, int queryLevel) {
        checkLevel(queryLevel);
        NdrReader r = new NdrReader(stub);
        Authenticator returned = NetlogonNdr.authenticator(r);
        NetlogonNdr.expectLevel(Integer.toUnsignedLong(r.u32()), queryLevel, "capabilities");
        int flags = r.u32();
        int status = r.u32();
        NetlogonNdr.end(r);
        return new Response(returned, queryLevel, flags, status);
    }

    private static void checkLevel(int queryLevel) {
        if (queryLevel != LEVEL_SERVER_CAPABILITIES && queryLevel != LEVEL_REQUESTED_FLAGS) {
            throw new IllegalArgumentException("capabilities query level " + queryLevel);
        }
    }

    /**
     * @param flags at level 1 the server's negotiated flags, at level 2 the requested flags it recorded
     */
    public record Response(Authenticator returnAuthenticator, int queryLevel, int flags, int status) {
        @Override
        public String toString() {
            return "LogonGetCapabilities.Response[level=" + queryLevel + ", flags=0x" + Integer.toHexString(flags)
                    + ", status=0x" + Integer.toHexString(status) + "]";
        }
    }
}
