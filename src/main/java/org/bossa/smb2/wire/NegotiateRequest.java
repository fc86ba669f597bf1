package org.bossa.smb2.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * SMB2 NEGOTIATE Request (MS-SMB2 2.2.3).
 *
 * @param dialects Dialects (2 bytes each, DialectCount of them)
 * @param securityMode SecurityMode (2)
 * @param capabilities Capabilities (4)
 * @param clientGuid ClientGuid (16)
 * @param contexts the NegotiateContextList, present when 3.1.1 is offered
 */
public record NegotiateRequest(int[] dialects, int securityMode, int capabilities, byte[] clientGuid,
                               List<NegotiateContext> contexts) {
    public static final int STRUCTURE_SIZE = 36;
    public static final int SIGNING_ENABLED = 0x0001;
    public static final int SIGNING_REQUIRED = 0x0002;

    public static NegotiateRequest decode(WireReader r) {
        r.structureSize(STRUCTURE_SIZE);
        int b = Smb2Header.SIZE;
        int count = r.u16(b + 2);
        if (count == 0) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "DialectCount 0");
        }
        r.require(b + STRUCTURE_SIZE, 2L * count, "Dialects");
        int[] dialects = new int[count];
        boolean offers311 = false;
        for (int i = 0; i < count; i++) {
            dialects[i] = r.u16(b + STRUCTURE_SIZE + 2 * i);
            offers311 |= dialects[i] == Dialect.SMB_3_1_1.code();
        }
        List<NegotiateContext> contexts = List.of();
        if (offers311) {
            contexts = decodeContexts(r, r.u32(b + 28), r.u16(b + 32));
        }
        return new NegotiateRequest(dialects, r.u16(b + 4), r.u32(b + 8), r.guid(b + 12), contexts);
    }

    private static List<NegotiateContext> decodeContexts(WireReader r, int offset, int count) {
        if (count == 0) {
            return List.of();
        }
        if (count > 64) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "NegotiateContextCount " + count);
        }
        List<NegotiateContext> out = new ArrayList<>(count);
        long pos = Integer.toUnsignedLong(offset);
        for (int i = 0; i < count; i++) {
            if ((pos & 7) != 0) {
                pos = (pos + 7) & ~7L;
            }
            r.require(pos, 8, "negotiate context header");
            int type = r.u16((int) pos);
            int len = r.u16((int) pos + 2);
            out.add(new NegotiateContext(type, r.bytes(pos + 8, len)));
            pos += 8 + len;
        }
        return out;
    }

    public NegotiateContext context(int type) {
        for (NegotiateContext c : contexts) {
            if (c.contextType() == type) {
                return c;
            }
        }
        return null;
    }

    /** Encodes a request (tests and benchmarks act as a client). */
    public void encode(WireWriter w) {
        int b = w.position();
        w.u16(STRUCTURE_SIZE).u16(dialects.length).u16(securityMode).u16(0).u32(capabilities).bytes(clientGuid);
        int ctxOffsetAt = w.reserve(4);
        w.u16(contexts.size()).u16(0);
        for (int d : dialects) {
            w.u16(d);
        }
        if (!contexts.isEmpty()) {
            w.align(8);
            w.putU32(ctxOffsetAt, w.position());
            writeContexts(w, contexts);
        }
        assert b == Smb2Header.SIZE;
    }

    static void writeContexts(WireWriter w, List<NegotiateContext> list) {
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                w.align(8);
            }
            NegotiateContext c = list.get(i);
            w.u16(c.contextType()).u16(c.data().length).u32(0).bytes(c.data());
        }
    }
}
