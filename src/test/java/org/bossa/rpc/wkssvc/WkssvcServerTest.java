package org.bossa.rpc.wkssvc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.NdrWriter;
import org.bossa.dcerpc.RpcCallContext;
import org.bossa.dcerpc.RpcFault;
import org.bossa.dcerpc.SambaVectors;
import org.bossa.rpc.ServerIdentity;
import org.junit.jupiter.api.Test;

class WkssvcServerTest {
    private static final ServerIdentity ID = new ServerIdentity("BOSSA", "EXAMPLE", 10, 0, 0x9803, "");
    private static final RpcCallContext CTX = new RpcCallContext("alice", "EXAMPLE", "127.0.0.1");
    private final WkssvcServer wkssvc = new WkssvcServer(() -> ID);

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void wkstaGetInfoMatchesSamba() throws RpcFault {
        assertArrayEquals(hex(SambaVectors.WKSTA_GET_OUT_L100), wkssvc.invoke(0, hex(SambaVectors.WKSTA_GET_IN_L100), CTX));
        assertArrayEquals(hex(SambaVectors.WKSTA_GET_OUT_L101), wkssvc.invoke(0, hex(SambaVectors.WKSTA_GET_IN_L101), CTX));
        assertArrayEquals(hex(SambaVectors.WKSTA_GET_OUT_L102), wkssvc.invoke(0, hex(SambaVectors.WKSTA_GET_IN_L102), CTX));
    }

    @Test
    void otherLevelsAndOpnums() throws RpcFault {
        byte[] in502 = new NdrWriter().stringPointer(null).u32(502).toByteArray();
        assertArrayEquals(hex("f6010000 00000000 7c000000"), wkssvc.invoke(0, in502, CTX));
        byte[] in7 = new NdrWriter().stringPointer(null).u32(7).toByteArray();
        assertArrayEquals(hex("07000000 7c000000"), wkssvc.invoke(0, in7, CTX));
        assertEquals(FaultStatus.OP_RNG_ERROR,
                assertThrows(RpcFault.class, () -> wkssvc.invoke(1, new byte[0], CTX)).status());
    }
}
