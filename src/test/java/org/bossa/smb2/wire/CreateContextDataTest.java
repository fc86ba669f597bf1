package org.bossa.smb2.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreateContextDataTest {

    @Test
    void leaseV1AndV2() {
        LeaseContext v1 = new LeaseContext(false, new LeaseKey(1, 2), LeaseState.READ_CACHING
                | LeaseState.HANDLE_CACHING, 0, null, 0);
        CreateContext c1 = v1.toContext();
        assertEquals("RqLs", c1.name());
        assertEquals(32, c1.dataLength());
        assertEquals(v1, LeaseContext.decode(c1));
        LeaseContext v2 = new LeaseContext(true, new LeaseKey(3, 4), LeaseState.MASK,
                LeaseContext.FLAG_PARENT_LEASE_KEY_SET, new LeaseKey(5, 6), 7);
        CreateContext c2 = v2.toContext();
        assertEquals(52, c2.dataLength());
        assertEquals(v2, LeaseContext.decode(c2));
        LeaseContext g = LeaseContext.decode(c1).granted(LeaseState.READ_CACHING, 0, 9);
        assertFalse(g.v2());
        assertNull(g.parentLeaseKey());
        assertEquals(0, g.epoch());
        Msg.assertStatus(NtStatus.INVALID_PARAMETER, () -> LeaseContext.decode(new CreateContext("RqLs",
                new byte[40])));
        Msg.assertStatus(NtStatus.INVALID_PARAMETER, () -> LeaseContext.decode(new CreateContext("RqLs",
                new byte[0])));
    }

    @Test
    void durableV2() {
        DurableHandleV2 d = new DurableHandleV2(60000, DurableHandleV2.FLAG_PERSISTENT, 11, 12);
        CreateContext c = d.toRequestContext();
        assertEquals("DH2Q", c.name());
        assertEquals(d, DurableHandleV2.decodeRequest(c));
        assertTrue(d.persistent());
        assertEquals(8, DurableHandleV2.response(60000, 0).dataLength());
        Msg.assertStatus(NtStatus.INVALID_PARAMETER, () -> DurableHandleV2.decodeRequest(new CreateContext("DH2Q",
                new byte[31])));
    }

    @Test
    void maximalAccessTimestamp() {
        assertTrue(CreateContexts.maximalAccessTimestamp(new CreateContext("MxAc", new byte[0])).isEmpty());
        Msg.assertStatus(NtStatus.INVALID_PARAMETER,
                () -> CreateContexts.maximalAccessTimestamp(new CreateContext("MxAc", new byte[4])));
    }
}
