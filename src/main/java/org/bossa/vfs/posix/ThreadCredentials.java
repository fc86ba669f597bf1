package org.bossa.vfs.posix;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.bossa.vfs.FsIdentity;

/**
 * An {@link FsIdentity} prepared for {@link CredentialScope}: the supplementary group list already
 * laid out as the gid_t array setgroups(2) takes, so a switch allocates nothing. Made once per
 * {@link PosixShareRoot#as} view and shared by every handle the view opens.
 */
final class ThreadCredentials {

    static final ThreadCredentials SERVER = new ThreadCredentials(FsIdentity.SERVER);

    private final FsIdentity identity;
    private final MemorySegment groups;

    private ThreadCredentials(FsIdentity identity) {
        this.identity = identity;
        int[] gs = identity.rawGroups();
        // an automatic arena: the array lives as long as a view or handle refers to it, readable from any thread
        this.groups = gs.length == 0 ? MemorySegment.NULL : Arena.ofAuto().allocateFrom(JAVA_INT, gs);
    }

    static ThreadCredentials of(FsIdentity identity) {
        return identity.isServer() ? SERVER : new ThreadCredentials(identity);
    }

    FsIdentity identity() {
        return identity;
    }

    boolean isServer() {
        return identity.isServer();
    }

    /** The uid as setresuid(2) takes it (never -1: {@link FsIdentity} refuses 4294967295). */
    long uid() {
        return identity.uid();
    }

    long gid() {
        return identity.gid();
    }

    MemorySegment groups() {
        return groups;
    }

    long groupCount() {
        return identity.groupCount();
    }

    @Override
    public String toString() {
        return identity.toString();
    }
}
