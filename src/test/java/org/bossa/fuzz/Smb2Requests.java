package org.bossa.fuzz;

import java.util.List;
import org.bossa.dtyp.DtypFormatException;
import org.bossa.dtyp.SecurityDescriptor;
import org.bossa.fscc.FileAllocationInformation;
import org.bossa.fscc.FileBasicInformation;
import org.bossa.fscc.FileDispositionInformation;
import org.bossa.fscc.FileDispositionInformationEx;
import org.bossa.fscc.FileEndOfFileInformation;
import org.bossa.fscc.FileFullEaInformation;
import org.bossa.fscc.FileInformationClass;
import org.bossa.fscc.FileLinkInformation;
import org.bossa.fscc.FileModeInformation;
import org.bossa.fscc.FilePositionInformation;
import org.bossa.fscc.FileRenameInformation;
import org.bossa.fscc.FileValidDataLengthInformation;
import org.bossa.fscc.FsccFormatException;
import org.bossa.fscc.FsccUnsupportedException;
import org.bossa.smb2.wire.CancelRequest;
import org.bossa.smb2.wire.ChangeNotifyRequest;
import org.bossa.smb2.wire.CloseRequest;
import org.bossa.smb2.wire.CreateContext;
import org.bossa.smb2.wire.CreateContexts;
import org.bossa.smb2.wire.CreateRequest;
import org.bossa.smb2.wire.DurableHandleV2;
import org.bossa.smb2.wire.EchoRequest;
import org.bossa.smb2.wire.FlushRequest;
import org.bossa.smb2.wire.InfoType;
import org.bossa.smb2.wire.IoctlRequest;
import org.bossa.smb2.wire.LeaseBreakAckRequest;
import org.bossa.smb2.wire.LeaseContext;
import org.bossa.smb2.wire.LockRequest;
import org.bossa.smb2.wire.LogoffRequest;
import org.bossa.smb2.wire.NegotiateContext;
import org.bossa.smb2.wire.NegotiateRequest;
import org.bossa.smb2.wire.OplockBreakRequest;
import org.bossa.smb2.wire.QueryDirectoryRequest;
import org.bossa.smb2.wire.QueryInfoRequest;
import org.bossa.smb2.wire.ReadRequest;
import org.bossa.smb2.wire.SessionSetupRequest;
import org.bossa.smb2.wire.SetInfoRequest;
import org.bossa.smb2.wire.Smb2Command;
import org.bossa.smb2.wire.Smb2Header;
import org.bossa.smb2.wire.TreeConnectRequest;
import org.bossa.smb2.wire.TreeDisconnectRequest;
import org.bossa.smb2.wire.ValidateNegotiateInfoRequest;
import org.bossa.smb2.wire.WireFormatException;
import org.bossa.smb2.wire.WireReader;
import org.bossa.smb2.wire.WriteRequest;

/**
 * Decodes one SMB2 request message (header + body, as one element of a compound chain) the way the
 * server's handlers do, including what the handlers decode further from the body: negotiate
 * contexts, create contexts, the FSCTL_VALIDATE_NEGOTIATE_INFO input and SET_INFO buffers. Every
 * failure the contract allows is an unchecked exception the server maps to an NT status
 * ({@code org.bossa.smb2.server.RequestFailures}): WireFormatException, FsccFormatException,
 * FsccUnsupportedException, and DtypFormatException for security descriptors. The callers catch
 * those; anything else escapes and is a finding.
 */
final class Smb2Requests {
    private static final int FSCTL_VALIDATE_NEGOTIATE_INFO = 0x00140204;

    private Smb2Requests() {
    }

    /**
     * One fuzz input of a request family: the command the header names picks the decoder when it
     * belongs to {@code family}, otherwise every decoder of the family reads the message, so
     * mutations of the header do not leave the family. Failures the contract allows are caught.
     */
    static void fuzzFamily(List<Smb2Command> family, byte[] message) {
        WireReader r = new WireReader(message);
        Smb2Command named;
        try {
            named = commandOf(r);
        } catch (WireFormatException e) {
            named = null; // the decoders check the header range themselves
        }
        if (named != null && family.contains(named)) {
            decodeAllowingFailure(named, r);
        } else {
            for (Smb2Command c : family) {
                decodeAllowingFailure(c, r);
            }
        }
    }

    private static void decodeAllowingFailure(Smb2Command c, WireReader r) {
        try {
            decode(c, r);
        } catch (WireFormatException | FsccFormatException | FsccUnsupportedException | DtypFormatException e) {
            // the request fails with the exception's NT status
        }
    }

    /** The command the header names, or null for a message too short to have one or an unknown code. */
    static Smb2Command commandOf(WireReader msg) {
        Smb2Header h = Smb2Header.decode(msg);
        return Smb2Command.fromCode(h.command());
    }

    static void decode(Smb2Command command, WireReader r) {
        switch (command) {
            case NEGOTIATE -> negotiate(r);
            case SESSION_SETUP -> SessionSetupRequest.decode(r);
            case LOGOFF -> LogoffRequest.decode(r);
            case TREE_CONNECT -> TreeConnectRequest.decode(r);
            case TREE_DISCONNECT -> TreeDisconnectRequest.decode(r);
            case CREATE -> create(r);
            case CLOSE -> CloseRequest.decode(r);
            case FLUSH -> FlushRequest.decode(r);
            case READ -> ReadRequest.decode(r);
            case WRITE -> WriteRequest.decode(r);
            case LOCK -> LockRequest.decode(r);
            case IOCTL -> ioctl(r);
            case CANCEL -> CancelRequest.decode(r);
            case ECHO -> EchoRequest.decode(r);
            case QUERY_DIRECTORY -> QueryDirectoryRequest.decode(r);
            case CHANGE_NOTIFY -> ChangeNotifyRequest.decode(r);
            case QUERY_INFO -> queryInfo(r);
            case SET_INFO -> setInfo(r);
            case OPLOCK_BREAK -> {
                // One command, two requests told apart by StructureSize (MS-SMB2 2.2.24 / 2.2.24.2).
                if (r.u16(Smb2Header.SIZE) == LeaseBreakAckRequest.STRUCTURE_SIZE) {
                    LeaseBreakAckRequest.decode(r);
                } else {
                    OplockBreakRequest.decode(r);
                }
            }
        }
    }

    static void negotiate(WireReader r) {
        NegotiateRequest req = NegotiateRequest.decode(r);
        for (NegotiateContext c : req.contexts()) {
            switch (c.contextType()) {
                case NegotiateContext.PREAUTH_INTEGRITY_CAPABILITIES, NegotiateContext.ENCRYPTION_CAPABILITIES,
                     NegotiateContext.SIGNING_CAPABILITIES -> c.algorithmIds();
                default -> {
                }
            }
        }
    }

    static void create(WireReader r) {
        CreateRequest req = CreateRequest.decode(r);
        for (CreateContext c : req.contexts()) {
            switch (c.name()) {
                case CreateContexts.REQUEST_LEASE -> LeaseContext.decode(c);
                case CreateContexts.DURABLE_HANDLE_REQUEST_V2 -> DurableHandleV2.decodeRequest(c);
                case CreateContexts.QUERY_MAXIMAL_ACCESS -> CreateContexts.maximalAccessTimestamp(c);
                case CreateContexts.SD_BUFFER -> SecurityDescriptor.decode(c.data());
                case CreateContexts.EA_BUFFER -> FileFullEaInformation.decode(c.data());
                default -> {
                }
            }
        }
    }

    static void ioctl(WireReader r) {
        IoctlRequest req = IoctlRequest.decode(r);
        if (req.ctlCode() == FSCTL_VALIDATE_NEGOTIATE_INFO) {
            ValidateNegotiateInfoRequest.decode(req.input());
        }
    }

    static void queryInfo(WireReader r) {
        QueryInfoRequest req = QueryInfoRequest.decode(r);
        if (req.infoType() == InfoType.FILE && req.fileInfoClass() == FileInformationClass.FileFullEaInformation.code()
                && req.input().length > 0) {
            FileFullEaInformation.decode(req.input());
        }
    }

    static void setInfo(WireReader r) {
        SetInfoRequest req = SetInfoRequest.decode(r);
        switch (req.infoType()) {
            case FILE -> fileInfo(req.fileInfoClass(), req.buffer());
            case SECURITY -> SecurityDescriptor.decode(req.buffer());
            default -> {
            }
        }
    }

    /** The MS-FSCC 2.4 decoders SET_INFO uses, by information class; unknown classes decode nothing. */
    static void fileInfo(int infoClass, byte[] in) {
        FileInformationClass c = FileInformationClass.fromCode(infoClass);
        if (c == null) {
            return;
        }
        switch (c) {
            case FileBasicInformation -> FileBasicInformation.decode(in);
            case FileRenameInformation -> FileRenameInformation.decode(in);
            case FileLinkInformation -> FileLinkInformation.decode(in);
            case FileDispositionInformation -> FileDispositionInformation.decode(in);
            case FileDispositionInformationEx -> FileDispositionInformationEx.decode(in);
            case FilePositionInformation -> FilePositionInformation.decode(in);
            case FileModeInformation -> FileModeInformation.decode(in);
            case FileAllocationInformation -> FileAllocationInformation.decode(in);
            case FileEndOfFileInformation -> FileEndOfFileInformation.decode(in);
            case FileValidDataLengthInformation -> FileValidDataLengthInformation.decode(in);
            case FileFullEaInformation -> FileFullEaInformation.decode(in);
            default -> {
            }
        }
    }
}
