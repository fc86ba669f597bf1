package org.bossa.vfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FsIdentityTest {

    @Test
    void idsAreUnsigned32BitAndNeverTheKernelsNoChangeValue() {
        FsIdentity big = FsIdentity.of(4294967294L, 3000000000L, List.of(4294967294L));
        assertEquals(4294967294L, big.uid());
        assertEquals(3000000000L, big.gid());
        assertEquals(-2, big.rawUid());
        // (uid_t) -1 means "leave unchanged" to setresuid: a switch to it would stay root
        assertThrows(IllegalArgumentException.class, () -> FsIdentity.of(4294967295L, 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> FsIdentity.of(1, 4294967295L, List.of()));
        assertThrows(IllegalArgumentException.class, () -> FsIdentity.of(1, 1, List.of(4294967295L)));
        assertThrows(IllegalArgumentException.class, () -> FsIdentity.of(-1, 1, List.of()));
        assertThrows(IllegalArgumentException.class, () -> FsIdentity.of(1L << 32, 1, List.of()));
        List<Long> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> FsIdentity.of(1, 1, withNull));
    }

    @Test
    void groupsAreDedupedSortedAndCappedAtNgroupsMax() {
        FsIdentity id = FsIdentity.of(1000, 1000, List.of(3000000000L, 20L, 20L, 10L));
        assertArrayEquals(new int[] {10, 20, (int) 3000000000L}, id.rawGroups());
        assertEquals(3, id.groupCount());
        assertEquals(id, FsIdentity.of(1000, 1000, List.of(10L, 3000000000L, 20L)));
        assertEquals(id.hashCode(), FsIdentity.of(1000, 1000, List.of(10L, 3000000000L, 20L)).hashCode());
        assertNotEquals(id, FsIdentity.of(1000, 1000, List.of(10L)));

        Long[] max = new Long[FsIdentity.MAX_GROUPS];
        Arrays.setAll(max, i -> (long) i);
        assertEquals(FsIdentity.MAX_GROUPS, FsIdentity.of(1, 1, Arrays.asList(max)).groupCount());
        Long[] tooMany = new Long[FsIdentity.MAX_GROUPS + 1];
        Arrays.setAll(tooMany, i -> (long) i);
        assertThrows(IllegalArgumentException.class, () -> FsIdentity.of(1, 1, Arrays.asList(tooMany)));
    }

    @Test
    void rawGroupsIsACopy() {
        FsIdentity id = FsIdentity.of(1000, 1000, List.of(5L));
        id.rawGroups()[0] = 0;
        assertArrayEquals(new int[] {5}, id.rawGroups());
    }

    @Test
    void theServerIsNoUser() {
        assertTrue(FsIdentity.SERVER.isServer());
        assertFalse(FsIdentity.of(0, 0, List.of()).isServer());
        assertNotEquals(FsIdentity.SERVER, FsIdentity.of(4294967294L, 4294967294L, List.of()));
        assertEquals(FsIdentity.SERVER, FsIdentity.SERVER);
    }
}
