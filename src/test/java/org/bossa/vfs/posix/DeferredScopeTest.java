package org.bossa.vfs.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bossa.vfs.FileHandle;
import org.bossa.vfs.FsIdentity;
import org.bossa.vfs.IdentityScope;
import org.bossa.vfs.OpenMode;
import org.bossa.vfs.ShareRoot;
import org.bossa.vfs.posix.CredentialScope.ThreadIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request-long scope ({@link ShareRoot#enter()}): it switches at the first call made inside it,
 * not before, keeps the thread switched for the rest of the request, switches back when closed, and
 * refuses a call of another identity inside it. Needs root; fails, not skips, otherwise.
 */
class DeferredScopeTest {
    static final FsIdentity A = FsIdentity.of(61001, 61001, List.of(61100L));
    static final FsIdentity B = FsIdentity.of(61002, 61002, List.of());

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
        Path f = Files.writeString(tmp.resolve("a.txt"), "a");
        Files.setAttribute(f, "unix:uid", 61001, LinkOption.NOFOLLOW_LINKS);
        root = ShareRoot.open(tmp);
    }

    @AfterEach
    void close() {
        root.close();
    }

    @Test
    void aScopeWithoutCallsSwitchesNothing() throws Exception {
        onVirtualThread(() -> {
            try (IdentityScope s = root.as(A).enter()) {
                assertTrue(CredentialScope.isRestored(ThreadIds.current()), "switched before any call");
            }
            assertTrue(CredentialScope.isRestored(ThreadIds.current()));
        });
    }

    @Test
    void theFirstCallSwitchesAndTheThreadStaysSwitchedUntilTheScopeCloses() throws Exception {
        onVirtualThread(() -> {
            ShareRoot asA = root.as(A);
            try (IdentityScope s = asA.enter()) {
                try (FileHandle h = asA.open("a.txt", OpenMode.read().nonDirectory())) {
                    ThreadIds inside = ThreadIds.current();
                    assertEquals(61001, inside.euid(), "the request runs as A after its first call");
                    h.stat();
                    assertEquals(61001, ThreadIds.current().euid());
                }
                assertEquals(61001, ThreadIds.current().euid(), "still A until the scope closes");
            }
            assertTrue(CredentialScope.isRestored(ThreadIds.current()), "back to root after the scope");
        });
    }

    @Test
    void aCallOfAnotherIdentityInsideTheScopeIsRefused() throws Exception {
        onVirtualThread(() -> {
            try (IdentityScope s = root.as(A).enter()) {
                assertThrows(IllegalStateException.class, () -> root.as(B).statfs());
                assertThrows(IllegalStateException.class, () -> root.statfs(), "not even the server's view");
            }
            assertTrue(CredentialScope.isRestored(ThreadIds.current()));
        });
    }

    @Test
    void nestedScopesOfTheSameIdentityAreOne() throws Exception {
        onVirtualThread(() -> {
            ShareRoot asA = root.as(A);
            try (IdentityScope outer = asA.enter()) {
                try (IdentityScope inner = asA.enter()) {
                    asA.statfs();
                }
                assertEquals(61001, ThreadIds.current().euid(), "the inner scope did not restore the outer's switch");
            }
            assertTrue(CredentialScope.isRestored(ThreadIds.current()));
        });
    }

    private static void onVirtualThread(Runnable body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.join();
        if (failure.get() instanceof Error e) {
            throw e;
        }
        if (failure.get() instanceof Exception e) {
            throw e;
        }
    }
}
