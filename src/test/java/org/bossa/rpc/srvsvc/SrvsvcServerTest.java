package org.bossa.rpc.srvsvc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bossa.dcerpc.BindAckPdu;
import org.bossa.dcerpc.ContextResult;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.NamedPipe;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;
import org.bossa.dcerpc.PduHeader;
import org.bossa.dcerpc.PduType;
import org.bossa.dcerpc.PipeRead;
import org.bossa.dcerpc.PipeRegistry;
import org.bossa.dcerpc.ResponsePdu;
import org.bossa.dcerpc.RpcCallContext;
import org.bossa.dcerpc.RpcFault;
import org.bossa.dcerpc.SambaVectors;
import org.bossa.rpc.ServerIdentity;
import org.bossa.rpc.WError;
import org.junit.jupiter.api.Test;

/**
 * srvsvc against Samba 4.17's own NDR marshalling: the request stubs are what Samba's client code
 * produces, the expected response stubs are Samba's encoding of the same data (see
 * gen_samba_vectors.py), so equality means smbclient's parser reads our bytes as it reads smbd's.
 */
class SrvsvcServerTest {
    static final ServerIdentity SERVER = new ServerIdentity("BOSSA", "EXAMPLE", 10, 0, 0x00009803, "Bossa file server");
    static final ShareCatalog CATALOG = new ShareCatalog() {
        @Override
        public List<ShareEntry> shares() {
            return List.of(new ShareEntry("data", ShareEntry.STYPE_DISKTREE, "Data share", "/srv/data"),
                    ShareEntry.ipc("IPC Service (Bossa)"),
                    new ShareEntry("Public", ShareEntry.STYPE_DISKTREE, "", "/srv/pub"));
        }

        @Override
        public ServerIdentity server() {
            return SERVER;
        }
    };
    private static final RpcCallContext CTX = new RpcCallContext("alice", "EXAMPLE", "127.0.0.1");
    private static final RpcCallContext ADMIN = new RpcCallContext("root", "BOSSA", "127.0.0.1", true);

    private final SrvsvcServer srvsvc = new SrvsvcServer(CATALOG);

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private byte[] call(int opnum, String stubHex) throws RpcFault {
        return srvsvc.invoke(opnum, hex(stubHex), CTX);
    }

    private byte[] callAsAdmin(int opnum, String stubHex) throws RpcFault {
        return srvsvc.invoke(opnum, hex(stubHex), ADMIN);
    }

    @Test
    void shareEnumLevels012MatchSamba() throws RpcFault {
        assertArrayEquals(hex(SambaVectors.SHARE_ENUM_OUT_L0), call(15, SambaVectors.SHARE_ENUM_IN_L0));
        assertArrayEquals(hex(SambaVectors.SHARE_ENUM_OUT_L1), call(15, SambaVectors.SHARE_ENUM_IN_L1));
        assertArrayEquals(hex(SambaVectors.SHARE_ENUM_OUT_L2), callAsAdmin(15, SambaVectors.SHARE_ENUM_IN_L2));
    }

    @Test
    void shareEnumLevel2IsDeniedToNonAdministrators() throws RpcFault {
        byte[] out = call(15, SambaVectors.SHARE_ENUM_IN_L2);
        NdrReader r = new NdrReader(out);
        assertEquals(2, r.u32());
        assertEquals(2, r.u32());
        assertEquals(0, r.u32());     // null container: no paths
        assertEquals(0, r.u32());     // totalentries
        r.uniquePointer(NdrReader::u32); // resume handle, echoed
        r.flushDeferred();
        assertEquals(WError.ACCESS_DENIED, r.u32());
        assertEquals(0, r.remaining());
        assertEquals(false, new String(out, java.nio.charset.StandardCharsets.UTF_16LE).contains("srv"));
        // levels 0 and 1 stay open to everyone
        assertArrayEquals(hex(SambaVectors.SHARE_ENUM_OUT_L1), call(15, SambaVectors.SHARE_ENUM_IN_L1));
    }

    @Test
    void shareGetInfoPathLevelsAreDeniedToNonAdministratorsBeforeTheNameIsLookedUp() throws RpcFault {
        assertArrayEquals(hex("02000000 00000000 05000000".replace(" ", "")), call(16, SambaVectors.SHARE_GET_IN_L2));
        for (int level : new int[] {502, 503, 1501}) {
            for (String name : new String[] {"data", "nosuch"}) {
                NdrWriter w = new NdrWriter();
                w.stringPointer(null).conformantVaryingString(name).u32(level);
                byte[] out = srvsvc.invoke(16, w.toByteArray(), CTX);
                assertEquals(WError.ACCESS_DENIED, new NdrReader(out, out.length - 4, 4).u32(), level + " " + name);
            }
        }
        // the other levels answer as before
        assertArrayEquals(hex(SambaVectors.SHARE_GET_OUT_L1), call(16, SambaVectors.SHARE_GET_IN_L1));
        assertArrayEquals(hex(SambaVectors.SHARE_GET_OUT_L501), call(16, SambaVectors.SHARE_GET_IN_L501));
    }

    @Test
    void shareEnumSkipsAFilledContainerInTheRequest() throws RpcFault {
        byte[] out = callAsAdmin(15, SambaVectors.SHARE_ENUM_IN_L2_FILLED);
        NdrReader r = new NdrReader(out);
        assertEquals(2, r.u32());
        // the answer has no resume handle (the client sent none) and WERR_OK last
        assertEquals(WError.OK, new NdrReader(out, out.length - 4, 4).u32());
        assertEquals(0, new NdrReader(out, out.length - 8, 4).u32()); // null resume_handle
        assertEquals(3, new NdrReader(out, out.length - 12, 4).u32()); // totalentries
    }

    /** The request stub hand-built per the IDL, as a check on the vector itself. */
    @Test
    void handBuiltLevel1RequestEqualsSambas() {
        NdrWriter w = new NdrWriter();
        w.stringPointer("\\\\127.0.0.4").flushDeferred(); // [in,unique,string] server_unc
        w.u32(1);                                          // info_ctr->level
        w.u32(1);                                          // union switch
        w.uniquePointer(true, ww -> {                      // ctr1
            ww.u32(0);                                     // count
            ww.uniquePointer(false, null);                 // array
        }).flushDeferred();
        w.u32(0xFFFFFFFF);                                 // max_buffer
        w.uniquePointer(true, ww -> ww.u32(0)).flushDeferred(); // resume_handle
        assertArrayEquals(hex(SambaVectors.SHARE_ENUM_IN_L1), w.toByteArray());
    }

    @Test
    void shareEnumUnknownLevelsAnswerUnknownLevel() throws RpcFault {
        for (int level : new int[] {501, 502, 7}) {
            NdrWriter w = new NdrWriter();
            w.stringPointer(null).u32(level).u32(level);
            if (level != 7) {
                w.uniquePointer(false, null);
            }
            w.u32(-1).uniquePointer(false, null);
            byte[] out = srvsvc.invoke(15, w.toByteArray(), ADMIN);
            NdrReader r = new NdrReader(out);
            assertEquals(level, r.u32());
            assertEquals(level, r.u32());
            if (level != 7) {
                assertEquals(0, r.u32()); // null container
            }
            assertEquals(0, r.u32());     // totalentries
            assertEquals(0, r.u32());     // resume handle
            assertEquals(WError.UNKNOWN_LEVEL, r.u32());
            assertEquals(0, r.remaining());
        }
    }

    @Test
    void shareGetInfoMatchesSamba() throws RpcFault {
        assertArrayEquals(hex(SambaVectors.SHARE_GET_OUT_L0), call(16, SambaVectors.SHARE_GET_IN_L0));
        assertArrayEquals(hex(SambaVectors.SHARE_GET_OUT_L1), call(16, SambaVectors.SHARE_GET_IN_L1));
        assertArrayEquals(hex(SambaVectors.SHARE_GET_OUT_L2), callAsAdmin(16, SambaVectors.SHARE_GET_IN_L2));
        assertArrayEquals(hex(SambaVectors.SHARE_GET_OUT_L501), call(16, SambaVectors.SHARE_GET_IN_L501));
        assertArrayEquals(hex(SambaVectors.SHARE_GET_OUT_L1005), call(16, SambaVectors.SHARE_GET_IN_L1005));
    }

    @Test
    void shareGetInfoUnknownShareAndLevel() throws RpcFault {
        NdrWriter w = new NdrWriter();
        w.stringPointer(null).conformantVaryingString("nosuch").u32(1);
        assertArrayEquals(hex("01000000 00000000 06090000".replace(" ", "")), srvsvc.invoke(16, w.toByteArray(), CTX));
        NdrWriter v = new NdrWriter();
        v.stringPointer(null).conformantVaryingString("data").u32(502);
        assertArrayEquals(hex("f6010000 00000000 7c000000".replace(" ", "")), srvsvc.invoke(16, v.toByteArray(), ADMIN));
        NdrWriter x = new NdrWriter();
        x.stringPointer(null).conformantVaryingString("data").u32(3);
        assertArrayEquals(hex("03000000 7c000000".replace(" ", "")), srvsvc.invoke(16, x.toByteArray(), CTX));
    }

    @Test
    void serverGetInfoMatchesSamba() throws RpcFault {
        assertArrayEquals(hex(SambaVectors.SRV_GET_OUT_L100), call(21, SambaVectors.SRV_GET_IN_L100));
        assertArrayEquals(hex(SambaVectors.SRV_GET_OUT_L101), call(21, SambaVectors.SRV_GET_IN_L101));
        assertArrayEquals(hex(SambaVectors.SRV_GET_OUT_L102), call(21, SambaVectors.SRV_GET_IN_L102));
        NdrWriter w = new NdrWriter();
        w.stringPointer(null).u32(503);
        assertArrayEquals(hex("f7010000 00000000 7c000000".replace(" ", "")), srvsvc.invoke(21, w.toByteArray(), CTX));
    }

    @Test
    void unknownOpnumAndTruncatedStubs() {
        RpcFault f = assertThrows(RpcFault.class, () -> srvsvc.invoke(54, new byte[0], CTX));
        assertEquals(FaultStatus.OP_RNG_ERROR, f.status());
        byte[] in = hex(SambaVectors.SHARE_ENUM_IN_L1);
        for (int n = 0; n < in.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(in, n);
            assertThrows(NdrException.class, () -> srvsvc.invoke(15, cut, CTX), "truncated at " + n);
        }
    }

    /** The whole path smbclient -L takes: bind, NetShareEnumAll level 1 request PDU, response PDU. */
    @Test
    void smbclientListThroughThePipe() throws Exception {
        PipeRegistry registry = new PipeRegistry(Map.of("srvsvc", List.of(srvsvc)));
        NamedPipe pipe = registry.open("srvsvc", CTX).orElseThrow();
        PipeRead ack = pipe.transceive(hex(SambaVectors.BIND_3_CONTEXTS), 4280);
        BindAckPdu a = BindAckPdu.decode(ack.data(), PduHeader.decode(ack.data(), 0, ack.data().length));
        assertEquals(ContextResult.ACCEPTANCE, a.results().get(0).result());

        PipeRead resp = pipe.transceive(hex(SambaVectors.REQUEST_SHARE_ENUM_L1), 4280);
        PduHeader h = PduHeader.decode(resp.data(), 0, resp.data().length);
        assertEquals(PduType.RESPONSE, h.type());
        assertEquals(3, h.callId());
        assertArrayEquals(hex(SambaVectors.SHARE_ENUM_OUT_L1), ResponsePdu.decode(resp.data(), h).stub());
    }

    /** Many shares: the response spans several fragments which reassemble to one valid stub. */
    @Test
    void manySharesSpanSeveralFragments() throws Exception {
        List<ShareEntry> many = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new ShareEntry("share" + i, 0, "comment number " + i, "/srv/s" + i));
        }
        ShareCatalog big = new ShareCatalog() {
            @Override
            public List<ShareEntry> shares() {
                return many;
            }

            @Override
            public ServerIdentity server() {
                return SERVER;
            }
        };
        PipeRegistry registry = new PipeRegistry(Map.of("srvsvc", List.of(new SrvsvcServer(big))));
        NamedPipe pipe = registry.open("\\PIPE\\srvsvc", CTX).orElseThrow();
        pipe.transceive(hex(SambaVectors.BIND_3_CONTEXTS), 4280);
        pipe.write(hex(SambaVectors.REQUEST_SHARE_ENUM_L1));
        ByteArrayOutputStream stub = new ByteArrayOutputStream();
        int fragments = 0;
        while (true) {
            PipeRead r = pipe.read(4280);
            if (r.isEmpty()) {
                break;
            }
            fragments++;
            PduHeader h = PduHeader.decode(r.data(), 0, r.data().length);
            stub.writeBytes(ResponsePdu.decode(r.data(), h).stub());
        }
        assertEquals(true, fragments > 3);
        NdrReader rd = new NdrReader(stub.toByteArray());
        assertEquals(1, rd.u32());
        assertEquals(1, rd.u32());
        String[] names = new String[300];
        rd.uniquePointer(r -> {
            assertEquals(300, r.u32());
            r.uniquePointer(rr -> {
                int n = rr.conformance(12);
                for (int i = 0; i < n; i++) {
                    int idx = i;
                    rr.uniquePointer(x -> names[idx] = x.conformantVaryingString());
                    rr.u32();
                    rr.uniquePointer(NdrReader::conformantVaryingString);
                }
            });
        });
        rd.flushDeferred();
        assertEquals(300, rd.u32());
        assertEquals("share299", names[299]);
    }
}
