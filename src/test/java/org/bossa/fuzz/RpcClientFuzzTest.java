package org.bossa.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.client.RpcFaultException;
import org.bossa.dcerpc.client.RpcProtocolException;
import org.bossa.dcerpc.client.RpcSecurityException;
import org.bossa.rpc.epmapper.ProtocolTower;

/**
 * What a DC sends the DCE/RPC client: the fragments of one answer, reassembled as
 * RpcClientConnection does (ResponseAssembler: call id, type, flags, context, size bound), and the
 * endpoint mapper's ept_map answer with its protocol towers. The first byte picks the target:
 * even = reassembly of the stream cut by frag_length, odd = ept_map stub (towers re-encoded and
 * decoded again must be equal). Failures must be RpcFaultException / RpcProtocolException /
 * RpcSecurityException for reassembly, NdrException for ept_map.
 */
class RpcClientFuzzTest {
    private static final int MAX_RESPONSE = 1 << 20;
    private static final MethodHandle NEW_ASSEMBLER = Hidden.constructor("org.bossa.dcerpc.client.ResponseAssembler",
            int.class, int.class, int.class, pduProtection());
    private static final MethodHandle TAKE = Hidden.virtualMethod("org.bossa.dcerpc.client.ResponseAssembler", "take",
            boolean.class, byte[].class);
    private static final MethodHandle EPT_MAP_RESPONSE = Hidden.staticMethod("org.bossa.rpc.epmapper.EptMap",
            "response", eptMapResult(), byte[].class);
    private static final MethodHandle TOWERS = Hidden.virtualMethod("org.bossa.rpc.epmapper.EptMap$Result",
            "towers", java.util.List.class);

    @FuzzTest(maxDuration = Budget.TEST_PHASE)
    void answer(byte[] input) throws Throwable {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        if ((input[0] & 1) == 0) {
            reassemble(rest);
        } else {
            eptMap(rest);
        }
    }

    private static void reassemble(byte[] stream) throws Throwable {
        if (stream.length < PduHeader.SIZE) {
            return;
        }
        int callId = PduHeader.peekCallId(stream, 0, stream.length);
        Object assembler = NEW_ASSEMBLER.invoke(callId, 0, MAX_RESPONSE, null);
        int off = 0;
        try {
            while (stream.length - off >= PduHeader.SIZE) {
                int frag = PduHeader.peekFragLength(stream, off);
                if (frag < PduHeader.SIZE || frag > stream.length - off) {
                    return; // the transport refuses this framing before the assembler sees it
                }
                boolean last = (boolean) TAKE.invoke(assembler, Arrays.copyOfRange(stream, off, off + frag));
                off += frag;
                if (last) {
                    return;
                }
            }
        } catch (RpcFaultException | RpcProtocolException | RpcSecurityException e) {
            // the call fails with this
        }
    }

    private static void eptMap(byte[] stub) throws Throwable {
        Object result;
        try {
            result = EPT_MAP_RESPONSE.invoke(stub);
        } catch (NdrException e) {
            return;
        }
        for (Object t : (java.util.List<?>) TOWERS.invoke(result)) {
            byte[] once = ((ProtocolTower) t).encode();
            assertArrayEquals(once, ProtocolTower.decode(once).encode(), "protocol tower round trip");
        }
    }

    private static Class<?> pduProtection() {
        try {
            return Class.forName("org.bossa.dcerpc.client.PduProtection");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> eptMapResult() {
        try {
            return Class.forName("org.bossa.rpc.epmapper.EptMap$Result");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
