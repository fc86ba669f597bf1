package org.bossa.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.RpcFault;
import org.bossa.rpc.srvsvc.SrvsvcServer;
import org.bossa.rpc.wkssvc.WkssvcServer;

/**
 * The NDR request stubs of the server pipes, straight into the interface (no PDU layer):
 * srvsvc NetrShareEnum, NetrShareGetInfo, NetrServerGetInfo, NetrShareEnumSticky and wkssvc
 * NetrWkstaGetInfo. Failures must be RpcFault or NdrException (the connection turns the latter into
 * a BAD_STUB_DATA fault); any other RuntimeException would reach the pipe's catch-all as a fault
 * logged as a server bug. The first byte picks interface and opnum, the rest is the stub.
 */
class RpcStubFuzzTest {
    private static final SrvsvcServer SRVSVC = new SrvsvcServer(FuzzShares.CATALOG);
    private static final WkssvcServer WKSSVC = new WkssvcServer(FuzzShares.CATALOG::server);
    private static final int[] SRVSVC_OPS = {SrvsvcServer.OP_NETR_SHARE_ENUM, SrvsvcServer.OP_NETR_SHARE_GET_INFO,
            SrvsvcServer.OP_NETR_SERVER_GET_INFO, SrvsvcServer.OP_NETR_SHARE_ENUM_STICKY};

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void stub(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int pick = input[0] & 0xFF;
        byte[] stub = Arrays.copyOfRange(input, 1, input.length);
        try {
            if (pick % 5 == 4) {
                WKSSVC.invoke(WkssvcServer.OP_NETR_WKSTA_GET_INFO, stub, FuzzShares.CALLER);
            } else {
                SRVSVC.invoke(SRVSVC_OPS[pick % 5], stub, FuzzShares.CALLER);
            }
        } catch (RpcFault | NdrException e) {
            // a fault PDU to the client
        }
    }
}
