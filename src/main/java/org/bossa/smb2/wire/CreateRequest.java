package org.bossa.smb2.wire;

import java.util.List;

/**
 * SMB2 CREATE Request (MS-SMB2 2.2.13).
 *
 * <p>Body layout (offsets from the header start): StructureSize 0x40, SecurityFlags 0x42,
 * RequestedOplockLevel 0x43, ImpersonationLevel 0x44, SmbCreateFlags 0x48, Reserved 0x50,
 * DesiredAccess 0x58, FileAttributes 0x5C, ShareAccess 0x60, CreateDisposition 0x64, CreateOptions 0x68,
 * NameOffset 0x6C, NameLength 0x6E, CreateContextsOffset 0x70, CreateContextsLength 0x74, Buffer 0x78.
 *
 * @param securityFlags SecurityFlags (1 byte): reserved, MUST be 0
 * @param requestedOplockLevel RequestedOplockLevel (1 byte)
 * @param impersonationLevel ImpersonationLevel (4 bytes)
 * @param smbCreateFlags SmbCreateFlags (8 bytes): reserved, MUST be 0
 * @param desiredAccess DesiredAccess (4 bytes): access mask (MS-SMB2 2.2.13.1)
 * @param fileAttributes FileAttributes (4 bytes): MS-FSCC 2.6 attributes for a new file
 * @param shareAccess ShareAccess (4 bytes), see {@link ShareAccess}
 * @param createDisposition CreateDisposition (4 bytes)
 * @param createOptions CreateOptions (4 bytes), see {@link CreateOptions}
 * @param name NameOffset (2 bytes) / NameLength (2 bytes): the path relative to the share, UTF-16LE
 * @param contexts CreateContextsOffset (4 bytes) / CreateContextsLength (4 bytes): the create contexts
 */
public record CreateRequest(int securityFlags, OplockLevel requestedOplockLevel,
                            ImpersonationLevel impersonationLevel, long smbCreateFlags, int desiredAccess,
                            int fileAttributes, int shareAccess, CreateDisposition createDisposition,
                            int createOptions, String name, List<CreateContext> contexts) {
    public static final int STRUCTURE_SIZE = 57;
    /** Offset of the Buffer field: where a well-formed request puts the name. */
    public static final int BUFFER_OFFSET = Body.START + 56;

    public CreateRequest {
        contexts = List.copyOf(contexts);
    }

    /** A request with the usual defaults (impersonation level IMPERSONATION, reserved fields zero). */
    public static CreateRequest of(String name, int desiredAccess, int fileAttributes, int shareAccess,
                                   CreateDisposition disposition, int createOptions, OplockLevel oplock,
                                   List<CreateContext> contexts) {
        return new CreateRequest(0, oplock, ImpersonationLevel.IMPERSONATION, 0, desiredAccess, fileAttributes,
                shareAccess, disposition, createOptions, name, contexts);
    }

    public boolean hasOption(int createOption) {
        return (createOptions & createOption) == createOption;
    }

    public static CreateRequest decode(WireReader r) {
        Body.fixed(r, STRUCTURE_SIZE);
        int b = Body.START;
        int nameOffset = r.u16(b + 44);
        int nameLength = r.u16(b + 46);
        long ctxOffset = Body.unsigned(r.u32(b + 48));
        long ctxLength = Body.unsigned(r.u32(b + 52));
        // MS-SMB2 3.3.5.9: name beyond the request, odd NameLength, NameOffset before the Buffer:
        // STATUS_INVALID_PARAMETER; a name that is not valid UTF-16 is STATUS_OBJECT_NAME_INVALID.
        Body.buffer(r, nameOffset, nameLength, BUFFER_OFFSET, "CREATE name");
        if ((nameLength & 1) != 0) {
            throw new WireFormatException(NtStatus.INVALID_PARAMETER, "CREATE NameLength " + nameLength + " is odd");
        }
        String name = nameLength == 0 ? "" : r.utf16(nameOffset, nameLength, NtStatus.OBJECT_NAME_INVALID);
        List<CreateContext> contexts = CreateContexts.decode(r, ctxOffset, ctxLength, BUFFER_OFFSET);
        return new CreateRequest(r.u8(b + 2), OplockLevel.decode(r.u8(b + 3)),
                ImpersonationLevel.decode(r.u32(b + 4)), r.u64(b + 8), r.u32(b + 24), r.u32(b + 28),
                r.u32(b + 32), CreateDisposition.decode(r.u32(b + 36)), r.u32(b + 40), name, contexts);
    }

    public void encode(WireWriter w) {
        w.u16(STRUCTURE_SIZE).u8(securityFlags).u8(requestedOplockLevel.code()).u32(impersonationLevel.code())
                .u64(smbCreateFlags).u64(0).u32(desiredAccess).u32(fileAttributes).u32(shareAccess)
                .u32(createDisposition.code()).u32(createOptions);
        int nameOffsetAt = w.reserve(2);
        int nameLengthAt = w.reserve(2);
        int ctxOffsetAt = w.reserve(4);
        int ctxLengthAt = w.reserve(4);
        int nameAt = w.position();
        int nameLen = w.utf16(name);
        w.putU16(nameOffsetAt, nameAt);
        w.putU16(nameLengthAt, nameLen);
        if (!contexts.isEmpty()) {
            w.align(8);
            int ctxAt = w.position();
            int len = CreateContexts.encode(w, contexts);
            w.putU32(ctxOffsetAt, ctxAt);
            w.putU32(ctxLengthAt, len);
        } else if (nameLen == 0) {
            w.u8(0);
        }
    }
}
