package org.bossa.rpc.epmapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.NdrWriter;
import org.bossa.dcerpc.PfcFlags;
import org.bossa.dcerpc.ResponsePdu;
import org.bossa.dcerpc.SyntaxId;
import org.bossa.dcerpc.client.DcExchanges;
import org.bossa.dcerpc.client.RpcClientConnection;
import org.bossa.dcerpc.client.RpcClientOptions;
import org.bossa.dcerpc.client.ScriptedTransport;
import org.junit.jupiter.api.Test;

/**
 * ept_map against what Samba's client sent and the Samba AD DC answered (dc-exchanges.txt,
 * connection "epm": Netlogon, then an interface the DC does not register), and against malformed
 * answers.
 */
class EndpointMapperTest {
    private static final SyntaxId NETLOGON = new SyntaxId(UUID.fromString("12345678-1234-abcd-ef00-01234567cffb"), 1, 0);
    private static final SyntaxId UNKNOWN = new SyntaxId(UUID.fromString("12345678-0000-0000-0000-000000000001"), 1, 0);
    private static final List<byte[]> SENT = DcExchanges.sent("epm");
    private static final List<byte[]> RECEIVED = DcExchanges.received("epm");

    private static byte[] stub(byte[] pdu) {
        return Arrays.copyOfRange(pdu, ResponsePdu.HEADER_SIZE, pdu.length);
    }

    @Test
    void requestMatchesSambaUpToReferentIds() {
        byte[] ours = EptMap.request(ProtocolTower.ncacnIpTcp(NETLOGON, 0, new byte[4]));
        byte[] samba = stub(SENT.get(1));
        // Samba numbers top-level full pointers 1, 2; NdrWriter numbers referents 0x20000, 0x20004
        NdrWriter patch = new NdrWriter();
        patch.bytes(ours);
        patch.putU32(0, 1);
        patch.putU32(20, 2);
        assertThat(patch.toByteArray()).isEqualTo(samba);
    }

    @Test
    void towerOctetsMatchSambasNdrPack() {
        // samba.ndr.ndr_pack(epm_twr_t) of the same tower, after its two length words
        byte[] samba = Arrays.copyOfRange(stub(SENT.get(1)), 32, 32 + 75);
        assertThat(ProtocolTower.ncacnIpTcp(NETLOGON, 0, new byte[4]).encode()).isEqualTo(samba);
        assertThat(ProtocolTower.decode(samba)).isEqualTo(ProtocolTower.ncacnIpTcp(NETLOGON, 0, new byte[4]));
    }

    @Test
    void decodesTheDcsAnswers() {
        EptMap.Result found = EptMap.response(stub(RECEIVED.get(1)));
        assertThat(found.status()).isZero();
        assertThat(found.towers()).hasSize(1);
        assertThat(found.towers().get(0).tcpPortFor(NETLOGON)).hasValue(49152);
        assertThat(found.towers().get(0).tcpPortFor(UNKNOWN)).isEmpty();
        assertThat(found.towers().get(0).tcpPortFor(new SyntaxId(NETLOGON.uuid(), 2, 0))).isEmpty();

        EptMap.Result missing = EptMap.response(stub(RECEIVED.get(2)));
        assertThat(missing.towers()).isEmpty();
        assertThat(missing.status()).isEqualTo(EptMap.EPT_S_NOT_REGISTERED);
    }

    @Test
    void mapsThroughAConnectionAndTypesAnUnregisteredInterface() throws Exception {
        ScriptedTransport t = new ScriptedTransport().answer(RECEIVED.toArray(byte[][]::new));
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(EndpointMapper.EPMAPPER, Optional.empty());
        assertThat(t.sent.get(0)).isEqualTo(SENT.get(0));

        assertThat(EndpointMapper.tcpPort(c, NETLOGON)).isEqualTo(49152);
        assertThatThrownBy(() -> EndpointMapper.tcpPort(c, UNKNOWN))
                .isInstanceOfSatisfying(EndpointMapperException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EndpointMapperException.Reason.NOT_REGISTERED);
                    assertThat(e.status()).isEqualTo(0x16c9a0d6);
                });
    }

    /** The answer to call 2 of a bound scripted connection carrying {@code stub}. */
    private static EndpointMapperException mapFailure(byte[] stub) throws Exception {
        ScriptedTransport t = new ScriptedTransport().answer(RECEIVED.get(0),
                new ResponsePdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, 2, stub.length, 0, 0, stub).encode());
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(EndpointMapper.EPMAPPER, Optional.empty());
        try {
            EndpointMapper.tcpPort(c, NETLOGON);
        } catch (EndpointMapperException e) {
            return e;
        }
        throw new AssertionError("ept_map succeeded");
    }

    /** An ept_map answer with these towers and this status. */
    private static byte[] answer(int status, ProtocolTower... towers) {
        NdrWriter w = new NdrWriter();
        w.zeros(20).u32(towers.length).u32(4).u32(0).u32(towers.length);
        for (ProtocolTower t : towers) {
            byte[] o = t.encode();
            w.uniquePointer(true, p -> p.u32(o.length).u32(o.length).bytes(o));
        }
        w.flushDeferred();
        w.u32(status);
        return w.toByteArray();
    }

    @Test
    void otherFailuresAreTyped() throws Exception {
        assertThat(mapFailure(answer(0)).reason()).isEqualTo(EndpointMapperException.Reason.NOT_REGISTERED);
        assertThat(mapFailure(answer(0x6d9)).reason()).isEqualTo(EndpointMapperException.Reason.NOT_REGISTERED);
        EndpointMapperException busy = mapFailure(answer(0x16c9a012));
        assertThat(busy.reason()).isEqualTo(EndpointMapperException.Reason.SERVER_ERROR);
        assertThat(busy.status()).isEqualTo(0x16c9a012);
        assertThat(mapFailure(answer(0, ProtocolTower.ncacnIpTcp(UNKNOWN, 1024, new byte[4]))).reason())
                .isEqualTo(EndpointMapperException.Reason.NO_TCP_ENDPOINT);
        assertThat(mapFailure(answer(0, ProtocolTower.ncacnIpTcp(NETLOGON, 0, new byte[4]))).reason())
                .as("port 0 is no endpoint").isEqualTo(EndpointMapperException.Reason.NO_TCP_ENDPOINT);
        assertThat(mapFailure(new byte[10]).reason()).isEqualTo(EndpointMapperException.Reason.MALFORMED);
    }

    @Test
    void laterTowersAreSearchedToo() throws Exception {
        byte[] stub = answer(0, ProtocolTower.ncacnIpTcp(UNKNOWN, 1024, new byte[4]),
                ProtocolTower.ncacnIpTcp(NETLOGON, 49999, new byte[] {127, 0, 0, 12}));
        ScriptedTransport t = new ScriptedTransport().answer(RECEIVED.get(0),
                new ResponsePdu(PfcFlags.FIRST_FRAG | PfcFlags.LAST_FRAG, 2, stub.length, 0, 0, stub).encode());
        RpcClientConnection c = RpcClientConnection.over(t, RpcClientOptions.defaults());
        c.bind(EndpointMapper.EPMAPPER, Optional.empty());
        assertThat(EndpointMapper.tcpPort(c, NETLOGON)).isEqualTo(49999);
    }

    @Test
    void everyTruncationOfTheAnswerIsAnNdrError() {
        byte[] whole = stub(RECEIVED.get(1));
        for (int n = 0; n < whole.length; n++) {
            byte[] cut = Arrays.copyOf(whole, n);
            assertThatThrownBy(() -> EptMap.response(cut)).as("%d bytes", n).isInstanceOf(NdrException.class);
        }
        byte[] longer = Arrays.copyOf(whole, whole.length + 4);
        assertThatThrownBy(() -> EptMap.response(longer)).isInstanceOf(NdrException.class);
    }

    @Test
    void lyingCountsAreRefused() {
        byte[] whole = stub(RECEIVED.get(1));
        byte[] actualAboveMax = whole.clone();
        actualAboveMax[32] = 5; // actual_count 5 of max 4
        actualAboveMax[20] = 5;
        assertThatThrownBy(() -> EptMap.response(actualAboveMax)).isInstanceOf(NdrException.class);
        byte[] numMismatch = whole.clone();
        numMismatch[20] = 2; // num_towers 2, actual_count 1
        assertThatThrownBy(() -> EptMap.response(numMismatch)).isInstanceOf(NdrException.class);
        byte[] hugeTower = whole.clone();
        hugeTower[40] = (byte) 0xFF;
        hugeTower[43] = 0x7F; // max_count 0x7f0000ff
        assertThatThrownBy(() -> EptMap.response(hugeTower)).isInstanceOf(NdrException.class)
                .hasMessageContaining("exceeds");
        byte[] lengthMismatch = whole.clone();
        lengthMismatch[44] = 0x4a; // tower_length 74 with max_count 75
        assertThatThrownBy(() -> EptMap.response(lengthMismatch)).isInstanceOf(NdrException.class);
    }

    @Test
    void malformedTowersAreRefused() {
        byte[] tower = ProtocolTower.ncacnIpTcp(NETLOGON, 135, new byte[4]).encode();
        byte[] manyFloors = tower.clone();
        manyFloors[0] = (byte) 0xFF;
        assertThatThrownBy(() -> ProtocolTower.decode(manyFloors)).isInstanceOf(NdrException.class);
        byte[] noProtocol = tower.clone();
        noProtocol[2] = 0;
        noProtocol[3] = 0; // first floor's lhs_byte_count 0
        assertThatThrownBy(() -> ProtocolTower.decode(noProtocol)).isInstanceOf(NdrException.class);
        for (int n = 0; n < tower.length; n++) {
            byte[] cut = Arrays.copyOf(tower, n);
            assertThatThrownBy(() -> ProtocolTower.decode(cut)).isInstanceOf(NdrException.class);
        }
        assertThat(ProtocolTower.decode(tower).tcpPortFor(NETLOGON)).hasValue(135);
    }
}
