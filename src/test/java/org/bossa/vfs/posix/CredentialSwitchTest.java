package org.bossa.vfs.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bossa.smb2.wire.NtStatus;
import org.bossa.vfs.DirectoryReader;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FsIdentity;
import org.bossa.vfs.OpenMode;
import org.bossa.vfs.ShareRoot;
import org.bossa.vfs.VfsException;
import org.bossa.vfs.posix.CredentialScope.ThreadIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The switch itself: what a thread's credentials are inside a switched call (read from the kernel
 * by a hook that runs there), that every thread is back to the process's own credentials after
 * every call whatever happened, that a parked virtual thread stays on its switched carrier, and
 * that handles carry their identity to other threads. Needs root; fails, not skips, otherwise.
 */
class CredentialSwitchTest {

    static final int UID_A = 61001;
    static final int UID_B = 61002;
    static final int UID_C = 61003;
    static final int GID_G = 61100;
    static final FsIdentity A = FsIdentity.of(UID_A, UID_A, List.of((long) GID_G, 61300L));
    static final FsIdentity B = FsIdentity.of(UID_B, UID_B, List.of());
    static final FsIdentity C = FsIdentity.of(UID_C, UID_C, List.of((long) GID_G));

    @TempDir
    Path tmp;

    ShareRoot root;

    @BeforeAll
    static void needsRoot() {
        assertEquals(FsIdentity.Switching.ENABLED, FsIdentity.switching(),
                "these tests need a root JVM with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED");
    }

    @BeforeEach
    void open() throws IOException {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        root = ShareRoot.open(tmp);
        for (FsIdentity id : List.of(A, B, C)) {
            Path home = Files.createDirectory(tmp.resolve("u" + id.uid()));
            Files.writeString(home.resolve("data.txt"), "data of " + id.uid());
            for (Path p : List.of(home, home.resolve("data.txt"))) {
                Files.setAttribute(p, "unix:uid", (int) id.uid(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", (int) id.gid(), LinkOption.NOFOLLOW_LINKS);
            }
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @AfterEach
    void close() {
        CredentialScope.enteredHook = null;
        root.close();
    }

    /** "Name:" lines of /proc/thread-self/status: the calling kernel thread's credentials. */
    static Map<String, String> status() {
        try {
            Map<String, String> m = new ConcurrentHashMap<>();
            for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                int colon = line.indexOf(':');
                m.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSwitchedCallRunsWithTheUsersIdsAndNoCapabilities() throws Exception {
        Queue<Map<String, String>> seen = new ConcurrentLinkedQueue<>();
        CredentialScope.enteredHook = () -> seen.add(status());
        ShareRoot asA = root.as(A);

        Runnable call = () -> {
            try (FileHandle h = asA.open("u61001/data.txt", OpenMode.read())) {
                assertEquals(13, h.stat().size());
            }
        };
        call.run();
        Thread vt = Thread.ofVirtual().start(call);
        vt.join();

        assertEquals(4, seen.size(), "open, stat on two threads: " + seen);
        for (Map<String, String> s : seen) {
            // real and saved uid stay 0 so the switch can be undone; effective and filesystem ids are A's
            assertEquals("0\t61001\t0\t61001", s.get("Uid"));
            assertEquals("0\t61001\t0\t61001", s.get("Gid"));
            assertEquals("61100 61300", s.get("Groups"));
            // no effective capability: no CAP_DAC_OVERRIDE, CAP_FOWNER, CAP_CHOWN, nor CAP_SYS_RESOURCE,
            // so ext4's root-reserved blocks and quota limits apply to A as to any unprivileged process
            assertEquals("0000000000000000", s.get("CapEff"));
            assertFalse(s.get("CapPrm").equals("0000000000000000"), "permitted kept: the way back to root");
        }
        Map<String, String> after = status();
        assertEquals("0\t0\t0\t0", after.get("Uid"));
        assertFalse(after.get("CapEff").equals("0000000000000000"));
    }

    @Test
    void noCredentialsLeakFromThousandsOfInterleavedCalls() throws Exception {
        List<ShareRoot> views = List.of(root.as(A), root.as(B), root.as(C), root);
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger switchedParks = new AtomicInteger();
        // inside a switched call, park now and then: a pinned virtual thread must come back on the same
        // (still switched) carrier, and no other virtual thread may run on that carrier meanwhile
        CredentialScope.enteredHook = () -> {
            ThreadIds before = ThreadIds.current();
            if (Thread.currentThread().isVirtual() && before.euid() % 3 == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                switchedParks.incrementAndGet();
            }
            ThreadIds now = ThreadIds.current();
            if (now.euid() != before.euid() || now.egid() != before.egid()) {
                problems.add("credentials changed inside a scope: " + before + " -> " + now);
            }
        };
        AtomicInteger calls = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = 0; i < 120; i++) {
                int k = (int) (Thread.currentThread().threadId() + i) % views.size();
                ShareRoot v = views.get(k);
                try {
                    oneCall(v, i);
                } catch (VfsException e) {
                    if (e.status() != NtStatus.ACCESS_DENIED) {
                        problems.add(v.identity() + ": " + e.getMessage());
                    }
                } catch (RuntimeException | AssertionError e) {
                    problems.add(v.identity() + ": " + e);
                }
                calls.incrementAndGet();
                ThreadIds ids = ThreadIds.current();
                if (!CredentialScope.isRestored(ids)) {
                    problems.add("not restored after a call as " + v.identity() + ": " + ids);
                }
                if (i % 7 == 0) {
                    Thread.yield(); // let virtual threads change carriers between calls
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 48; t++) {
            threads.add(Thread.ofVirtual().start(worker));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                fs.add(pool.submit(worker));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(56 * 120, calls.get());
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + problems.peek());
        assertTrue(switchedParks.get() > 0, "no virtual thread parked while switched");
    }

    /** One of several calls, each as the view's identity; calls into other users' homes are denied. */
    private static void oneCall(ShareRoot v, int i) {
        String home = "u" + (v.identity().isServer() ? UID_A : v.identity().uid());
        String other = "u" + (UID_A + (i % 3));
        switch (i % 5) {
            case 0 -> {
                try (FileHandle h = v.open(home + "/data.txt", OpenMode.read())) {
                    byte[] b = new byte[32];
                    assertTrue(h.read(0, b, 0, b.length) > 0);
                }
            }
            case 1 -> v.resolve(List.of(other.toUpperCase(), "DATA.TXT"));
            case 2 -> {
                String name = home + "/tmp" + Thread.currentThread().threadId() + "-" + i;
                v.mkdir(name, 0700).close();
                v.unlink(name, true);
            }
            case 3 -> {
                try (FileHandle d = v.open(other, OpenMode.read().directory()); DirectoryReader r = d.list()) {
                    while (r.next() != null) {
                        // drain
                    }
                }
            }
            default -> v.statfs();
        }
    }

    @Test
    void aHandleKeepsItsIdentityOnOtherThreads() throws Exception {
        Files.writeString(tmp.resolve("shared.txt"), "secret");
        Files.setAttribute(tmp.resolve("shared.txt"), "unix:uid", UID_B);
        Files.setPosixFilePermissions(tmp.resolve("shared.txt"), PosixFilePermissions.fromString("rw-------"));
        // opened on this thread, used on others
        FileHandle asA = root.as(A).open("shared.txt", OpenMode.path());
        FileHandle asRoot = root.open("shared.txt", OpenMode.path());
        FileHandle own = root.as(A).open("u61001/data.txt", OpenMode.readWrite());
        try {
            for (Thread.Builder builder : List.of(Thread.ofPlatform(), Thread.ofVirtual())) {
                Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
                Thread t = builder.start(() -> {
                    try {
                        VfsException e = assertThrows(VfsException.class, () -> asA.reopen(OpenMode.read()));
                        assertEquals(NtStatus.ACCESS_DENIED, e.status());
                        e = assertThrows(VfsException.class, () -> asA.chmod(0666));
                        assertEquals(NtStatus.ACCESS_DENIED, e.status());
                        try (FileHandle r = asRoot.reopen(OpenMode.read())) {
                            assertEquals(6, r.stat().size());
                        }
                        // a data write through A's handle: the kernel sees A (setuid bits would be dropped, quota is A's)
                        own.write(0, "DATA".getBytes(StandardCharsets.UTF_8), 0, 4);
                        assertTrue(CredentialScope.isRestored(ThreadIds.current()));
                    } catch (Throwable x) {
                        failures.add(x);
                    }
                });
                t.join();
                assertTrue(failures.isEmpty(), () -> String.valueOf(failures.peek()));
            }
        } finally {
            asA.close();
            asRoot.close();
            own.close();
        }
        assertEquals("DATA of 61001", Files.readString(tmp.resolve("u61001/data.txt")));
        assertEquals(0600, (Integer) Files.getAttribute(tmp.resolve("shared.txt"), "unix:mode") & 07777);
    }

    @Test
    void scopesNestForTheSameIdentityOnly() {
        ThreadCredentials a = ThreadCredentials.of(A);
        try (CredentialScope outer = CredentialScope.enter(a)) {
            assertEquals(UID_A, ThreadIds.current().euid());
            try (CredentialScope inner = CredentialScope.enter(ThreadCredentials.of(A))) {
                assertEquals(UID_A, ThreadIds.current().euid());
            }
            assertEquals(UID_A, ThreadIds.current().euid(), "the inner scope must not restore");
            assertThrows(IllegalStateException.class, () -> CredentialScope.enter(ThreadCredentials.of(B)));
            assertThrows(IllegalStateException.class, () -> CredentialScope.enter(ThreadCredentials.SERVER));
            assertEquals(UID_A, ThreadIds.current().euid());
        }
        assertTrue(CredentialScope.isRestored(ThreadIds.current()));
        try (CredentialScope s = CredentialScope.enter(ThreadCredentials.SERVER)) {
            assertTrue(CredentialScope.isRestored(ThreadIds.current()), "the server's scope switches nothing");
        }
    }

    @Test
    void aFailingHookStillRestores() {
        CredentialScope.enteredHook = () -> {
            throw new IllegalStateException("boom");
        };
        assertThrows(IllegalStateException.class, () -> root.as(B).statfs());
        assertTrue(CredentialScope.isRestored(ThreadIds.current()));
        CredentialScope.enteredHook = null;
        assertTrue(root.as(B).statfs().totalBlocks() > 0, "works again without the hook");
    }
}
