package org.bossa.rpc.epmapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;
import org.bossa.dcerpc.SyntaxId;

/**
 * A protocol tower (C706 appendix L, MS-RPCE 2.2.1.2.5 twr_t octets): floor_count (u16), then per
 * floor lhs_byte_count (u16), the protocol identifier (1) and its lhs data, rhs_byte_count (u16)
 * and the rhs data. Counts and the data of the UUID floors are little-endian; the TCP port and the
 * IP address are in network order. The ncacn_ip_tcp tower is: interface UUID and major version
 * (rhs: minor version), transfer syntax, RPC connection-oriented (0x0b, rhs: minor version 0),
 * TCP (0x07, rhs: port), IP (0x09, rhs: IPv4 address).
 */
public record ProtocolTower(List<Floor> floors) {
    public static final int PROTOCOL_TCP = 0x07;
    public static final int PROTOCOL_IP = 0x09;
    /** RPC connection-oriented protocol (ncacn). */
    public static final int PROTOCOL_NCACN = 0x0B;
    public static final int PROTOCOL_UUID = 0x0D;

    /** One floor: the protocol identifier, the rest of the left-hand side, the right-hand side. */
    public record Floor(int protocol, byte[] lhsData, byte[] rhs) {
        public Floor {
            if (protocol < 0 || protocol > 0xFF || lhsData.length + 1 > 0xFFFF || rhs.length > 0xFFFF) {
                throw new IllegalArgumentException("floor does not fit its counts");
            }
            lhsData = lhsData.clone();
            rhs = rhs.clone();
        }

        @Override
        public byte[] lhsData() {
            return lhsData.clone();
        }

        @Override
        public byte[] rhs() {
            return rhs.clone();
        }

        /** A UUID floor: an interface or transfer syntax. */
        static Floor syntax(SyntaxId s) {
            NdrWriter w = new NdrWriter(18);
            w.uuid(s.uuid()).rawU16(s.versionMajor());
            return new Floor(PROTOCOL_UUID, w.toByteArray(), new byte[] {(byte) s.versionMinor(), (byte) (s.versionMinor() >>> 8)});
        }

        /** The syntax of a UUID floor, or null for another floor or a malformed one. */
        SyntaxId asSyntax() {
            if (protocol != PROTOCOL_UUID || lhsData.length != 18 || rhs.length != 2) {
                return null;
            }
            NdrReader r = new NdrReader(lhsData);
            UUID u = r.uuid();
            int major = r.rawU16();
            return new SyntaxId(u, major, new NdrReader(rhs).rawU16());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Floor f && f.protocol == protocol && Arrays.equals(f.lhsData, lhsData)
                    && Arrays.equals(f.rhs, rhs);
        }

        @Override
        public int hashCode() {
            return protocol * 31 + Arrays.hashCode(lhsData) * 17 + Arrays.hashCode(rhs);
        }
    }

    public ProtocolTower {
        floors = List.copyOf(floors);
        if (floors.size() > 0xFFFF) {
            throw new IllegalArgumentException("too many floors");
        }
    }

    /** The ncacn_ip_tcp tower for {@code iface} over NDR 2.0, at {@code port} and {@code ipv4}. */
    public static ProtocolTower ncacnIpTcp(SyntaxId iface, int port, byte[] ipv4) {
        if (port < 0 || port > 0xFFFF || ipv4.length != 4) {
            throw new IllegalArgumentException("port " + port + " / address of " + ipv4.length + " bytes");
        }
        return new ProtocolTower(List.of(
                Floor.syntax(iface),
                Floor.syntax(SyntaxId.NDR20),
                new Floor(PROTOCOL_NCACN, new byte[0], new byte[2]),
                new Floor(PROTOCOL_TCP, new byte[0], new byte[] {(byte) (port >>> 8), (byte) port}),
                new Floor(PROTOCOL_IP, new byte[0], ipv4)));
    }

    public byte[] encode() {
        NdrWriter w = new NdrWriter(16 + floors.size() * 24);
        w.rawU16(floors.size());
        for (Floor f : floors) {
            w.rawU16(1 + f.lhsData.length).u8(f.protocol).bytes(f.lhsData);
            w.rawU16(f.rhs.length).bytes(f.rhs);
        }
        return w.toByteArray();
    }

    /** Decodes tower octets; every count is checked against the bytes present. */
    public static ProtocolTower decode(byte[] octets) throws NdrException {
        NdrReader r = new NdrReader(octets);
        int count = r.rawU16();
        // each floor takes at least 5 bytes (two counts and a protocol id)
        if ((long) count * 5 > r.remaining()) {
            throw new NdrException("tower of " + count + " floors in " + r.remaining() + " bytes");
        }
        List<Floor> floors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int lhsLength = r.rawU16();
            if (lhsLength < 1) {
                throw new NdrException("floor " + (i + 1) + " without a protocol identifier");
            }
            int protocol = r.u8();
            byte[] lhs = r.bytes(lhsLength - 1);
            byte[] rhs = r.bytes(r.rawU16());
            floors.add(new Floor(protocol, lhs, rhs));
        }
        if (r.remaining() != 0) {
            throw new NdrException(r.remaining() + " bytes after the last floor");
        }
        return new ProtocolTower(floors);
    }

    /**
     * The TCP port when this is an ncacn_ip_tcp tower for {@code iface} (same UUID and major
     * version) over NDR 2.0; empty for any other tower.
     */
    public OptionalInt tcpPortFor(SyntaxId iface) {
        if (floors.size() < 4) {
            return OptionalInt.empty();
        }
        SyntaxId offered = floors.get(0).asSyntax();
        SyntaxId transfer = floors.get(1).asSyntax();
        Floor rpc = floors.get(2);
        Floor tcp = floors.get(3);
        if (offered == null || !offered.uuid().equals(iface.uuid()) || offered.versionMajor() != iface.versionMajor()
                || !SyntaxId.NDR20.equals(transfer) || rpc.protocol() != PROTOCOL_NCACN
                || tcp.protocol() != PROTOCOL_TCP || tcp.rhs.length != 2) {
            return OptionalInt.empty();
        }
        int port = (tcp.rhs[0] & 0xFF) << 8 | (tcp.rhs[1] & 0xFF);
        return port == 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }
}
