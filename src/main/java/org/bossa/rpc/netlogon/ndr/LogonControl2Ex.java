package org.bossa.rpc.netlogon.ndr;

import java.util.Optional;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;

/**
 * NetrLogonControl2Ex, opnum 18 (MS-NRPC 3.5.4.9.1), at query level 2 (NETLOGON_INFO_2): asks a DC
 * about (TC_QUERY) or to check (TC_VERIFY) its secure channel to a domain, which confirms our channel
 * with a DC too old for LogonGetCapabilities level 2, if the caller may ask: a Samba 4.17 DC answers
 * both to a machine account with WERR_ACCESS_DENIED and a null Buffer. Samba's own client confirms the
 * channel with {@link LogonControl} instead.
 *
 * <pre>
 * [in,unique,string] wchar_t *ServerName; [in] DWORD FunctionCode; [in] DWORD QueryLevel;
 * [in,switch_is(FunctionCode)] NETLOGON_CONTROL_DATA_INFORMATION *Data;
 * [out,switch_is(QueryLevel)] NETLOGON_CONTROL_QUERY_INFORMATION *Buffer; NET_API_STATUS
 * </pre>
 *
 * <p>Function codes (2.2.1.7.1; Samba netr_LogonControlCode, a v1_enum): REDISCOVER 5, TC_QUERY 6,
 * CHANGE_PASSWORD 9, TC_VERIFY 10; each takes the domain name as the Data union's string arm, and the
 * union's discriminant is the function code again, 32 bits. The Buffer union's discriminant is the
 * query level, 32 bits.
 */
public final class LogonControl2Ex {
    public static final int OPNUM = 18;
    public static final int FUNCTION_REDISCOVER = 5;
    public static final int FUNCTION_TC_QUERY = 6;
    public static final int FUNCTION_CHANGE_PASSWORD = 9;
    public static final int FUNCTION_TC_VERIFY = 10;
    /** The only query level this codec speaks. */
    public static final int QUERY_LEVEL = 2;

    private LogonControl2Ex() {
    }

    /**
     * @param serverName   the DC as {@code \\name}, or null
     * @param functionCode one of the {@code FUNCTION_} constants (those whose data is a domain name)
     * @param domainName   the domain whose secure channel is queried
     */
    public static byte[] encodeRequest(String serverName, int functionCode, String domainName) {
        if (functionCode != FUNCTION_REDISCOVER && functionCode != FUNCTION_TC_QUERY
                && functionCode != FUNCTION_CHANGE_PASSWORD && functionCode != FUNCTION_TC_VERIFY) {
            throw new IllegalArgumentException("function code " + functionCode);
        }
        if (domainName == null) {
            throw new IllegalArgumentException("domain name is required");
        }
        NdrWriter w = new NdrWriter(128);
        NetlogonNdr.uniqueString(w, serverName);
        w.u32(functionCode);
        w.u32(QUERY_LEVEL);
        w.u32(functionCode);
        w.stringPointer(domainName);
        w.flushDeferred();
        return w.toByteArray();
    }

    /** @throws org.bossa.dcerpc.NdrException if the stub is malformed or answers another level */
    public static Response decodeResponse(byte[] stub) {
        return decodeQuery(stub);
    }

    /** NETLOGON_CONTROL_QUERY_INFORMATION at level 2 and the status: the out stub of opnums 12, 14 and 18. */
    static Response decodeQuery(byte[] stub) {
        NdrReader r = new NdrReader(stub);
        NetlogonNdr.expectLevel(Integer.toUnsignedLong(r.u32()), QUERY_LEVEL, "control query");
        int[] scalars = new int[3];
        String[] dc = new String[1];
        boolean present = r.uniquePointer(p -> {
            scalars[0] = p.u32();
            scalars[1] = p.u32();
            p.uniquePointer(s -> dc[0] = s.conformantVaryingString());
            scalars[2] = p.u32();
        });
        r.flushDeferred(); // the structure, then its string
        Optional<Info2> info = present
                ? Optional.of(new Info2(scalars[0], scalars[1], dc[0], scalars[2]))
                : Optional.empty();
        int werror = r.u32();
        NetlogonNdr.end(r);
        return new Response(info, werror);
    }

    /**
     * NETLOGON_INFO_2 (2.2.1.7.3). When {@link #FLAG_VERIFY_STATUS_RETURNED} is set (a TC_VERIFY
     * answer), {@code pdcConnectionStatus} holds the trust verification status.
     *
     * @param trustedDcName the DC of the secure channel, {@code \\name}, or null
     */
    public record Info2(int flags, int pdcConnectionStatus, String trustedDcName, int tcConnectionStatus) {
        public static final int FLAG_HAS_IP = 0x10;
        public static final int FLAG_HAS_TIMESERV = 0x20;
        public static final int FLAG_VERIFY_STATUS_RETURNED = 0x80;
    }

    /** The level-2 answer (absent if the DC sent a null pointer) and the WERROR. */
    public record Response(Optional<Info2> info, int werror) {
    }
}
