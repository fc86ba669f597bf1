package org.bossa.dcerpc.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bossa.dcerpc.AuthVerifier;
import org.bossa.dcerpc.PfcFlags;
import org.bossa.dcerpc.RequestPdu;

/**
 * Splits a request stub into REQUEST fragments no longer than the max_xmit_frag the bind
 * negotiated (C706 12.4, MS-RPCE 3.3.1.5.7). Each fragment carries a multiple of 16 stub bytes
 * except the last, as Samba and Windows send them, so only the last one needs auth padding;
 * alloc_hint is the stub bytes left from that fragment on.
 */
final class RequestFragmenter {
    private RequestFragmenter() {
    }

    /**
     * The fragments of one call, in sending order; with {@code protection} each is protected in
     * that order, which is the order the provider's sequence numbers must follow.
     */
    static List<byte[]> fragments(int callId, int contextId, int opnum, byte[] stub, int maxXmitFrag,
                                  PduProtection protection) throws RpcSecurityException {
        int room;
        if (protection == null) {
            room = maxXmitFrag - RequestPdu.HEADER_SIZE;
            room -= room % AuthVerifier.PAD_ALIGNMENT;
        } else {
            room = protection.stubRoom(maxXmitFrag);
        }
        if (room <= 0) {
            throw new IllegalStateException("max_xmit_frag " + maxXmitFrag + " leaves no room for stub data");
        }
        List<byte[]> out = new ArrayList<>(stub.length / room + 1);
        int off = 0;
        do {
            int n = Math.min(room, stub.length - off);
            int flags = (off == 0 ? PfcFlags.FIRST_FRAG : 0) | (off + n == stub.length ? PfcFlags.LAST_FRAG : 0);
            int allocHint = stub.length - off;
            out.add(protection == null
                    ? new RequestPdu(flags, callId, allocHint, contextId, opnum, null,
                            Arrays.copyOfRange(stub, off, off + n)).encode()
                    : protection.protect(flags, callId, allocHint, contextId, opnum, stub, off, n));
            off += n;
        } while (off < stub.length);
        return out;
    }
}
