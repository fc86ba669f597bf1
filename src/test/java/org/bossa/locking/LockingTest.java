package org.bossa.locking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.Test;

/** Share modes (MS-FSA 2.1.5.1.2.1) and byte-range locks (MS-FSA 2.1.5.7). */
class LockingTest {
    private static final OpenOwner O1 = new Owner();
    private static final OpenOwner O2 = new Owner();
    private static final OpenOwner O3 = new Owner();

    private static final class Owner implements OpenOwner {
    }

    private static final int READ = 0x1;
    private static final int WRITE = 0x2;
    private static final int DELETE = 0x10000;
    private static final int READ_ATTRIBUTES = 0x80;
    private static final FileKey KEY = new FileKey(1, 42);

    @Test
    void readersShareWhenBothAllowIt() {
        ShareModeTable t = new ShareModeTable();
        assertThat(t.acquire(KEY, O1, READ, 0x1).granted()).isTrue();
        assertThat(t.acquire(KEY, O2, READ, 0x1).granted()).isTrue();
        assertThat(t.acquire(KEY, O3, WRITE, 0x7).status()).isEqualTo(NtStatus.SHARING_VIOLATION);
    }

    @Test
    void attributeOnlyOpensNeverConflict() {
        ShareModeTable t = new ShareModeTable();
        t.acquire(KEY, O1, READ | WRITE, 0);
        assertThat(t.acquire(KEY, O2, READ_ATTRIBUTES, 0).granted()).isTrue();
    }

    @Test
    void deleteNeedsShareDelete() {
        ShareModeTable t = new ShareModeTable();
        t.acquire(KEY, O1, READ, 0x3);
        assertThat(t.acquire(KEY, O2, DELETE, 0x7).status()).isEqualTo(NtStatus.SHARING_VIOLATION);
    }

    @Test
    void deletePendingRefusesNewOpensAndLastReleaseReportsIt() {
        ShareModeTable t = new ShareModeTable();
        FileState st = t.acquire(KEY, O1, DELETE, 0x7).state();
        st.deletePending(true);
        assertThat(t.acquire(KEY, O2, READ, 0x7).status()).isEqualTo(NtStatus.DELETE_PENDING);
        assertThat(t.release(st, O1)).isTrue();
        assertThat(t.find(KEY)).isNull();
    }

    @Test
    void exclusiveLockBlocksOthersSharedBlocksWrites() {
        ByteRangeLocks l = new ByteRangeLocks();
        assertThat(l.tryLock(new ByteRangeLocks.Lock(O1, 0, 10, true))).isEqualTo(NtStatus.SUCCESS);
        assertThat(l.accessAllowed(O1, 0, 5, true)).isTrue();
        assertThat(l.accessAllowed(O2, 5, 5, false)).isFalse();
        assertThat(l.tryLock(new ByteRangeLocks.Lock(O2, 5, 10, false))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(l.unlock(O1, 0, 10)).isEqualTo(NtStatus.SUCCESS);
        assertThat(l.tryLock(new ByteRangeLocks.Lock(O2, 5, 10, false))).isEqualTo(NtStatus.SUCCESS);
        assertThat(l.accessAllowed(O2, 6, 1, true)).isFalse();
        assertThat(l.accessAllowed(O3, 6, 1, false)).isTrue();
        assertThat(l.unlock(O2, 5, 9)).isEqualTo(NtStatus.RANGE_NOT_LOCKED);
    }

    @Test
    void blockingLockIsGrantedOnUnlockAndCanBeCancelled() {
        ByteRangeLocks l = new ByteRangeLocks();
        l.tryLock(new ByteRangeLocks.Lock(O1, 0, 10, true));
        CompletableFuture<NtStatus> waiting = l.lockWhenFree(new ByteRangeLocks.Lock(O2, 0, 10, true));
        CompletableFuture<NtStatus> cancelled = l.lockWhenFree(new ByteRangeLocks.Lock(O3, 0, 10, true));
        assertThat(waiting).isNotDone();
        cancelled.complete(NtStatus.CANCELLED);
        l.unlock(O1, 0, 10);
        assertThat(waiting).isCompletedWithValue(NtStatus.SUCCESS);
        assertThat(l.accessAllowed(O3, 0, 1, false)).isFalse();
    }

    @Test
    void wrappingRangesAreInvalidAndZeroLengthLocksTouchOnlyTheirOffset() {
        assertThat(ByteRangeLocks.validRange(-2, 2)).isTrue();
        assertThat(ByteRangeLocks.validRange(-2, 3)).isFalse();
        ByteRangeLocks l = new ByteRangeLocks();
        l.tryLock(new ByteRangeLocks.Lock(O1, 0, 10, true));
        assertThat(l.tryLock(new ByteRangeLocks.Lock(O2, 5, 0, true))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(l.tryLock(new ByteRangeLocks.Lock(O2, 10, 0, true))).isEqualTo(NtStatus.SUCCESS);
        assertThat(l.tryLock(new ByteRangeLocks.Lock(O3, 10, 5, true))).isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void stackingFollowsWindows() {
        ByteRangeLocks l = new ByteRangeLocks();
        assertThat(l.tryLock(new ByteRangeLocks.Lock(O1, 0, 10, true))).isEqualTo(NtStatus.SUCCESS);
        assertThat(l.tryLock(new ByteRangeLocks.Lock(O1, 0, 10, false))).isEqualTo(NtStatus.SUCCESS);
        assertThat(l.tryLock(new ByteRangeLocks.Lock(O2, 0, 10, false))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
        assertThat(l.tryLock(new ByteRangeLocks.Lock(O1, 0, 10, true))).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
    }

    @Test
    void closingAnOpenWithAPendingLockCancelsItAndReleasesTheFile() {
        ShareModeTable t = new ShareModeTable();
        FileState st = t.acquire(KEY, O1, READ | WRITE, 0x7).state();
        t.acquire(KEY, O2, READ | WRITE, 0x7);
        st.locks().tryLock(new ByteRangeLocks.Lock(O1, 0, 10, true));
        st.locks().tryLock(new ByteRangeLocks.Lock(O2, 20, 10, true));
        CompletableFuture<NtStatus> mine = st.locks().lockWhenFree(new ByteRangeLocks.Lock(O2, 0, 10, true));
        CompletableFuture<NtStatus> other = st.locks().lockWhenFree(new ByteRangeLocks.Lock(O1, 20, 10, true));
        assertThat(t.release(st, O2)).isFalse();
        assertThat(mine).isCompletedWithValue(NtStatus.CANCELLED);
        assertThat(other).isCompletedWithValue(NtStatus.SUCCESS);
        assertThat(st.locks().accessAllowed(O2, 20, 1, false)).isFalse();
        assertThat(t.release(st, O1)).isTrue();
        assertThat(t.find(KEY)).isNull();
        assertThat(st.locks().isEmpty()).isTrue();
    }

    @Test
    void recordsBelongToTheOwnerObjectNotToAnEqualLookingOne() {
        ShareModeTable t = new ShareModeTable();
        OpenOwner first = new Owner();
        OpenOwner sameLooking = new Owner();
        FileState st = t.acquire(KEY, first, READ, 0).state();
        st.locks().tryLock(new ByteRangeLocks.Lock(first, 0, 10, true));
        t.acquire(KEY, sameLooking, READ_ATTRIBUTES, 0x7);
        assertThat(t.release(st, sameLooking)).isFalse();
        assertThat(t.acquire(KEY, O3, READ, 0x7).status()).isEqualTo(NtStatus.SHARING_VIOLATION);
        assertThat(st.locks().accessAllowed(O3, 0, 1, false)).isFalse();
    }
}
