package org.bossa.rpc.wkssvc;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;
import org.bossa.dcerpc.RpcCallContext;
import org.bossa.dcerpc.RpcFault;
import org.bossa.dcerpc.RpcInterface;
import org.bossa.rpc.ServerIdentity;
import org.bossa.rpc.WError;

/** The workstation service, wkssvc 6bffd098-a112-3610-9833-46c3f87e345a v1.0 (MS-WKST): NetrWkstaGetInfo. */
public final class WkssvcServer implements RpcInterface {
    public static final UUID INTERFACE_UUID = UUID.fromString("6bffd098-a112-3610-9833-46c3f87e345a");
    /** NetrWkstaGetInfo (MS-WKST 3.2.4.1). */
    public static final int OP_NETR_WKSTA_GET_INFO = 0;
    static final int PLATFORM_ID_NT = 500;

    /** The [case()] arms of wkssvc_NetWkstaInfo (Samba librpc/idl/wkssvc.idl). */
    private static final Set<Integer> UNION_CASES = Set.of(100, 101, 102, 502, 1010, 1011, 1012, 1013, 1018, 1023,
            1027, 1028, 1032, 1033, 1041, 1042, 1043, 1044, 1045, 1046, 1047, 1048, 1049, 1050, 1051, 1052, 1053,
            1054, 1055, 1056, 1057, 1058, 1059, 1060, 1061, 1062);

    private final Supplier<ServerIdentity> identity;

    public WkssvcServer(Supplier<ServerIdentity> identity) {
        this.identity = Objects.requireNonNull(identity);
    }

    @Override
    public UUID uuid() {
        return INTERFACE_UUID;
    }

    @Override
    public int versionMajor() {
        return 1;
    }

    @Override
    public int versionMinor() {
        return 0;
    }

    @Override
    public byte[] invoke(int opnum, byte[] stub, RpcCallContext ctx) throws RpcFault {
        if (opnum != OP_NETR_WKSTA_GET_INFO) {
            throw new RpcFault(FaultStatus.OP_RNG_ERROR);
        }
        return wkstaGetInfo(new NdrReader(stub));
    }

    /*
     * unsigned long NetrWkstaGetInfo([in,string,unique] WKSSVC_IDENTIFY_HANDLE ServerName, [in] unsigned long Level,
     *     [out,switch_is(Level)] LPWKSTA_INFO WkstaInfo)
     */
    private byte[] wkstaGetInfo(NdrReader r) {
        r.topLevelStringPointer();
        int level = r.u32();
        ServerIdentity id = identity.get();
        boolean supported = level == 100 || level == 101 || level == 102;
        NdrWriter w = new NdrWriter(192);
        w.u32(level);
        if (UNION_CASES.contains(level)) {
            w.uniquePointer(supported, ww -> {
                ww.u32(PLATFORM_ID_NT);             // wki10x_platform_id
                ww.stringPointer(id.netbiosName()); // wki10x_computername
                ww.stringPointer(id.domain());      // wki10x_langroup
                ww.u32(id.versionMajor());
                ww.u32(id.versionMinor());
                if (level >= 101) {
                    ww.stringPointer("");           // wki10x_lanroot
                }
                if (level == 102) {
                    ww.u32(0);                      // wki102_logged_on_users
                }
            });
            w.flushDeferred();
        }
        w.u32(supported ? WError.OK : WError.UNKNOWN_LEVEL);
        return w.toByteArray();
    }
}
