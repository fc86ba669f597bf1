package org.bossa.smb2.wire;

/**
 * The 64-byte SMB2 packet header (MS-SMB2 2.2.1.1 async, 2.2.1.2 sync). The signature is not part of the
 * record: signing works on the raw message bytes.
 *
 * @param creditCharge CreditCharge (2 bytes)
 * @param status Status (4) in responses; ChannelSequence (2) + Reserved (2) in requests
 * @param command Command (2), raw so an unknown value can still be answered
 * @param credits CreditRequest / CreditResponse (2)
 * @param flags Flags (4), see the FLAG_ constants
 * @param nextCommand NextCommand (4): offset of the next message of a compound chain, 0 for the last
 * @param messageId MessageId (8)
 * @param asyncId AsyncId (8) when FLAG_ASYNC_COMMAND is set, else 0
 * @param processId Reserved/ProcessId (4) of a sync header
 * @param treeId TreeId (4) of a sync header
 * @param sessionId SessionId (8)
 */
public record Smb2Header(int creditCharge, int status, int command, int credits, int flags, int nextCommand,
                         long messageId, long asyncId, int processId, int treeId, long sessionId) {

    public static final int SIZE = 64;
    public static final int PROTOCOL_ID = 0x424D53FE; // 0xFE 'S' 'M' 'B' read little-endian
    public static final int SIGNATURE_OFFSET = 48;
    public static final int SIGNATURE_LENGTH = 16;

    public static final int FLAG_SERVER_TO_REDIR = 0x00000001;
    public static final int FLAG_ASYNC_COMMAND = 0x00000002;
    public static final int FLAG_RELATED_OPERATIONS = 0x00000004;
    public static final int FLAG_SIGNED = 0x00000008;
    public static final int FLAG_PRIORITY_MASK = 0x00000070;
    public static final int FLAG_DFS_OPERATIONS = 0x10000000;
    public static final int FLAG_REPLAY_OPERATION = 0x20000000;

    /** Offset of the Flags field, for signing code that patches the raw header. */
    public static final int FLAGS_OFFSET = 16;

    public boolean isAsync() {
        return (flags & FLAG_ASYNC_COMMAND) != 0;
    }

    public boolean isRelated() {
        return (flags & FLAG_RELATED_OPERATIONS) != 0;
    }

    public boolean isSigned() {
        return (flags & FLAG_SIGNED) != 0;
    }

    public boolean isResponse() {
        return (flags & FLAG_SERVER_TO_REDIR) != 0;
    }

    /** ChannelSequence of a request (the low half of the Status field). */
    public int channelSequence() {
        return status & 0xFFFF;
    }

    /** Decodes the header at offset 0 of {@code r}, checking ProtocolId and StructureSize. */
    public static Smb2Header decode(WireReader r) {
        r.require(0, SIZE, "SMB2 header");
        if (r.u32(0) != PROTOCOL_ID) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "not an SMB2 header");
        }
        if (r.u16(4) != SIZE) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "header StructureSize " + r.u16(4));
        }
        int flags = r.u32(16);
        boolean async = (flags & FLAG_ASYNC_COMMAND) != 0;
        return new Smb2Header(r.u16(6), r.u32(8), r.u16(12), r.u16(14), flags, r.u32(20), r.u64(24),
                async ? r.u64(32) : 0, async ? 0 : r.u32(32), async ? 0 : r.u32(36), r.u64(40));
    }

    /** Writes the 64 header bytes at the writer's position (signature zero). */
    public void encode(WireWriter w) {
        w.u32(PROTOCOL_ID).u16(SIZE).u16(creditCharge).u32(status).u16(command).u16(credits).u32(flags)
                .u32(nextCommand).u64(messageId);
        if (isAsync()) {
            w.u64(asyncId);
        } else {
            w.u32(processId).u32(treeId);
        }
        w.u64(sessionId).zeros(SIGNATURE_LENGTH);
    }

    /** The response header for this request: same command, message id, tree and session. */
    public Smb2Header response(NtStatus st, int grantedCredits) {
        return new Smb2Header(creditCharge, st.code(), command, grantedCredits,
                FLAG_SERVER_TO_REDIR | (flags & (FLAG_RELATED_OPERATIONS | FLAG_PRIORITY_MASK)), 0, messageId,
                0, processId, treeId, sessionId);
    }

    public Smb2Header withStatus(int st) {
        return new Smb2Header(creditCharge, st, command, credits, flags, nextCommand, messageId, asyncId,
                processId, treeId, sessionId);
    }

    public Smb2Header withFlags(int f) {
        return new Smb2Header(creditCharge, status, command, credits, f, nextCommand, messageId, asyncId,
                processId, treeId, sessionId);
    }

    public Smb2Header withAsync(long id) {
        return new Smb2Header(creditCharge, status, command, credits, flags | FLAG_ASYNC_COMMAND, nextCommand,
                messageId, id, 0, 0, sessionId);
    }

    public Smb2Header withCredits(int c) {
        return new Smb2Header(creditCharge, status, command, c, flags, nextCommand, messageId, asyncId,
                processId, treeId, sessionId);
    }

    public Smb2Header withIds(long session, int tree) {
        return new Smb2Header(creditCharge, status, command, credits, flags, nextCommand, messageId, asyncId,
                processId, tree, session);
    }
}
