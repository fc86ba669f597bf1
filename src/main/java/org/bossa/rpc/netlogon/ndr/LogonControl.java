package org.bossa.rpc.netlogon.ndr;

import org.bossa.dcerpc.NdrWriter;

/**
 * NetrLogonControl, opnum 12 (MS-NRPC 3.5.4.9.3), with NETLOGON_CONTROL_QUERY at level 2.
 *
 * <pre>
 * [in,unique,string] wchar_t *ServerName; [in] DWORD FunctionCode; [in] DWORD QueryLevel;
 * [out,switch_is(QueryLevel)] NETLOGON_CONTROL_QUERY_INFORMATION *Buffer; NET_API_STATUS
 * </pre>
 *
 * <p>Why a member sends it: after a DC answers LogonGetCapabilities level 2 with a fault (a DC from
 * before that level), Samba's client (netlogon_creds_cli_check) proves the sealed connection is still
 * in step by sending this call and requiring WERR_NOT_SUPPORTED (0x32) without a fault; a forged fault
 * would have desynchronised the schannel sequence numbers and this call would fail. The Samba 4.17 dev
 * DC answers it with WERR_NOT_SUPPORTED and a null Buffer (netlogon-dc.vectors).
 */
public final class LogonControl {
    public static final int OPNUM = 12;
    public static final int FUNCTION_QUERY = 1;
    /** WERR_NOT_SUPPORTED, the answer that confirms the connection. */
    public static final int WERR_NOT_SUPPORTED = 0x32;

    private LogonControl() {
    }

    /** @param serverName the DC as {@code \\name}, or null */
    public static byte[] encodeQueryRequest(String serverName) {
        NdrWriter w = new NdrWriter(96);
        NetlogonNdr.uniqueString(w, serverName);
        w.u32(FUNCTION_QUERY);
        w.u32(LogonControl2Ex.QUERY_LEVEL);
        return w.toByteArray();
    }

    /** @throws org.bossa.dcerpc.NdrException if the stub is malformed or answers another level */
    public static LogonControl2Ex.Response decodeResponse(byte[] stub) {
        return LogonControl2Ex.decodeQuery(stub);
    }
}
