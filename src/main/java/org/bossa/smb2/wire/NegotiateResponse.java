package org.bossa.smb2.wire;

import java.util.List;

/**
 * SMB2 NEGOTIATE Response (MS-SMB2 2.2.4).
 *
 * @param securityMode SecurityMode (2): SIGNING_ENABLED 1, SIGNING_REQUIRED 2
 * @param dialectRevision DialectRevision (2), 0x02FF to answer an SMB1 multi-protocol negotiate
 * @param serverGuid ServerGuid (16)
 * @param capabilities Capabilities (4)
 * @param maxTransactSize MaxTransactSize (4)
 * @param maxReadSize MaxReadSize (4)
 * @param maxWriteSize MaxWriteSize (4)
 * @param systemTime SystemTime (8, FILETIME)
 * @param serverStartTime ServerStartTime (8)
 * @param securityBuffer the SPNEGO NegTokenInit2
 * @param contexts NegotiateContextList (3.1.1 only)
 */
public record NegotiateResponse(int securityMode, int dialectRevision, byte[] serverGuid, int capabilities,
                                int maxTransactSize, int maxReadSize, int maxWriteSize, long systemTime,
                                long serverStartTime, byte[] securityBuffer, List<NegotiateContext> contexts) {
    public static final int STRUCTURE_SIZE = 65;

    public static final int CAP_DFS = 0x01;
    public static final int CAP_LEASING = 0x02;
    public static final int CAP_LARGE_MTU = 0x04;
    public static final int CAP_MULTI_CHANNEL = 0x08;
    public static final int CAP_PERSISTENT_HANDLES = 0x10;
    public static final int CAP_DIRECTORY_LEASING = 0x20;
    public static final int CAP_ENCRYPTION = 0x40;

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u16(securityMode).u16(dialectRevision).u16(contexts.size()).bytes(serverGuid)
                .u32(capabilities).u32(maxTransactSize).u32(maxReadSize).u32(maxWriteSize).u64(systemTime)
                .u64(serverStartTime);
        int secAt = w.position();
        w.u16(0).u16(securityBuffer.length);
        int ctxAt = w.reserve(4);
        if (securityBuffer.length > 0) {
            w.putU16(secAt, w.position());
            w.bytes(securityBuffer);
        }
        if (!contexts.isEmpty()) {
            w.align(8);
            w.putU32(ctxAt, w.position());
            NegotiateRequest.writeContexts(w, contexts);
        }
    }

    /** Decodes a response (client side, tests). */
    public static NegotiateResponse decode(WireReader r) {
        r.structureSize(STRUCTURE_SIZE);
        int b = Smb2Header.SIZE;
        int secOff = r.u16(b + 56);
        int secLen = r.u16(b + 58);
        r.buffer(secOff, secLen, "SecurityBuffer");
        return new NegotiateResponse(r.u16(b + 2), r.u16(b + 4), r.guid(b + 8), r.u32(b + 24), r.u32(b + 28),
                r.u32(b + 32), r.u32(b + 36), r.u64(b + 40), r.u64(b + 48),
                secLen == 0 ? new byte[0] : r.bytes(secOff, secLen), List.of());
    }
}
