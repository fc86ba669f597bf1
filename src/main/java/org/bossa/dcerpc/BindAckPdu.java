package org.bossa.dcerpc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * BIND_ACK (12) and ALTER_CONTEXT_RESP (15) (C706 12.6.4.4 and 12.6.4.2): header, max_xmit_frag (2),
 * max_recv_frag (2), assoc_group_id (4), sec_addr (port_any_t: length (2) including the NUL, then
 * the ASCII string), padding to a 4-byte boundary of the PDU, p_result_list: n_results (1),
 * reserved (1), reserved2 (2), then per context result (2), reason (2), transfer_syntax (20).
 */
public record BindAckPdu(PduType type, int flags, int callId, int maxXmitFrag, int maxRecvFrag, int assocGroupId,
                         String secondaryAddress, List<ContextResult> results) {

    public BindAckPdu {
        if (type != PduType.BIND_ACK && type != PduType.ALTER_CONTEXT_RESP) {
            throw new IllegalArgumentException("not a bind_ack type: " + type);
        }
        results = List.copyOf(results);
        secondaryAddress = secondaryAddress == null ? "" : secondaryAddress;
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter(64 + results.size() * 24 + secondaryAddress.length());
        PduHeader.begin(w, type, flags, callId);
        w.rawU16(maxXmitFrag).rawU16(maxRecvFrag).rawU32(assocGroupId);
        if (secondaryAddress.isEmpty()) {
            w.rawU16(0);
        } else {
            byte[] addr = secondaryAddress.getBytes(StandardCharsets.US_ASCII);
            w.rawU16(addr.length + 1).bytes(addr).u8(0);
        }
        w.align(4);
        w.u8(results.size()).u8(0).rawU16(0);
        for (ContextResult r : results) {
            w.rawU16(r.result()).rawU16(r.reason());
            r.transferSyntax().encode(w);
        }
        return PduHeader.finish(w);
    }

    /** Decodes a bind_ack; the server never receives one, tests and the future client do. */
    public static BindAckPdu decode(byte[] pdu, PduHeader h) throws PduFormatException {
        try {
            NdrReader r = new NdrReader(pdu, 0, h.bodyEnd());
            r.seek(PduHeader.SIZE);
            int maxXmit = r.rawU16();
            int maxRecv = r.rawU16();
            int assoc = r.rawU32();
            int addrLen = r.rawU16();
            String addr = "";
            if (addrLen > 0) {
                byte[] a = r.bytes(addrLen);
                int n = a[addrLen - 1] == 0 ? addrLen - 1 : addrLen;
                addr = new String(a, 0, n, StandardCharsets.US_ASCII);
            }
            r.align(4);
            int n = r.u8();
            r.skip(3);
            List<ContextResult> results = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int result = r.rawU16();
                int reason = r.rawU16();
                results.add(new ContextResult(result, reason, SyntaxId.decode(r)));
            }
            return new BindAckPdu(h.type(), h.flags(), h.callId(), maxXmit, maxRecv, assoc, addr, results);
        } catch (NdrException e) {
            throw new PduFormatException("bind_ack body: " + e.getMessage());
        }
    }
}
