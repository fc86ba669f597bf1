package org.bossa.dcerpc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bossa.dcerpc.ContextResult;
import org.bossa.dcerpc.FaultStatus;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;
import org.bossa.dcerpc.SyntaxId;
import org.bossa.it.dc.DcInfo;
import org.bossa.it.dc.LoopbackDc;
import org.bossa.rpc.epmapper.EndpointMapper;
import org.bossa.rpc.epmapper.EndpointMapperException;
import org.bossa.rpc.epmapper.ProtocolTower;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client against the fixture's Samba AD DC ({@link LoopbackDc}): the endpoint mapper gives
 * Netlogon's port, an unauthenticated bind to Netlogon there, NetrServerReqChallenge with a
 * hand-written stub (in one fragment and spread over several), a fault for an opnum out of range,
 * a rejected bind, and a response over several fragments (ept_lookup of every endpoint).
 */
@ExtendWith(LoopbackDc.class)
class RpcClientIT {
    static final SyntaxId NETLOGON = new SyntaxId(UUID.fromString("12345678-1234-abcd-ef00-01234567cffb"), 1, 0);
    /** NetrServerReqChallenge (MS-NRPC 3.5.4.4.1). */
    private static final int OPNUM_REQ_CHALLENGE = 4;
    private static final int OPNUM_EPT_LOOKUP = 2;

    private final DcInfo dc;
    private final RpcClientOptions options = RpcClientOptions.defaults();
    private int port;

    RpcClientIT(DcInfo dc) {
        this.dc = dc;
    }

    @BeforeEach
    void mapNetlogon() throws Exception {
        port = new EndpointMapper(options).tcpPort(InetAddress.ofLiteral(dc.dcIp()), NETLOGON);
    }

    /**
     * NetrServerReqChallenge([in, unique, string] LOGONSRV_HANDLE PrimaryName, [in, string] wchar_t
     * *ComputerName, [in] PNETLOGON_CREDENTIAL ClientChallenge, [out] PNETLOGON_CREDENTIAL
     * ServerChallenge).
     */
    private static byte[] reqChallenge(String primaryName, String computerName, byte[] challenge) {
        NdrWriter w = new NdrWriter();
        w.stringPointer(primaryName).flushDeferred();
        w.conformantVaryingString(computerName);
        w.bytes(challenge);
        return w.toByteArray();
    }

    private static byte[] clientChallenge() {
        byte[] c = new byte[8];
        new SecureRandom().nextBytes(c);
        c[0] = (byte) (c[1] + 1); // never five equal leading bytes (ZeroLogon hardening)
        return c;
    }

    @Test
    void endpointMapperGivesNetlogonsPort() {
        assertThat(port).isBetween(1024, 65535);
    }

    @Test
    void unauthenticatedNetlogonReqChallenge() throws Exception {
        try (RpcClientConnection c = RpcClientConnection.connect(dc.dcIp(), port, options)) {
            assertThat(c.bind(NETLOGON, Optional.empty())).isZero();
            assertThat(c.maxXmitFrag()).isBetween(RpcClientOptions.MUST_RECV_FRAG_SIZE, 5840);

            byte[] out = c.call(OPNUM_REQ_CHALLENGE, reqChallenge("\\\\" + dc.dcHost(), "NAME", clientChallenge()));
            assertThat(out).hasSize(12);
            NdrReader r = new NdrReader(out);
            byte[] serverChallenge = r.bytes(8);
            assertThat(r.u32()).as("NTSTATUS").isZero();
            assertThat(serverChallenge).isNotEqualTo(new byte[8]);
        }
    }

    @Test
    void aRequestSpreadOverFragmentsIsReassembledByTheDc() throws Exception {
        try (RpcClientConnection c = RpcClientConnection.connect(dc.dcIp(), port, options)) {
            c.bind(NETLOGON, Optional.empty());
            // a computer name of 6000 characters: a 12 kB stub, three fragments of at most 5840 bytes
            byte[] stub = reqChallenge("\\\\" + dc.dcHost(), "N".repeat(6000), clientChallenge());
            assertThat(stub.length).isGreaterThan(2 * c.maxXmitFrag());
            byte[] out = c.call(OPNUM_REQ_CHALLENGE, stub);
            assertThat(out).as("an answer, not a fault: the DC decoded the whole stub").hasSize(12);
        }
    }

    @Test
    void anOpnumOutOfRangeIsTheOpRangeFault() throws Exception {
        try (RpcClientConnection c = RpcClientConnection.connect(dc.dcIp(), port, options)) {
            c.bind(NETLOGON, Optional.empty());
            assertThatThrownBy(() -> c.call(200, new byte[0])).isInstanceOfSatisfying(RpcFaultException.class, f -> {
                assertThat(f.status()).isEqualTo(FaultStatus.OP_RNG_ERROR);
                assertThat(f.statusName()).isEqualTo("DCERPC_NCA_S_OP_RNG_ERROR");
                assertThat(f.didNotExecute()).isTrue();
            });
            // the association survives the fault
            byte[] out = c.call(OPNUM_REQ_CHALLENGE, reqChallenge(null, "NAME", clientChallenge()));
            assertThat(new NdrReader(out, 8, 4).u32()).isZero();
        }
    }

    @Test
    void aBindToAnInterfaceTheDcDoesNotServeIsRejected() throws Exception {
        SyntaxId unknown = new SyntaxId(UUID.fromString("6f1c2a7e-0000-4000-8000-00000000b055"), 1, 0);
        try (RpcClientConnection c = RpcClientConnection.connect(dc.dcIp(), port, options)) {
            assertThatThrownBy(() -> c.bind(unknown, Optional.empty()))
                    .isInstanceOfSatisfying(RpcBindException.class, e -> {
                        assertThat(e.rejection()).isEqualTo(RpcBindException.Rejection.PROVIDER_REJECTION);
                        assertThat(e.reason()).isEqualTo(ContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED);
                    });
            assertThat(c.isOpen()).isFalse();
        }
    }

    @Test
    void anUnregisteredInterfaceIsTypedByTheEndpointMapper() {
        SyntaxId unknown = new SyntaxId(UUID.fromString("6f1c2a7e-0000-4000-8000-00000000b055"), 1, 0);
        assertThatThrownBy(() -> new EndpointMapper(options).tcpPort(dc.dcIp(), unknown))
                .isInstanceOfSatisfying(EndpointMapperException.class,
                        e -> assertThat(e.reason()).isEqualTo(EndpointMapperException.Reason.NOT_REGISTERED));
    }

    @Test
    void aClosedPortIsConnectFailed() {
        assertThatThrownBy(() -> RpcClientConnection.connect(dc.dcIp(), 1, options))
                .isInstanceOfSatisfying(RpcTransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(RpcTransportException.Kind.CONNECT_FAILED));
    }

    /**
     * ept_lookup of every endpoint (C706 appendix O): an answer larger than a fragment, which the
     * client reassembles; decoded whole, it must list Netlogon at the port ept_map gave.
     */
    @Test
    void aResponseOverSeveralFragmentsIsReassembled() throws Exception {
        try (RpcClientConnection c = RpcClientConnection.connect(dc.dcIp(), EndpointMapper.PORT, options)) {
            c.bind(EndpointMapper.EPMAPPER, Optional.empty());
            NdrWriter w = new NdrWriter();
            w.u32(0);           // inquiry_type RPC_C_EP_ALL_ELTS
            w.u32(0);           // object: null
            w.u32(0);           // interface_id: null
            w.u32(1);           // vers_option RPC_C_VERS_ALL
            w.zeros(20);        // entry_handle
            w.u32(500);         // max_ents
            byte[] out = c.call(OPNUM_EPT_LOOKUP, w.toByteArray());
            assertThat(out.length).as("more than one fragment").isGreaterThan(c.maxRecvFrag());

            List<ProtocolTower> towers = lookupTowers(out);
            assertThat(towers.stream().anyMatch(t -> t.tcpPortFor(NETLOGON).orElse(-1) == port)).isTrue();
        }
    }

    /** Decodes an ept_lookup answer exactly to its last byte: entry_handle, entries, status 0. */
    private static List<ProtocolTower> lookupTowers(byte[] stub) {
        NdrReader r = new NdrReader(stub);
        r.skip(20);
        int num = r.u32();
        int max = r.u32();
        assertThat(r.u32()).as("offset").isZero();
        int actual = r.u32();
        assertThat(actual).isEqualTo(num).isLessThanOrEqualTo(max).isPositive();
        List<ProtocolTower> towers = new ArrayList<>();
        for (int i = 0; i < actual; i++) {
            r.uuid(); // object
            r.fullPointer(p -> {
                int length = p.conformance(1);
                assertThat(p.u32()).isEqualTo(length);
                towers.add(ProtocolTower.decode(p.bytes(length)));
            });
            assertThat(r.u32()).as("annotation offset").isZero();
            r.bytes(r.u32()); // annotation characters
        }
        r.flushDeferred();
        assertThat(r.u32()).as("status").isZero();
        assertThat(r.remaining()).isZero();
        return towers;
    }
}
