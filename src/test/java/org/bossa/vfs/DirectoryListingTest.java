package org.bossa.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import org.bossa.smb2.wire.NtStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryListingTest {

    @TempDir
    Path tmp;

    ShareRoot share;

    @BeforeEach
    void open() {
        share = ShareRoot.open(tmp);
    }

    @AfterEach
    void close() {
        share.close();
    }

    @Test
    void listsEntriesWithTypesAndRewinds() throws Exception {
        Files.createDirectory(tmp.resolve("d"));
        Files.createDirectory(tmp.resolve("d/sub"));
        Files.writeString(tmp.resolve("d/file"), "12345");
        Files.createSymbolicLink(tmp.resolve("d/link"), Path.of("/etc/passwd"));
        try (FileHandle d = share.open("d", OpenMode.path().directory());
                DirectoryReader r = d.list()) {
            Set<String> names = new HashSet<>();
            for (DirEntry e = r.next(); e != null; e = r.next()) {
                names.add(e.name());
                switch (e.name()) {
                    case "sub" -> assertTrue(e.isDirectory() || e.typeUnknown());
                    case "file" -> {
                        assertTrue(e.isRegular() || e.typeUnknown());
                        FileStat st = r.statEntry(e.name());
                        assertEquals(5, st.size());
                        assertEquals(e.ino(), st.ino());
                    }
                    case "link" -> {
                        FileStat st = r.statEntry("link");
                        assertTrue(st.isSymlink(), "statEntry does not follow symlinks");
                        assertEquals(st, d.statAt("link"));
                    }
                    default -> throw new AssertionError(e.name());
                }
            }
            assertEquals(Set.of("sub", "file", "link"), names, "no . or ..");
            assertNull(r.next(), "stays at end");
            r.rewind();
            int again = 0;
            while (r.next() != null) {
                again++;
            }
            assertEquals(3, again);
            VfsException e = assertThrows(VfsException.class, () -> r.statEntry(".."));
            assertEquals(NtStatus.OBJECT_NAME_INVALID, e.status());
            e = assertThrows(VfsException.class, () -> d.statAt("sub/../../x"));
            assertEquals(NtStatus.OBJECT_NAME_INVALID, e.status());
        }
    }

    @Test
    void emptyDirectoryAndListingAFile() throws Exception {
        try (FileHandle d = share.mkdir("empty", 0755); DirectoryReader r = d.list()) {
            assertNull(r.next());
        }
        Files.writeString(tmp.resolve("f"), "x");
        try (FileHandle f = share.open("f", OpenMode.read())) {
            VfsException e = assertThrows(VfsException.class, f::list);
            assertEquals(NtStatus.NOT_A_DIRECTORY, e.status());
        }
    }

    @Test
    void readersAreIndependentAndClosable() throws Exception {
        Files.createDirectory(tmp.resolve("d"));
        for (int i = 0; i < 10; i++) {
            Files.writeString(tmp.resolve("d/f" + i), "");
        }
        try (FileHandle d = share.open("d", OpenMode.read().directory())) {
            DirectoryReader a = d.list();
            DirectoryReader b = d.list();
            assertTrue(a.next() != null);
            int countB = 0;
            while (b.next() != null) {
                countB++;
            }
            assertEquals(10, countB);
            int restA = 0;
            while (a.next() != null) {
                restA++;
            }
            assertEquals(9, restA);
            a.close();
            a.close();
            assertEquals(NtStatus.FILE_CLOSED, assertThrows(VfsException.class, a::next).status());
            b.close();
        }
    }

    /**
     * 100,000 entries in one directory. Creating them costs ~70 us each on the build machine's ext4
     * (7 s), so the test runs on tmpfs (/dev/shm) when there is one, and cleans up after itself.
     */
    @Test
    void hundredThousandEntriesStreamedCompletely() throws Exception {
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "bossa-vfs-") : Files.createDirectory(tmp.resolve("base"));
        int n = 100_000;
        try (ShareRoot big = ShareRoot.open(base)) {
            try {
                listHundredThousand(big, n);
            } finally {
                for (int i = 0; i < n; i++) {
                    try {
                        big.unlink("big/entry-" + i, false);
                    } catch (VfsException missing) {
                        // creation stopped early
                    }
                }
                big.unlink("big", true);
            }
        } finally {
            Files.delete(base);
        }
    }

    private static void listHundredThousand(ShareRoot share, int n) {
        share.mkdir("big", 0755).close();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            share.open("big/entry-" + i, OpenMode.write().createNew(0644)).close();
        }
        long t1 = System.nanoTime();
        BitSet seen = new BitSet(n);
        int count = 0;
        try (FileHandle d = share.open("big", OpenMode.path().directory()); DirectoryReader r = d.list()) {
            for (DirEntry e = r.next(); e != null; e = r.next()) {
                int idx = Integer.parseInt(e.name().substring("entry-".length()));
                assertFalse(seen.get(idx), "duplicate " + e.name());
                seen.set(idx);
                count++;
            }
            assertEquals(n, count);
            assertEquals(n, seen.cardinality());
            // RESTART_SCANS: read a little, rewind, and get everything again
            for (int i = 0; i < 1000; i++) {
                r.next();
            }
            r.rewind();
            int again = 0;
            while (r.next() != null) {
                again++;
            }
            assertEquals(n, again);
        }
        long t2 = System.nanoTime();
        // the case-insensitive miss path lists the whole directory once
        assertEquals("big/entry-99999", share.resolve(java.util.List.of("BIG", "ENTRY-99999")));
        long t3 = System.nanoTime();
        System.out.printf("100k entries: create %d ms, list twice %d ms, folded lookup %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    }
}
