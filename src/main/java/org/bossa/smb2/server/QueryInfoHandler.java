package org.bossa.smb2.server;

import org.bossa.dtyp.AccessMask;

import java.util.UUID;
import org.bossa.dtyp.SecurityDescriptor;
import org.bossa.dtyp.Sid;
import org.bossa.dtyp.UnixModeAcl;
import org.bossa.fscc.FileInfo;
import org.bossa.fscc.FileInfoEncoder;
import org.bossa.fscc.FileInformationClass;
import org.bossa.fscc.FileSystemAttributes;
import org.bossa.fscc.FsInfo;
import org.bossa.fscc.FsInfoEncoder;
import org.bossa.fscc.FsInformationClass;
import org.bossa.fscc.QueryOutput;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.QueryInfoRequest;
import org.bossa.smb2.wire.QueryInfoResponse;
import org.bossa.smb2.wire.WireWriter;
import org.bossa.vfs.FileStat;
import org.bossa.vfs.FsStat;

/**
 * QUERY_INFO (MS-SMB2 3.3.5.20): file, file system and security information. Security descriptors are
 * synthesised from the POSIX owner, group and mode until NT ACL storage arrives.
 */
final class QueryInfoHandler implements Handler {
    @Override
    public Reply handle(RequestContext ctx) {
        QueryInfoRequest req = QueryInfoRequest.decode(ctx.message());
        long outLen = req.outputBufferLengthUnsigned();
        IoLimits.check(ctx, outLen, ctx.server().config().maxTransactSize());
        Open open = ctx.opens().resolve(req.fileId().persistent(), req.fileId().volatileId());
        return switch (req.infoType()) {
            case FILE -> file(open, req, (int) outLen);
            case FILESYSTEM -> fileSystem(ctx, open, req, (int) outLen);
            case SECURITY -> security(open, req, (int) outLen);
            case QUOTA -> Reply.error(NtStatus.NOT_SUPPORTED);
        };
    }

    private static Reply file(Open open, QueryInfoRequest req, int outLen) {
        FileInformationClass cls = FileInformationClass.fromCode(req.fileInfoClass());
        if (cls == null) {
            return Reply.error(NtStatus.INVALID_INFO_CLASS);
        }
        if (open.isPipe()) {
            return pipeInfo(cls, outLen);
        }
        if (cls == FileInformationClass.FileFullEaInformation) {
            return Reply.error(NtStatus.NO_EAS_ON_FILE);
        }
        if (cls == FileInformationClass.FileAlternateNameInformation) {
            return alternateName(open, outLen);
        }
        if (!FileInfoEncoder.supports(cls)) {
            return Reply.error(cls.isDirectoryClass() ? NtStatus.INVALID_INFO_CLASS : NtStatus.NOT_SUPPORTED);
        }
        if (needsReadAttributes(cls) && (open.grantedAccess() & AccessMask.FILE_READ_ATTRIBUTES) == 0) {
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        boolean deletePending = open.fileState() != null && open.fileState().deletePending();
        FileInfo fi = FileInfos.of(open.handle(), open.path(), open.grantedAccess(), open.position(), deletePending);
        if (cls == FileInformationClass.FileNormalizedNameInformation) {
            // The normalized name has no leading separator; the share root's is empty (MS-FSCC 2.4.30).
            fi = fi.toBuilder().name(fi.name().substring(1)).build();
        }
        return output(FileInfoEncoder.encode(cls, fi, outLen));
    }

    /** FileAlternateNameInformation: the 8.3 name, the same one directory listings show. */
    private static Reply alternateName(Open open, int outLen) {
        String shortName = ShortNames.of(ShareNames.baseName(open.path()));
        if (shortName.isEmpty()) {
            return Reply.error(NtStatus.OBJECT_NAME_NOT_FOUND); // the share root has no short name
        }
        WireWriter w = new WireWriter(4 + 2 * shortName.length());
        w.u32(2 * shortName.length());
        w.utf16(shortName);
        if (w.position() > outLen) {
            return Reply.error(outLen < 4 ? NtStatus.INFO_LENGTH_MISMATCH : NtStatus.BUFFER_OVERFLOW);
        }
        return Reply.ok(QueryInfoResponse.of(w.toByteArray())::encode);
    }

    /** MS-FSA 2.1.5.12: only these classes need FILE_READ_ATTRIBUTES; the rest need no access right. */
    private static boolean needsReadAttributes(FileInformationClass cls) {
        return switch (cls) {
            case FileBasicInformation, FileAllInformation, FileNetworkOpenInformation, FileAttributeTagInformation -> true;
            default -> false;
        };
    }

    /** A pipe answers the standard queries with an empty file (what rpcclient and Windows ask). */
    private static Reply pipeInfo(FileInformationClass cls, int outLen) {
        if (!FileInfoEncoder.supports(cls)) {
            return Reply.error(NtStatus.NOT_SUPPORTED);
        }
        FileInfo fi = FileInfo.builder().fileAttributes(org.bossa.fscc.FileAttributes.FILE_ATTRIBUTE_NORMAL)
                .numberOfLinks(1).allocationSize(4096).name("\\").build();
        return output(FileInfoEncoder.encode(cls, fi, outLen));
    }

    private static Reply fileSystem(RequestContext ctx, Open open, QueryInfoRequest req, int outLen) {
        FsInformationClass cls = FsInformationClass.fromCode(req.fileInfoClass());
        if (cls == null) {
            return Reply.error(NtStatus.INVALID_INFO_CLASS);
        }
        if (open.isPipe()) {
            return Reply.error(NtStatus.NOT_SUPPORTED);
        }
        FsStat fs = open.handle().statfs();
        FileStat rootStat;
        try (var rootHandle = open.tree().root().open(".", org.bossa.vfs.OpenMode.path())) {
            rootStat = rootHandle.stat();
        }
        long block = Math.max(512, fs.blockSize());
        long factor = Math.max(1, fs.fragmentSize());
        long total = fs.totalBlocks() * factor / block;
        long avail = fs.availableBlocks() * factor / block;
        long free = fs.freeBlocks() * factor / block;
        String label = open.tree().share().name();
        FsInfo base = FsInfo.disk(FileInfos.creationTime(rootStat), FileInfos.volumeSerial(rootStat), label, block,
                total, avail, free);
        int attrs = FileSystemAttributes.BOSSA_DEFAULT
                | (open.tree().share().readOnly() ? FileSystemAttributes.FILE_READ_ONLY_VOLUME : 0);
        FsInfo info = new FsInfo(base.volumeCreationTime(), base.volumeSerialNumber(), base.volumeLabel(),
                base.totalAllocationUnits(), base.callerAvailableAllocationUnits(), base.actualAvailableAllocationUnits(),
                base.sectorsPerAllocationUnit(), base.bytesPerSector(), base.deviceType(), base.deviceCharacteristics(),
                attrs, base.maximumComponentNameLength(), base.fileSystemName(),
                UUID.nameUUIDFromBytes(ctx.server().config().serverGuid()));
        return output(FsInfoEncoder.encode(cls, info, outLen));
    }

    private static Reply security(Open open, QueryInfoRequest req, int outLen) {
        if ((open.grantedAccess() & AccessMask.READ_CONTROL) == 0) {
            return Reply.error(NtStatus.ACCESS_DENIED);
        }
        if ((req.additionalInformation() & 0x8) != 0) { // SACL_SECURITY_INFORMATION needs a privilege
            return Reply.error(NtStatus.PRIVILEGE_NOT_HELD);
        }
        if (open.isPipe()) {
            return Reply.error(NtStatus.NOT_SUPPORTED);
        }
        FileStat st = open.handle().stat();
        SecurityDescriptor sd = UnixModeAcl.descriptorFromMode(Sid.unixUser(Integer.toUnsignedLong(st.uid())),
                Sid.unixGroup(Integer.toUnsignedLong(st.gid())), st.permissions(), st.isDirectory());
        byte[] bytes = sd.encode(req.additionalInformation());
        if (bytes.length > outLen) {
            // MS-SMB2 3.3.5.20.3: STATUS_BUFFER_TOO_SMALL with the size needed as error data.
            WireWriter need = new WireWriter(4);
            need.u32(bytes.length);
            byte[] data = need.toByteArray();
            return Reply.of(NtStatus.BUFFER_TOO_SMALL, new org.bossa.smb2.wire.Smb2ErrorResponse(data)::encode);
        }
        return Reply.ok(QueryInfoResponse.of(bytes)::encode);
    }

    private static Reply output(QueryOutput q) {
        return Reply.of(q.bufferOverflow() ? NtStatus.BUFFER_OVERFLOW : NtStatus.SUCCESS,
                QueryInfoResponse.of(q.data())::encode);
    }
}
