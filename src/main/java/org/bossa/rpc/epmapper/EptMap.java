package org.bossa.rpc.epmapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bossa.dcerpc.NdrException;
import org.bossa.dcerpc.NdrReader;
import org.bossa.dcerpc.NdrWriter;

/**
 * ept_map, opnum 3 of the endpoint mapper (C706 appendix O, MS-RPCE 3.1.2 / 2.2.1.2.5):
 *
 * <pre>
 * error_status_t ept_map([in] handle_t h, [in, ptr] uuid_p_t object, [in, ptr] twr_p_t map_tower,
 *     [in, out] ept_lookup_handle_t *entry_handle, [in, range(0,500)] unsigned32 max_towers,
 *     [out] unsigned32 *num_towers, [out, ptr, size_is(max_towers), length_is(*num_towers)] twr_p_t *towers,
 *     [out] error_status_t *status);
 * </pre>
 *
 * twr_t is {@code {unsigned32 tower_length; [size_is(tower_length)] byte tower_octet_string[];}}, a
 * conformant structure: its max_count comes first. The lookup handle is a 20-byte context handle,
 * all zeros for a single lookup.
 */
final class EptMap {
    static final int OPNUM = 3;
    /** ept_s_not_registered (C706 appendix E; Samba's EPMAPPER_STATUS_NO_MORE_ENTRIES). */
    static final int EPT_S_NOT_REGISTERED = 0x16C9A0D6;
    /** EPT_S_NOT_REGISTERED as a Win32 error, which some servers put in the status. */
    static final int EPT_S_NOT_REGISTERED_WIN32 = 0x000006D9;
    /** Most towers asked for; the IDL allows 500. */
    static final int MAX_TOWERS = 4;
    private static final int CONTEXT_HANDLE_SIZE = 20;

    /** The decoded answer: the towers returned (null pointers dropped) and the status. */
    record Result(List<ProtocolTower> towers, int status) {
    }

    private EptMap() {
    }

    static byte[] request(ProtocolTower tower) {
        byte[] octets = tower.encode();
        NdrWriter w = new NdrWriter(64 + octets.length);
        // Top-level [ptr] parameters: a referent id, then the pointee; with nothing aliased a full
        // pointer marshals as a unique one. object is a nil UUID, not a null pointer, as Samba sends it.
        w.uniquePointer(true, p -> p.uuid(new UUID(0, 0)));
        w.flushDeferred();
        w.uniquePointer(true, p -> p.u32(octets.length).u32(octets.length).bytes(octets));
        w.flushDeferred();
        w.align(4).zeros(CONTEXT_HANDLE_SIZE); // entry_handle
        w.u32(MAX_TOWERS);
        return w.toByteArray();
    }

    /** Decodes the response stub; every count is checked before it is used. */
    static Result response(byte[] stub) throws NdrException {
        NdrReader r = new NdrReader(stub);
        r.skip(CONTEXT_HANDLE_SIZE);
        long numTowers = r.u32() & 0xFFFFFFFFL;
        long max = r.u32() & 0xFFFFFFFFL;
        long offset = r.u32() & 0xFFFFFFFFL;
        long actual = r.u32() & 0xFFFFFFFFL;
        if (offset != 0 || actual > max || actual != numTowers || actual > MAX_TOWERS) {
            throw new NdrException("towers array max " + max + " offset " + offset + " actual " + actual + " of "
                    + numTowers);
        }
        List<byte[]> octets = new ArrayList<>((int) actual);
        for (int i = 0; i < actual; i++) {
            r.fullPointer(p -> {
                int length = p.conformance(1);
                int towerLength = p.u32();
                if (towerLength != length) {
                    throw new NdrException("tower_length " + towerLength + " with max_count " + length);
                }
                octets.add(p.bytes(length));
            });
        }
        r.flushDeferred();
        int status = r.u32();
        if (r.remaining() != 0) {
            throw new NdrException(r.remaining() + " bytes after the status");
        }
        List<ProtocolTower> towers = new ArrayList<>(octets.size());
        for (byte[] o : octets) {
            towers.add(ProtocolTower.decode(o));
        }
        return new Result(towers, status);
    }
}
