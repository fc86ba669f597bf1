package org.bossa.smb2.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The chain of SMB2_CREATE_CONTEXT structures in CREATE requests and responses (MS-SMB2 2.2.13.2, 2.2.14.2):
 * decoding with full validation, lookup by name, encoding, and the response values Bossa produces.
 *
 * <p>Layout of one element: Next (4), NameOffset (2), NameLength (2), Reserved (2), DataOffset (2),
 * DataLength (4), then the name and the data, each 8-byte aligned; Next and both offsets count from the
 * start of the element. Elements start 8-byte aligned.
 */
public final class CreateContexts {
    private CreateContexts() {
    }

    /** Size of an element's fixed part. */
    public static final int HEADER_SIZE = 16;

    /** SMB2_CREATE_EA_BUFFER. */
    public static final String EA_BUFFER = "ExtA";
    /** SMB2_CREATE_SD_BUFFER. */
    public static final String SD_BUFFER = "SecD";
    /** SMB2_CREATE_DURABLE_HANDLE_REQUEST / _RESPONSE. */
    public static final String DURABLE_HANDLE_REQUEST = "DHnQ";
    /** SMB2_CREATE_DURABLE_HANDLE_RECONNECT. */
    public static final String DURABLE_HANDLE_RECONNECT = "DHnC";
    /** SMB2_CREATE_ALLOCATION_SIZE. */
    public static final String ALLOCATION_SIZE = "AlSi";
    /** SMB2_CREATE_QUERY_MAXIMAL_ACCESS_REQUEST / _RESPONSE. */
    public static final String QUERY_MAXIMAL_ACCESS = "MxAc";
    /** SMB2_CREATE_TIMEWARP_TOKEN. */
    public static final String TIMEWARP_TOKEN = "TWrp";
    /** SMB2_CREATE_QUERY_ON_DISK_ID. */
    public static final String QUERY_ON_DISK_ID = "QFid";
    /** SMB2_CREATE_REQUEST_LEASE / _V2, SMB2_CREATE_RESPONSE_LEASE / _V2. */
    public static final String REQUEST_LEASE = "RqLs";
    /** SMB2_CREATE_DURABLE_HANDLE_REQUEST_V2 / _RESPONSE_V2. */
    public static final String DURABLE_HANDLE_REQUEST_V2 = "DH2Q";
    /** SMB2_CREATE_DURABLE_HANDLE_RECONNECT_V2. */
    public static final String DURABLE_HANDLE_RECONNECT_V2 = "DH2C";
    /** Apple's AAPL context (macOS clients; not in MS-SMB2). */
    public static final String AAPL = "AAPL";
    /** SMB2_CREATE_APP_INSTANCE_ID: GUID 45BCA66A-EFA7-F74A-9008-FA462E144D74 as wire bytes. */
    public static final String APP_INSTANCE_ID = guidName("45BCA66AEFA7F74A9008FA462E144D74");
    /** SMB2_CREATE_APP_INSTANCE_VERSION: GUID B982D0B7-3B56-074F-A07B-524A8116A010 as wire bytes. */
    public static final String APP_INSTANCE_VERSION = guidName("B982D0B73B56074FA07B524A8116A010");

    /** Size of the MxAc response data: QueryStatus (4) + MaximalAccess (4). */
    public static final int MAXIMAL_ACCESS_RESPONSE_SIZE = 8;
    /** Size of the QFid response data: DiskFileId (8) + VolumeId (8) + Reserved (16). */
    public static final int ON_DISK_ID_RESPONSE_SIZE = 32;

    private static String guidName(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes and validates the chain named by CreateContextsOffset / CreateContextsLength of a CREATE request.
     * Any fault is STATUS_INVALID_PARAMETER (MS-SMB2 3.3.5.9): the chain must start 8-byte aligned, not
     * before {@code minOffset}, and lie inside the message; every Next must be 0 or a multiple of 8 of at least
     * one header that stays inside the chain; every name must be non-empty, aligned and inside its element;
     * every non-empty data must be aligned, after the name and inside its element.
     */
    public static List<CreateContext> decode(WireReader r, long offset, long length, int minOffset) {
        if (length == 0) {
            return List.of();
        }
        int start = Body.buffer(r, offset, length, minOffset, "CreateContexts");
        if ((start & 7) != 0) {
            throw invalid("CreateContextsOffset " + start + " not 8-byte aligned");
        }
        long end = start + length;
        List<CreateContext> out = new ArrayList<>();
        long pos = start;
        while (true) {
            long remaining = end - pos;
            if (remaining < HEADER_SIZE) {
                throw invalid("create context at " + pos + ": " + remaining + " bytes left, header needs 16");
            }
            int p = (int) pos;
            long next = Body.unsigned(r.u32(p));
            int nameOffset = r.u16(p + 4);
            int nameLength = r.u16(p + 6);
            int dataOffset = r.u16(p + 10);
            long dataLength = Body.unsigned(r.u32(p + 12));
            if (next != 0 && ((next & 7) != 0 || next < HEADER_SIZE || next > remaining)) {
                throw invalid("create context at " + pos + ": Next " + next);
            }
            long elementLength = next == 0 ? remaining : next;
            if (nameLength == 0 || nameOffset < HEADER_SIZE || (nameOffset & 7) != 0
                    || nameOffset + (long) nameLength > elementLength) {
                throw invalid("create context at " + pos + ": name " + nameOffset + "+" + nameLength);
            }
            if (dataLength != 0 && ((dataOffset & 7) != 0 || dataOffset < nameOffset + nameLength
                    || dataOffset + dataLength > elementLength)) {
                throw invalid("create context at " + pos + ": data " + dataOffset + "+" + dataLength);
            }
            byte[] name = r.bytes(pos + nameOffset, nameLength);
            byte[] data = dataLength == 0 ? new byte[0] : r.bytes(pos + dataOffset, dataLength);
            out.add(CreateContext.of(name, data));
            if (next == 0) {
                return List.copyOf(out);
            }
            pos += next;
        }
    }

    private static WireFormatException invalid(String detail) {
        return new WireFormatException(NtStatus.INVALID_PARAMETER, detail);
    }

    /** The first context with this name. */
    public static Optional<CreateContext> find(List<CreateContext> contexts, String name) {
        for (CreateContext c : contexts) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether a context with this name is present. */
    public static boolean contains(List<CreateContext> contexts, String name) {
        return find(contexts, name).isPresent();
    }

    /**
     * Writes the chain at the writer's position, which must be 8-byte aligned; returns the bytes written
     * (the CreateContextsLength). Every element but the last is padded to a multiple of 8.
     */
    public static int encode(WireWriter w, List<CreateContext> contexts) {
        int start = w.position();
        if ((start & 7) != 0) {
            throw new IllegalStateException("create contexts must start 8-byte aligned, at " + start);
        }
        for (int i = 0; i < contexts.size(); i++) {
            CreateContext c = contexts.get(i);
            int elem = w.position();
            byte[] name = c.nameBytes();
            int nameEnd = HEADER_SIZE + name.length;
            int dataOffset = c.dataLength() == 0 ? 0 : (nameEnd + 7) & ~7;
            w.u32(0).u16(HEADER_SIZE).u16(name.length).u16(0).u16(dataOffset).u32(c.dataLength());
            w.bytes(name);
            if (c.dataLength() != 0) {
                w.align(8);
                w.bytes(c.data());
            }
            if (i + 1 < contexts.size()) {
                w.align(8);
                w.putU32(elem, w.position() - elem);
            }
        }
        return w.position() - start;
    }

    /** The SMB2_CREATE_QUERY_MAXIMAL_ACCESS_RESPONSE (2.2.14.2.5): QueryStatus (4), MaximalAccess (4). */
    public static CreateContext maximalAccessResponse(NtStatus queryStatus, int maximalAccess) {
        WireWriter w = new WireWriter(MAXIMAL_ACCESS_RESPONSE_SIZE);
        w.u32(queryStatus.code()).u32(maximalAccess);
        return new CreateContext(QUERY_MAXIMAL_ACCESS, w.toByteArray());
    }

    /**
     * The SMB2_CREATE_QUERY_ON_DISK_ID response (2.2.14.2.9): DiskFileId (32 bytes) made of the file id
     * (8), the volume id (8) and 16 reserved zero bytes.
     */
    public static CreateContext onDiskIdResponse(long diskFileId, long volumeId) {
        WireWriter w = new WireWriter(ON_DISK_ID_RESPONSE_SIZE);
        w.u64(diskFileId).u64(volumeId).zeros(16);
        return new CreateContext(QUERY_ON_DISK_ID, w.toByteArray());
    }

    /**
     * The Timestamp (8 bytes, FILETIME) of an SMB2_CREATE_QUERY_MAXIMAL_ACCESS_REQUEST (2.2.13.2.5), empty when
     * the client sent none. Data of another size is STATUS_INVALID_PARAMETER.
     */
    public static Optional<Long> maximalAccessTimestamp(CreateContext mxac) {
        byte[] d = mxac.data();
        if (d.length == 0) {
            return Optional.empty();
        }
        if (d.length != 8) {
            throw invalid("MxAc request data of " + d.length + " bytes");
        }
        return Optional.of(new WireReader(d).u64(0));
    }
}
