package org.bossa.rpc.srvsvc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;
import org.bossa.dcerpc.RpcCallContext;
import org.bossa.dcerpc.RpcFault;
import org.bossa.dcerpc.RpcInterface;
import org.bossa.rpc.ServerIdentity;
import org.bossa.rpc.WError;

/**
 * The server service, srvsvc 4b324fc8-1670-01d3-1278-5a47bf6ee188 v3.0 (MS-SRVS): share enumeration
 * for {@code smbclient -L}, {@code net view} and Explorer, share and server information.
 */
public final class SrvsvcServer implements RpcInterface {
    public static final UUID INTERFACE_UUID = UUID.fromString("4b324fc8-1670-01d3-1278-5a47bf6ee188");

    /** NetrShareEnum (MS-SRVS 3.1.4.8), Samba's srvsvc_NetShareEnumAll. */
    public static final int OP_NETR_SHARE_ENUM = 15;
    /** NetrShareGetInfo (MS-SRVS 3.1.4.10). */
    public static final int OP_NETR_SHARE_GET_INFO = 16;
    /** NetrServerGetInfo (MS-SRVS 3.1.4.17). */
    public static final int OP_NETR_SERVER_GET_INFO = 21;
    /** NetrShareEnumSticky (MS-SRVS 3.1.4.9): same layout as NetrShareEnum; every share here is sticky. */
    public static final int OP_NETR_SHARE_ENUM_STICKY = 36;

    /** SV_PLATFORM_ID_NT. */
    static final int PLATFORM_ID_NT = 500;
    /** The [case()] arms of srvsvc_NetSrvInfo. */
    private static final Set<Integer> SRV_INFO_CASES = srvInfoCases();

    private final ShareCatalog catalog;

    public SrvsvcServer(ShareCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog);
    }

    @Override
    public UUID uuid() {
        return INTERFACE_UUID;
    }

    @Override
    public int versionMajor() {
        return 3;
    }

    @Override
    public int versionMinor() {
        return 0;
    }

    @Override
    public byte[] invoke(int opnum, byte[] stub, RpcCallContext ctx) throws RpcFault {
        return switch (opnum) {
            case OP_NETR_SHARE_ENUM, OP_NETR_SHARE_ENUM_STICKY -> shareEnum(new NdrReader(stub), ctx);
            case OP_NETR_SHARE_GET_INFO -> shareGetInfo(new NdrReader(stub), ctx);
            case OP_NETR_SERVER_GET_INFO -> serverGetInfo(new NdrReader(stub));
            default -> throw new RpcFault(FaultStatus.OP_RNG_ERROR);
        };
    }

    /*
     * WERROR NetrShareEnum([in,unique,string] wchar_t *ServerName, [in,out,ref] SHARE_ENUM_STRUCT *InfoStruct,
     *     [in] DWORD PreferedMaximumLength, [out,ref] DWORD *TotalEntries, [in,out,unique] DWORD *ResumeHandle)
     */
    private byte[] shareEnum(NdrReader r, RpcCallContext ctx) {
        r.topLevelStringPointer();               // ServerName, not checked (Windows ignores it too)
        int level = r.u32();                     // SHARE_ENUM_STRUCT.Level
        int discriminant = r.u32();              // union SHARE_ENUM_UNION switch
        if (discriminant != level) {
            throw new NdrException("union discriminant " + discriminant + " != level " + level);
        }
        boolean known = ShareInfoCodec.UNION_CASES.contains(level);
        if (known) {
            r.uniquePointer(rr -> ShareInfoCodec.skipCtr(rr, level));
            r.flushDeferred();
        }
        r.u32();                                 // PreferedMaximumLength: everything fits in one answer
        boolean resume = r.uniquePointer(NdrReader::u32);
        r.flushDeferred();

        boolean denied = !mayRead(level, ctx);
        boolean supported = ShareInfoCodec.ENUM_LEVELS.contains(level) && !denied;
        List<ShareEntry> shares = supported ? new ArrayList<>(catalog.shares()) : List.of();
        NdrWriter w = new NdrWriter(256 + shares.size() * 128);
        w.u32(level);
        w.u32(level);
        if (known) {
            w.uniquePointer(supported, ww -> {
                ww.u32(shares.size());
                ww.uniquePointer(!shares.isEmpty(),
                        www -> www.conformantArray(shares, (x, s) -> ShareInfoCodec.write(x, level, s)));
            });
            w.flushDeferred();
        }
        w.u32(shares.size());                    // TotalEntries
        w.uniquePointer(resume, ww -> ww.u32(0)); // ResumeHandle: nothing left
        w.flushDeferred();
        w.u32(denied ? WError.ACCESS_DENIED : supported ? WError.OK : WError.UNKNOWN_LEVEL);
        return w.toByteArray();
    }

    /**
     * Levels 2, 502 and 503 carry the share's local path (and 502/503 its security descriptor), 1501
     * the descriptor alone: Windows gives them only to Administrators, Server Operators and Power
     * Users (NetShareEnum, NetShareGetInfo remarks) and Samba only to BUILTIN\Administrators;
     * anyone else gets ERROR_ACCESS_DENIED. A path tells an attacker where to aim on the host.
     */
    static boolean mayRead(int level, RpcCallContext ctx) {
        return ctx.administrator() || !ShareInfoCodec.ADMIN_LEVELS.contains(level);
    }

    /*
     * WERROR NetrShareGetInfo([in,unique,string] wchar_t *ServerName, [in,string] wchar_t *NetName,
     *     [in] DWORD Level, [out,switch_is(Level),ref] LPSHARE_INFO InfoStruct)
     */
    private byte[] shareGetInfo(NdrReader r, RpcCallContext ctx) {
        r.topLevelStringPointer();
        String netName = r.conformantVaryingString();
        int level = r.u32();

        int status = WError.OK;
        ShareEntry share = null;
        if (!mayRead(level, ctx)) {
            status = WError.ACCESS_DENIED;   // first, as in NetrShareEnum; before the lookup: no probing names
        } else if (!ShareInfoCodec.GET_LEVELS.contains(level)) {
            status = WError.UNKNOWN_LEVEL;
        } else {
            share = find(netName);
            if (share == null) {
                status = WError.NERR_NETNAMENOTFOUND;
            }
        }
        ShareEntry found = share;
        NdrWriter w = new NdrWriter(256);
        w.u32(level);
        if (ShareInfoCodec.UNION_CASES.contains(level)) {
            w.uniquePointer(found != null, ww -> ShareInfoCodec.write(ww, level, found));
            w.flushDeferred();
        }
        w.u32(status);
        return w.toByteArray();
    }

    private ShareEntry find(String name) {
        String wanted = name.toUpperCase(Locale.ROOT);
        for (ShareEntry s : catalog.shares()) {
            if (s.name().toUpperCase(Locale.ROOT).equals(wanted)) {
                return s;
            }
        }
        return null;
    }

    /*
     * NET_API_STATUS NetrServerGetInfo([in,unique,string] SRVSVC_HANDLE ServerName, [in] DWORD Level,
     *     [out,switch_is(Level)] LPSERVER_INFO InfoStruct)
     */
    private byte[] serverGetInfo(NdrReader r) {
        r.topLevelStringPointer();
        int level = r.u32();
        ServerIdentity id = catalog.server();
        boolean supported = level == 100 || level == 101 || level == 102;
        NdrWriter w = new NdrWriter(256);
        w.u32(level);
        if (SRV_INFO_CASES.contains(level)) {
            w.uniquePointer(supported, ww -> writeServerInfo(ww, level, id));
            w.flushDeferred();
        }
        w.u32(supported ? WError.OK : WError.UNKNOWN_LEVEL);
        return w.toByteArray();
    }

    private static void writeServerInfo(NdrWriter w, int level, ServerIdentity id) {
        w.u32(PLATFORM_ID_NT);                   // sv10x_platform_id
        w.stringPointer(id.netbiosName());       // sv10x_name
        if (level == 100) {
            return;
        }
        w.u32(id.versionMajor());
        w.u32(id.versionMinor());
        w.u32(id.serverType());
        w.stringPointer(id.comment());
        if (level == 101) {
            return;
        }
        w.u32(0xFFFFFFFF);                       // sv102_users: no limit
        w.u32(15);                               // sv102_disc: idle minutes before autodisconnect
        w.u32(0);                                // sv102_hidden: visible in browse lists
        w.u32(240);                              // sv102_announce: seconds between announcements
        w.u32(3000);                             // sv102_anndelta: milliseconds of jitter
        w.u32(0);                                // sv102_licenses
        w.stringPointer("C:\\");                 // sv102_userpath
    }

    private static Set<Integer> srvInfoCases() {
        List<Integer> c = new ArrayList<>(List.of(100, 101, 102, 402, 403, 502, 503, 599, 1005, 1010, 1016, 1017,
                1018, 1107, 1501, 1502, 1503, 1506));
        for (int l : new int[] {1509, 1510, 1511, 1512, 1513, 1514, 1515, 1516, 1518, 1520, 1521, 1522, 1523, 1524,
                1525, 1528, 1529, 1530, 1533, 1534, 1535, 1536, 1537, 1538, 1539, 1540, 1541, 1542, 1543, 1544, 1545,
                1546, 1547, 1548, 1549, 1550, 1552, 1553, 1554, 1555, 1556}) {
            c.add(l);
        }
        return Set.copyOf(c);
    }
}
