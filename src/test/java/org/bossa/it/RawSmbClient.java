package org.bossa.it;

import org.bossa.smb2.crypto.SigningAlgorithm;
import org.bossa.smb2.crypto.MessageSigner;
import org.bossa.smb2.crypto.SessionKeys;
import org.bossa.kerberos.gss.Krb5InitiatorContext;
import org.bossa.auth.spnego.Oid;
import org.bossa.auth.spnego.NegTokenResp;
import org.bossa.auth.spnego.NegTokenInit;
import org.bossa.auth.kerberos.KerberosMechanism;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.function.Consumer;
import org.bossa.auth.TestNtlmClient;
import org.bossa.auth.TestSpnegoClient;
import org.bossa.smb2.wire.CloseRequest;
import org.bossa.smb2.wire.CreateDisposition;
import org.bossa.smb2.wire.CreateOptions;
import org.bossa.smb2.wire.CreateRequest;
import org.bossa.smb2.wire.Dialect;
import org.bossa.smb2.wire.EchoRequest;
import org.bossa.smb2.wire.FileId;
import org.bossa.smb2.wire.LockElement;
import org.bossa.smb2.wire.LockRequest;
import org.bossa.smb2.wire.NegotiateRequest;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.smb2.wire.OplockLevel;
import org.bossa.smb2.wire.ReadRequest;
import org.bossa.smb2.wire.SessionSetupRequest;
import org.bossa.smb2.wire.SessionSetupResponse;
import org.bossa.smb2.wire.ShareAccess;
import org.bossa.smb2.wire.Smb2Command;
import org.bossa.smb2.wire.Smb2Header;
import org.bossa.smb2.wire.TreeConnectRequest;
import org.bossa.smb2.wire.WireReader;
import org.bossa.smb2.wire.WireWriter;

/**
 * A deliberately small SMB2 client over a plain socket, for sending what no real client would.
 * It speaks SMB 2.1 without signing (the server does not require it by default), logs on with the
 * test NTLM/SPNEGO initiator and builds requests from the server's own wire records, so any byte
 * of any message can be changed before it is sent.
 */
final class RawSmbClient implements AutoCloseable {
    static final int FILE_READ_DATA = 0x00000001;
    static final int FILE_READ_ATTRIBUTES = 0x00000080;
    static final int SYNCHRONIZE = 0x00100000;
    static final int GENERIC_READ = 0x80000000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long nextMessageId;
    private long sessionId;
    private int treeId;
    private MessageSigner signer;
    private boolean signAll;

    /** One response: its header and the whole message. */
    record Response(Smb2Header header, byte[] message) {
        NtStatus status() {
            return NtStatus.fromCode(header.status()).orElseThrow(
                    () -> new AssertionError("unknown status 0x" + Integer.toHexString(header.status())));
        }

        int rawStatus() {
            return header.status();
        }

        WireReader reader() {
            return new WireReader(message);
        }
    }

    RawSmbClient(TestServer server) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(server.host(), server.port()), 5000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** A client that has negotiated SMB 2.1, logged on as alice and connected to {@code share}. */
    static RawSmbClient loggedOn(TestServer server, String share) throws Exception {
        return loggedOn(server, share, false);
    }

    /** As {@link #loggedOn(TestServer, String)}, signing every request after SESSION_SETUP when asked. */
    static RawSmbClient loggedOn(TestServer server, String share, boolean sign) throws Exception {
        RawSmbClient c = new RawSmbClient(server);
        try {
            c.negotiate();
            c.sessionSetup(TestServer.ALICE, TestServer.ALICE_PASSWORD);
            c.signAll(sign);
            c.treeConnect(server, share);
            return c;
        } catch (Exception | AssertionError e) {
            c.close();
            throw e;
        }
    }

    /** Uses another connection's session and tree ids from now on (cross-connection tests). */
    void adopt(long otherSessionId, int otherTreeId) {
        sessionId = otherSessionId;
        treeId = otherTreeId;
    }

    long nextMessageId() {
        return nextMessageId;
    }

    long sessionId() {
        return sessionId;
    }

    int treeId() {
        return treeId;
    }

    // ---- framing ----

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes the 4-byte Direct TCP header and the message. */
    void sendFrame(byte[] msg) throws IOException {
        byte[] f = new byte[4 + msg.length];
        f[1] = (byte) (msg.length >>> 16);
        f[2] = (byte) (msg.length >>> 8);
        f[3] = (byte) msg.length;
        System.arraycopy(msg, 0, f, 4, msg.length);
        sendRaw(f);
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    Response receive() throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length < 4) {
            throw new EOFException("connection closed by the server");
        }
        int len = (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | head[3] & 0xFF;
        byte[] msg = in.readNBytes(len);
        if (msg.length < len) {
            throw new EOFException("connection closed inside a frame");
        }
        if (head[0] != 0) {
            throw new IOException("server sent framing byte " + head[0]);
        }
        return new Response(Smb2Header.decode(new WireReader(msg)), msg);
    }

    /**
     * True when the server closes the connection within {@code millis} (end of stream or reset) without
     * sending anything; false when the connection is still open then. A reply instead fails the test.
     */
    boolean closedByServerWithin(long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        try {
            int b = in.read();
            if (b < 0) {
                return true;
            }
            ByteArrayOutputStream extra = new ByteArrayOutputStream();
            extra.write(b);
            throw new AssertionError("server answered a request it should have dropped the connection for");
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(10_000);
            }
        }
    }

    // ---- requests ----

    /** A request header with the next MessageId, charge 1, 64 credits asked, this session and tree. */
    Smb2Header header(Smb2Command command) {
        return new Smb2Header(1, 0, command.code(), 64, 0, 0, nextMessageId++, 0, 0xFEFF, treeId, sessionId);
    }

    /** Encodes {@code header} and a body. */
    static byte[] message(Smb2Header header, Consumer<WireWriter> body) {
        WireWriter w = new WireWriter(256);
        header.encode(w);
        body.accept(w);
        return w.toByteArray();
    }

    /** Signs every later request built by the convenience methods (a signing-required server). */
    void signAll(boolean on) {
        signAll = on;
    }

    /** Signs {@code msg} in place with the session's signing key and returns it. */
    byte[] sign(byte[] msg) {
        signer.sign(msg, 0, msg.length);
        return msg;
    }

    Response call(byte[] msg) throws IOException {
        if (signAll && signer != null) {
            sign(msg);
        }
        sendFrame(msg);
        return receive();
    }

    Response negotiate() throws IOException {
        byte[] guid = new byte[16];
        guid[0] = 7;
        NegotiateRequest req = new NegotiateRequest(new int[] {Dialect.SMB_2_1.code()},
                NegotiateRequest.SIGNING_ENABLED, 0, guid, List.of());
        Response r = call(message(header(Smb2Command.NEGOTIATE), req::encode));
        expect(r, NtStatus.SUCCESS, "NEGOTIATE");
        return r;
    }

    void sessionSetup(String user, String password) throws Exception {
        TestSpnegoClient spnego = new TestSpnegoClient(new TestNtlmClient(user, TestServer.NETBIOS, password, 11));
        SessionSetupRequest first = new SessionSetupRequest(0, NegotiateRequest.SIGNING_ENABLED, 0, 0, spnego.init(), 0);
        Response r = call(message(header(Smb2Command.SESSION_SETUP), first::encode));
        expect(r, NtStatus.MORE_PROCESSING_REQUIRED, "SESSION_SETUP 1");
        sessionId = r.header().sessionId();
        byte[] challenge = SessionSetupResponse.decode(r.reader()).securityBuffer();
        SessionSetupRequest second = new SessionSetupRequest(0, NegotiateRequest.SIGNING_ENABLED, 0, 0,
                spnego.authenticate(challenge), 0);
        r = call(message(header(Smb2Command.SESSION_SETUP), second::encode));
        expect(r, NtStatus.SUCCESS, "SESSION_SETUP 2");
        // SMB 2.1: Session.SigningKey is the session key itself (MS-SMB2 3.2.5.3.1).
        byte[] key = org.bossa.smb2.crypto.SessionKeys.derive(Dialect.SMB_2_1.code(),
                spnego.ntlm.keys().exportedSessionKey(), null, null).signingKey();
        signer = org.bossa.smb2.crypto.MessageSigner.of(org.bossa.smb2.crypto.SigningAlgorithm.HMAC_SHA256, key);
    }

    /**
     * A Kerberos logon as Windows makes it, or a re-authentication of this session: SPNEGO offering
     * MS-KRB5, KRB5 and NTLMSSP with the AP-REQ as optimistic token; the server's AP-REP and
     * mechListMIC are checked, and our mechListMIC sent when the server asks for it. The first
     * logon's session key (the acceptor subkey) keys SMB 2.1 signing; a re-authentication keeps it.
     *
     * @return the last SESSION_SETUP response (SUCCESS, or the error the server gave)
     */
    Response sessionSetupKerberos(Krb5InitiatorContext krb) throws Exception {
        NegTokenInit init = kerberosInit(krb.initialToken());
        byte[] mechTypesDer = init.mechTypesDer();
        SessionSetupRequest first = new SessionSetupRequest(0, NegotiateRequest.SIGNING_ENABLED, 0, 0,
                init.encodeInitialToken(), 0);
        Response r = call(message(header(Smb2Command.SESSION_SETUP), first::encode));
        if (r.status() != NtStatus.SUCCESS && r.status() != NtStatus.MORE_PROCESSING_REQUIRED) {
            return r;
        }
        if (sessionId == 0) {
            sessionId = r.header().sessionId();
        }
        NegTokenResp resp = NegTokenResp.decode(SessionSetupResponse.decode(r.reader()).securityBuffer());
        krb.acceptToken(resp.responseToken());
        if (resp.mechListMic() != null) {
            krb.verifyMic(mechTypesDer, resp.mechListMic());
        }
        if (r.status() == NtStatus.MORE_PROCESSING_REQUIRED) {
            SessionSetupRequest mic = new SessionSetupRequest(0, NegotiateRequest.SIGNING_ENABLED, 0, 0,
                    new NegTokenResp(null, null, null, krb.getMic(mechTypesDer)).encode(), 0);
            r = call(message(header(Smb2Command.SESSION_SETUP), mic::encode));
        }
        if (r.status() == NtStatus.SUCCESS && signer == null) {
            byte[] key = SessionKeys.derive(Dialect.SMB_2_1.code(), krb.sessionKey(), null, null).signingKey();
            signer = MessageSigner.of(SigningAlgorithm.HMAC_SHA256, key);
        }
        return r;
    }

    /** The SPNEGO NegTokenInit a Windows client sends: MS-KRB5, KRB5, NTLMSSP, with {@code apReq} optimistic. */
    private static NegTokenInit kerberosInit(byte[] apReq) {
        return new NegTokenInit(List.of(new Oid(KerberosMechanism.MS_KRB5_OID), new Oid(KerberosMechanism.KRB5_OID),
                Oid.NTLMSSP), apReq);
    }

    /** Only the first SESSION_SETUP of a Kerberos logon, with a given AP-REQ (to replay one). */
    Response sessionSetupFirstKerberosToken(byte[] apReq) throws IOException {
        SessionSetupRequest first = new SessionSetupRequest(0, NegotiateRequest.SIGNING_ENABLED, 0, 0,
                kerberosInit(apReq).encodeInitialToken(), 0);
        return call(message(header(Smb2Command.SESSION_SETUP), first::encode));
    }

    /** True if the response carries a valid signature of this session's key. */
    boolean signedBySession(Response r) {
        return (r.header().flags() & Smb2Header.FLAG_SIGNED) != 0 && signer.verify(r.message(), 0, r.message().length);
    }

    void treeConnect(TestServer server, String share) throws IOException {
        Response r = treeConnectPath("\\\\" + server.host() + "\\" + share);
        expect(r, NtStatus.SUCCESS, "TREE_CONNECT");
        treeId = r.header().treeId();
    }

    /** TREE_CONNECT to any path; the tree id is not kept. */
    Response treeConnectPath(String path) throws IOException {
        TreeConnectRequest req = new TreeConnectRequest(0, path);
        return call(message(header(Smb2Command.TREE_CONNECT), req::encode));
    }

    /** READ with every field chosen by the caller (CreditCharge 1). */
    Response readRaw(FileId id, int length, long offset) throws IOException {
        ReadRequest req = new ReadRequest(org.bossa.smb2.wire.ReadResponse.DATA_OFFSET, 0, length, offset, id, 0, 0, 0);
        return call(message(header(Smb2Command.READ), req::encode));
    }

    Response echo() throws IOException {
        return call(message(header(Smb2Command.ECHO), new EchoRequest()::encode));
    }

    /** CREATE bytes for opening {@code name} for reading (FILE_OPEN, not a directory). */
    byte[] openForReadMessage(String name) {
        CreateRequest req = CreateRequest.of(name, FILE_READ_DATA | FILE_READ_ATTRIBUTES | SYNCHRONIZE, 0,
                ShareAccess.ALL, CreateDisposition.OPEN, CreateOptions.FILE_NON_DIRECTORY_FILE, OplockLevel.NONE,
                List.of());
        return message(header(Smb2Command.CREATE), req::encode);
    }

    Response openForRead(String name) throws IOException {
        return call(openForReadMessage(name));
    }

    /** CREATE of a new file (FILE_CREATE) with write access. */
    Response createFile(String name) throws IOException {
        CreateRequest req = CreateRequest.of(name, 0x0012019F, 0, ShareAccess.ALL, CreateDisposition.CREATE,
                CreateOptions.FILE_NON_DIRECTORY_FILE, OplockLevel.NONE, List.of());
        return call(message(header(Smb2Command.CREATE), req::encode));
    }

    /** CREATE with the access, share mode, disposition and options chosen by the caller. */
    Response create(String name, int access, int share, CreateDisposition disposition, int options)
            throws IOException {
        CreateRequest req = CreateRequest.of(name, access, 0, share, disposition, options, OplockLevel.NONE, List.of());
        return call(message(header(Smb2Command.CREATE), req::encode));
    }

    /** LOCK of one range with the given LockElement flags. */
    Response lock(FileId id, long offset, long length, int flags) throws IOException {
        LockRequest req = new LockRequest(0, id, List.of(new LockElement(offset, length, flags)));
        return call(message(header(Smb2Command.LOCK), req::encode));
    }

    /** A request header like {@link #header} with CreditCharge {@code charge} (multi-credit READ). */
    Smb2Header header(Smb2Command command, int charge) {
        Smb2Header h = new Smb2Header(charge, 0, command.code(), 256, 0, 0, nextMessageId, 0, 0xFEFF, treeId,
                sessionId);
        nextMessageId += charge;
        return h;
    }

    /** FileId of a successful CREATE response (MS-SMB2 2.2.14: at body offset 64). */
    static FileId fileId(Response create) {
        return FileId.decode(create.reader(), Smb2Header.SIZE + 64);
    }

    /** READ; returns the data of a successful response, or null with the status in {@code status[0]}. */
    byte[] read(FileId id, int length, NtStatus[] status) throws IOException {
        Response r = call(message(header(Smb2Command.READ), ReadRequest.of(id, 0, length)::encode));
        status[0] = r.status();
        if (r.status() != NtStatus.SUCCESS) {
            return null;
        }
        WireReader m = r.reader();
        int off = m.u8(Smb2Header.SIZE + 2);
        int len = m.u32(Smb2Header.SIZE + 4);
        return m.bytes(off, len);
    }

    Response close(FileId id) throws IOException {
        return call(message(header(Smb2Command.CLOSE), new CloseRequest(0, id)::encode));
    }

    static void expect(Response r, NtStatus status, String what) {
        if (r.rawStatus() != status.code()) {
            throw new AssertionError(what + ": expected " + status + " but got 0x" + Integer.toHexString(r.rawStatus())
                    + NtStatus.fromCode(r.rawStatus()).map(s -> " (" + s + ")").orElse(""));
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }
}
