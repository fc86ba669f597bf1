package org.bossa.dcerpc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a response stub into RESPONSE fragments no longer than the negotiated max_xmit_frag. */
final class Fragmenter {
    private Fragmenter() {
    }

    static List<byte[]> responses(int callId, int contextId, byte[] stub, int maxXmitFrag) {
        // Stub bytes per fragment, kept a multiple of 8 as Windows does.
        int chunk = ((maxXmitFrag - ResponsePdu.HEADER_SIZE) / 8) * 8;
        List<byte[]> out = new ArrayList<>(stub.length / chunk + 1);
        int off = 0;
        do {
            int n = Math.min(chunk, stub.length - off);
            int flags = (off == 0 ? PfcFlags.FIRST_FRAG : 0) | (off + n == stub.length ? PfcFlags.LAST_FRAG : 0);
            out.add(new ResponsePdu(flags, callId, stub.length - off, contextId, 0,
                    Arrays.copyOfRange(stub, off, off + n)).encode());
            off += n;
        } while (off < stub.length);
        return out;
    }
}
