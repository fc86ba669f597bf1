package org.bossa.smb2.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** One valid message per request decoder, shared by the round-trip, malformed-input and fuzz tests. */
final class Samples {
    private Samples() {
    }

    record Case(String name, int structureSize, byte[] message, Function<WireReader, ?> decoder,
                Function<Object, byte[]> reencode) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final FileId FID = new FileId(0x0102030405060708L, 0x1112131415161718L);

    static final byte[] DATA = "hello, write payload".getBytes(StandardCharsets.US_ASCII);

    static byte[] msg(Smb2Command cmd, Consumer<WireWriter> body) {
        return Msg.request(cmd, body);
    }

    static CreateRequest create() {
        return CreateRequest.of("dir\\file.txt", 0x0012019F, 0x80, ShareAccess.ALL, CreateDisposition.OPEN_IF,
                CreateOptions.FILE_NON_DIRECTORY_FILE, OplockLevel.LEASE,
                List.of(new CreateContext(CreateContexts.QUERY_MAXIMAL_ACCESS, new byte[0]),
                        new CreateContext(CreateContexts.REQUEST_LEASE, new byte[32]),
                        new CreateContext(CreateContexts.QUERY_ON_DISK_ID, new byte[0])));
    }

    static LockRequest lock() {
        return new LockRequest(0x35, FID, List.of(new LockElement(0, 10, LockElement.FLAG_EXCLUSIVE_LOCK),
                new LockElement(100, 1, LockElement.FLAG_SHARED_LOCK | LockElement.FLAG_FAIL_IMMEDIATELY)));
    }

    static IoctlRequest ioctl() {
        byte[] vni = new ValidateNegotiateInfoRequest(0x7F, new byte[16], 1, List.of(0x202, 0x210, 0x300, 0x302))
                .toBytes();
        return IoctlRequest.fsctl(Fsctl.VALIDATE_NEGOTIATE_INFO, FileId.RELATED, vni, 24);
    }

    static WriteRequest write() {
        return WriteRequest.of(FID, 4096, DATA.length, WriteRequest.FLAG_WRITE_THROUGH);
    }

    static byte[] encodeWrite(WriteRequest req, byte[] data) {
        return msg(Smb2Command.WRITE, w -> req.encode(w, ByteBuffer.wrap(data)));
    }

    private static <T> Case c(String name, int size, Smb2Command cmd, T req, Consumer<WireWriter> enc,
                              Function<WireReader, T> decoder, Function<T, Consumer<WireWriter>> reenc) {
        @SuppressWarnings("unchecked")
        Function<Object, byte[]> re = o -> msg(cmd, reenc.apply((T) o));
        return new Case(name, size, msg(cmd, enc), decoder, re);
    }

    static List<Case> all() {
        CreateRequest create = create();
        TreeConnectRequest tcon = new TreeConnectRequest(0, "\\\\server\\share");
        TreeConnectRequest tconExt = new TreeConnectRequest(TreeConnectRequest.FLAG_EXTENSION_PRESENT,
                "\\\\srv\\ipc$", 0, 0);
        CloseRequest close = new CloseRequest(CloseRequest.FLAG_POSTQUERY_ATTRIB, FID);
        FlushRequest flush = new FlushRequest(FID);
        ReadRequest read = new ReadRequest(0x50, ReadRequest.FLAG_READ_UNBUFFERED, 65536, 1L << 33, FID, 1,
                Channel.NONE, 0);
        WriteRequest write = write();
        LockRequest lock = lock();
        IoctlRequest ioctl = ioctl();
        OplockBreakRequest obr = new OplockBreakRequest(OplockLevel.LEVEL_II, FID);
        LeaseBreakAckRequest lbr = new LeaseBreakAckRequest(0, new LeaseKey(1, 2), LeaseState.READ_CACHING, 0);
        QueryDirectoryRequest qd = new QueryDirectoryRequest(0x25, QueryDirectoryRequest.FLAG_RESTART_SCANS, 0,
                FID, "*.txt", 65536);
        ChangeNotifyRequest cn = new ChangeNotifyRequest(ChangeNotifyRequest.FLAG_WATCH_TREE, 4096, FID,
                ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME | ChangeNotifyRequest.FILE_NOTIFY_CHANGE_SIZE);
        QueryInfoRequest qi = new QueryInfoRequest(InfoType.QUOTA, 0, 4096, new byte[] {1, 2, 3, 4, 5, 6, 7, 8},
                0, QueryInfoRequest.FLAG_RESTART_SCAN, FID);
        SetInfoRequest si = new SetInfoRequest(InfoType.FILE, 0x14, new byte[] {0, 0x10, 0, 0, 0, 0, 0, 0},
                0, FID);
        return List.of(
                c("LOGOFF", 4, Smb2Command.LOGOFF, new LogoffRequest(), new LogoffRequest()::encode,
                        LogoffRequest::decode, r -> r::encode),
                c("TREE_CONNECT", 9, Smb2Command.TREE_CONNECT, tcon, tcon::encode, TreeConnectRequest::decode,
                        r -> r::encode),
                c("TREE_CONNECT+ext", 9, Smb2Command.TREE_CONNECT, tconExt, tconExt::encode,
                        TreeConnectRequest::decode, r -> r::encode),
                c("TREE_DISCONNECT", 4, Smb2Command.TREE_DISCONNECT, new TreeDisconnectRequest(),
                        new TreeDisconnectRequest()::encode, TreeDisconnectRequest::decode, r -> r::encode),
                c("CREATE", 57, Smb2Command.CREATE, create, create::encode, CreateRequest::decode, r -> r::encode),
                c("CLOSE", 24, Smb2Command.CLOSE, close, close::encode, CloseRequest::decode, r -> r::encode),
                c("FLUSH", 24, Smb2Command.FLUSH, flush, flush::encode, FlushRequest::decode, r -> r::encode),
                c("READ", 49, Smb2Command.READ, read, read::encode, ReadRequest::decode, r -> r::encode),
                c("WRITE", 49, Smb2Command.WRITE, write, w -> write.encode(w, ByteBuffer.wrap(DATA)),
                        WriteRequest::decode, r -> w -> r.encode(w, ByteBuffer.wrap(new byte[r.dataLength()]))),
                c("OPLOCK_BREAK", 24, Smb2Command.OPLOCK_BREAK, obr, obr::encode, OplockBreakRequest::decode,
                        r -> r::encode),
                c("LEASE_BREAK_ACK", 36, Smb2Command.OPLOCK_BREAK, lbr, lbr::encode,
                        LeaseBreakAckRequest::decode, r -> r::encode),
                c("LOCK", 48, Smb2Command.LOCK, lock, lock::encode, LockRequest::decode, r -> r::encode),
                c("ECHO", 4, Smb2Command.ECHO, new EchoRequest(), new EchoRequest()::encode, EchoRequest::decode,
                        r -> r::encode),
                c("CANCEL", 4, Smb2Command.CANCEL, new CancelRequest(), new CancelRequest()::encode,
                        CancelRequest::decode, r -> r::encode),
                c("IOCTL", 57, Smb2Command.IOCTL, ioctl, ioctl::encode, IoctlRequest::decode, r -> r::encode),
                c("QUERY_DIRECTORY", 33, Smb2Command.QUERY_DIRECTORY, qd, qd::encode,
                        QueryDirectoryRequest::decode, r -> r::encode),
                c("CHANGE_NOTIFY", 32, Smb2Command.CHANGE_NOTIFY, cn, cn::encode, ChangeNotifyRequest::decode,
                        r -> r::encode),
                c("QUERY_INFO", 41, Smb2Command.QUERY_INFO, qi, qi::encode, QueryInfoRequest::decode,
                        r -> r::encode),
                c("SET_INFO", 33, Smb2Command.SET_INFO, si, si::encode, SetInfoRequest::decode, r -> r::encode));
    }
}
